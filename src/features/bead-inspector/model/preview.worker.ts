/// <reference lib="webworker" />
import type { LayoutInput } from './layout';
import { quickLayout } from './quick-layout';

/**
 * The preview worker: a few kilobytes that start in milliseconds and lay out the focus
 * neighbourhood with `quickLayout` while the ELK worker is still parsing its bundle.
 * It never runs ELK; the ELK worker's final layout replaces what it draws.
 */
export interface PreviewRequest {
  id: number;
  input: LayoutInput;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (message: MessageEvent<PreviewRequest>) => {
  const { id, input } = message.data;
  try {
    scope.postMessage({ id, phase: 'preview', result: quickLayout(input) });
  } catch (error) {
    // A preview is optional: the ELK worker's answer still comes.
    scope.postMessage({ id, phase: 'preview', error: error instanceof Error ? error.message : String(error) });
  }
};
