import { neighbourhoodOf, PREVIEW_ABOVE, PREVIEW_HOPS, type LayoutInput, type LayoutResult } from '../../model/layout';
import type { LayoutRequest, LayoutResponse } from '../../model/layout.worker';
import type { PreviewRequest } from '../../model/preview.worker';

type Listener = (phase: LayoutResponse['phase'], result: LayoutResult | null, error: string | null) => void;

/** Starts a module worker, or gives null where Web Workers do not exist. */
export type WorkerFactory = (kind: 'layout' | 'preview') => Worker | null;

const startWorker: WorkerFactory = (kind) => {
  if (typeof Worker === 'undefined') return null;
  return kind === 'layout'
    ? new Worker(new URL('../../model/layout.worker.ts', import.meta.url), { type: 'module', name: 'graph-layout' })
    : new Worker(new URL('../../model/preview.worker.ts', import.meta.url), { type: 'module', name: 'graph-preview' });
};

/**
 * The main thread's side of the two layout workers, answers routed by request id.
 * - The ELK worker lives as long as the page, so its shape cache survives focus and depth changes.
 * - Until ELK has loaded (its bundle takes ~300 ms to parse on a cold page), a big graph's focus
 *   neighbourhood goes to the tiny preview worker, which draws it at once; ELK then answers with
 *   the whole graph only. Once ELK is warm it draws its own, better, neighbourhood preview.
 * - A preview never replaces a final layout that arrived first.
 * Without Web Workers there is no layout (ELK must never block the main thread): the canvas says so.
 */
export class LayoutClient {
  private elk: Worker | null = null;
  private preview: Worker | null | undefined;
  private elkReady = false;
  private next = 1;
  private listeners = new Map<number, Listener>();

  constructor(private readonly start: WorkerFactory = startWorker) {}

  request(input: LayoutInput, focusId: string | null, listener: Listener): () => void {
    const id = this.next++;
    this.listeners.set(id, listener);
    const elk = this.ensureElk();
    if (!elk) {
      listener('final', null, 'this browser cannot start the layout worker (Web Workers unavailable)');
      this.listeners.delete(id);
      return () => undefined;
    }
    const quick = !this.elkReady && focusId !== null && input.nodes.length > PREVIEW_ABOVE ? this.ensurePreview() : null;
    if (quick) quick.postMessage({ id, input: neighbourhoodOf(input, focusId!, PREVIEW_HOPS) } satisfies PreviewRequest);
    elk.postMessage({ id, input, focusId, preview: !quick } satisfies LayoutRequest);
    return () => this.listeners.delete(id);
  }

  /** Starts both workers and has ELK lay out a tiny graph, so the first real layout runs on warm code. */
  warm() {
    if (this.elk) return;
    const elk = this.ensureElk();
    this.ensurePreview();
    const input = {
      nodes: [
        { id: 'a', width: 10, height: 10 },
        { id: 'b', width: 10, height: 10 },
        { id: 'c', width: 10, height: 10 },
      ],
      edges: [
        { id: 'ab', source: 'a', target: 'b' },
        { id: 'ac', source: 'a', target: 'c' },
      ],
    };
    elk?.postMessage({ id: 0, input, focusId: null, warm: true } satisfies LayoutRequest);
  }

  private deliver({ id, phase, result, error }: LayoutResponse) {
    const listener = this.listeners.get(id);
    if (!listener) return; // unsubscribed, or already final (a late preview is dropped)
    if (phase === 'preview' && error) return; // a failed preview changes nothing: the final layout still comes
    listener(phase, result ?? null, error ?? null);
    if (phase === 'final') this.listeners.delete(id);
  }

  private ensureElk(): Worker | null {
    if (this.elk) return this.elk;
    this.elk = this.start('layout');
    if (this.elk)
      this.elk.onmessage = (message: MessageEvent<LayoutResponse>) => {
        // Any answer means ELK has loaded: from now on it draws its own previews.
        this.elkReady = true;
        this.deliver(message.data);
      };
    return this.elk;
  }

  private ensurePreview(): Worker | null {
    if (this.preview !== undefined) return this.preview;
    this.preview = this.start('preview');
    if (this.preview) {
      this.preview.onmessage = (message: MessageEvent<LayoutResponse>) => this.deliver(message.data);
      // A preview worker that cannot start only costs the early view: ELK answers regardless.
      this.preview.onerror = () => {
        this.preview?.terminate();
        this.preview = null;
      };
    }
    return this.preview;
  }
}

export const layoutClient = new LayoutClient();
