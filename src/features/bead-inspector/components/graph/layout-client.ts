import type { LayoutInput, LayoutResult } from '../../model/layout';
import type { LayoutRequest, LayoutResponse } from '../../model/layout.worker';

type Listener = (phase: LayoutResponse['phase'], result: LayoutResult | null, error: string | null) => void;

/**
 * The main thread's side of the layout worker: one worker for the page's lifetime (so its
 * shape cache survives focus and depth changes), answers routed by request id.
 * Where module workers are missing (jsdom), ELK runs in-thread instead.
 */
class LayoutClient {
  private worker: Worker | null = null;
  private next = 1;
  private listeners = new Map<number, Listener>();

  request(input: LayoutInput, focusId: string | null, listener: Listener): () => void {
    const id = this.next++;
    this.listeners.set(id, listener);
    const worker = this.ensureWorker();
    if (worker) worker.postMessage({ id, input, focusId } satisfies LayoutRequest);
    else void this.inThread(id, input, focusId);
    return () => this.listeners.delete(id);
  }

  private ensureWorker(): Worker | null {
    if (this.worker) return this.worker;
    if (typeof Worker === 'undefined') return null;
    this.worker = new Worker(new URL('../../model/layout.worker.ts', import.meta.url), { type: 'module', name: 'graph-layout' });
    this.worker.onmessage = (message: MessageEvent<LayoutResponse>) => {
      const { id, phase, result, error } = message.data;
      this.listeners.get(id)?.(phase, result ?? null, error ?? null);
      if (phase === 'final') this.listeners.delete(id);
    };
    return this.worker;
  }

  private async inThread(id: number, input: LayoutInput, focusId: string | null) {
    const [{ default: ELK }, { layoutGraph }] = await Promise.all([import('elkjs/lib/elk.bundled.js'), import('../../model/layout')]);
    try {
      const result = await layoutGraph(input, new ELK(), { focusId: focusId ?? undefined });
      this.listeners.get(id)?.('final', result, null);
    } catch (error) {
      this.listeners.get(id)?.('final', null, error instanceof Error ? error.message : String(error));
    }
    this.listeners.delete(id);
  }
}

export const layoutClient = new LayoutClient();
