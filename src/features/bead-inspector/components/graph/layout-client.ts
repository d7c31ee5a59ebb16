import type { LayoutInput, LayoutResult } from '../../model/layout';
import type { LayoutRequest, LayoutResponse } from '../../model/layout.worker';

type Listener = (phase: LayoutResponse['phase'], result: LayoutResult | null, error: string | null) => void;

/**
 * The main thread's side of the layout worker: one worker for the page's lifetime (so its
 * shape cache survives focus and depth changes), answers routed by request id.
 * Without Web Workers there is no layout (ELK must never block the main thread): the canvas says so.
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
    else listener('final', null, 'this browser cannot start the layout worker (Web Workers unavailable)');
    return () => this.listeners.delete(id);
  }

  /** Starts the worker and has ELK lay out a tiny graph, so the first real layout runs on warm code. */
  warm() {
    if (this.worker) return;
    const worker = this.ensureWorker();
    const input = { nodes: [{ id: 'a', width: 10, height: 10 }, { id: 'b', width: 10, height: 10 }, { id: 'c', width: 10, height: 10 }], edges: [{ id: 'ab', source: 'a', target: 'b' }, { id: 'ac', source: 'a', target: 'c' }] };
    worker?.postMessage({ id: 0, input, focusId: null, warm: true } satisfies LayoutRequest);
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
}

export const layoutClient = new LayoutClient();
