/// <reference lib="webworker" />
import ELK from 'elkjs/lib/elk.bundled.js';
import { layoutGraph, neighbourhoodOf, PREVIEW_ABOVE, PREVIEW_HOPS, type LayoutCache, type LayoutInput, type LayoutResult } from './layout';

/**
 * The layout Web Worker: ELK never runs on the main thread. For a big graph it answers twice:
 * first the focus neighbourhood (so the view is usable at once), then the whole graph. On a cold
 * page the preview worker draws that neighbourhood instead, and this worker only lays out the whole.
 */
export interface LayoutRequest {
  id: number;
  input: LayoutInput;
  focusId: string | null;
  /** A throwaway layout that loads and JIT-compiles ELK before the real graph arrives; answered with id 0 once done. */
  warm?: boolean;
  /** False when the preview worker already drew the neighbourhood: go straight to the whole graph. */
  preview?: boolean;
}
export interface LayoutResponse {
  id: number;
  phase: 'preview' | 'final';
  result?: LayoutResult;
  error?: string;
}

const elk = new ELK();
const cache: LayoutCache = new Map();
let latest = 0;

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (message: MessageEvent<LayoutRequest>) => {
  const { id, input, focusId, warm, preview = true } = message.data;
  if (warm) {
    await layoutGraph(input, elk);
    scope.postMessage({ id: 0, phase: 'final' } satisfies LayoutResponse);
    return;
  }
  latest = id;
  try {
    if (preview && focusId && input.nodes.length > PREVIEW_ABOVE) {
      const near = await layoutGraph(neighbourhoodOf(input, focusId, PREVIEW_HOPS), elk, { focusId, cache });
      scope.postMessage({ id, phase: 'preview', result: near } satisfies LayoutResponse);
    }
    // A newer request (queued behind this one) supersedes it: skip the expensive full layout.
    await new Promise((r) => setTimeout(r, 0));
    if (latest !== id) return;
    const result = await layoutGraph(input, elk, { focusId: focusId ?? undefined, cache });
    scope.postMessage({ id, phase: 'final', result } satisfies LayoutResponse);
  } catch (error) {
    scope.postMessage({ id, phase: 'final', error: error instanceof Error ? error.message : String(error) } satisfies LayoutResponse);
  }
};
