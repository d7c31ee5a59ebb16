/// <reference lib="webworker" />
import ELK from 'elkjs/lib/elk.bundled.js';
import { layoutGraph, neighbourhoodOf, type LayoutCache, type LayoutInput, type LayoutResult } from './layout';

/**
 * The layout Web Worker: ELK never runs on the main thread. For a big graph it answers twice:
 * first the focus neighbourhood (so the view is usable at once), then the whole graph.
 */
export interface LayoutRequest {
  id: number;
  input: LayoutInput;
  focusId: string | null;
  /** A throwaway layout that loads and JIT-compiles ELK before the real graph arrives. */
  warm?: boolean;
}
export interface LayoutResponse {
  id: number;
  phase: 'preview' | 'final';
  result?: LayoutResult;
  error?: string;
}

/** Above this many nodes the focus neighbourhood (2 hops) is laid out and sent first. */
const PREVIEW_ABOVE = 60;

const elk = new ELK();
const cache: LayoutCache = new Map();
let latest = 0;

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (message: MessageEvent<LayoutRequest>) => {
  const { id, input, focusId, warm } = message.data;
  if (warm) {
    await layoutGraph(input, elk);
    return;
  }
  latest = id;
  try {
    if (focusId && input.nodes.length > PREVIEW_ABOVE) {
      const preview = await layoutGraph(neighbourhoodOf(input, focusId, 2), elk, { focusId, cache });
      scope.postMessage({ id, phase: 'preview', result: preview } satisfies LayoutResponse);
      // A newer request supersedes this one: skip the expensive full layout.
      await new Promise((r) => setTimeout(r, 0));
      if (latest !== id) return;
    }
    const result = await layoutGraph(input, elk, { focusId: focusId ?? undefined, cache });
    scope.postMessage({ id, phase: 'final', result } satisfies LayoutResponse);
  } catch (error) {
    scope.postMessage({ id, phase: 'final', error: error instanceof Error ? error.message : String(error) } satisfies LayoutResponse);
  }
};
