import { describe, expect, it } from 'vitest';
import type { LayoutInput } from '../../model/layout';
import { LayoutClient } from './layout-client';

/** A stand-in worker: records what it was sent; the test answers for it. */
class FakeWorker {
  sent: unknown[] = [];
  onmessage: ((message: MessageEvent) => void) | null = null;
  onerror: (() => void) | null = null;
  postMessage(data: unknown) {
    this.sent.push(data);
  }
  terminate() {}
  answer(data: unknown) {
    this.onmessage?.({ data } as MessageEvent);
  }
}

function chain(length: number): LayoutInput {
  const nodes = Array.from({ length }, (_, i) => ({ id: `b${i}`, width: 220, height: 48 }));
  const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: `b${i}`, target: n.id }));
  return { nodes, edges };
}

const laid = (ids: string[]) => ({
  nodes: Object.fromEntries(ids.map((id, i) => [id, { x: i * 280, y: 0 }])),
  edges: {},
  width: ids.length * 280,
  height: 48,
  components: 1,
  cacheHits: 0,
  ms: 1,
});

function setup() {
  const workers = { layout: new FakeWorker(), preview: new FakeWorker() };
  const client = new LayoutClient((kind) => workers[kind] as unknown as Worker);
  const seen: { phase: string; nodes: number; error: string | null }[] = [];
  const listen = (phase: string, result: { nodes: Record<string, unknown> } | null, error: string | null) =>
    seen.push({ phase, nodes: result ? Object.keys(result.nodes).length : 0, error });
  return { workers, client, seen, listen };
}

describe('the layout client', () => {
  it('on a cold page sends a big graph’s focus neighbourhood to the preview worker and asks ELK for the whole graph only', () => {
    const { workers, client, seen, listen } = setup();
    client.warm();
    client.request(chain(200), 'b100', listen);
    const quick = workers.preview.sent[0] as { id: number; input: LayoutInput };
    // Two hops either side of the focus: five beads, not two hundred.
    expect(quick.input.nodes.map((n) => n.id)).toEqual(['b98', 'b99', 'b100', 'b101', 'b102']);
    expect(workers.layout.sent.at(-1)).toMatchObject({ focusId: 'b100', preview: false });

    workers.preview.answer({ id: quick.id, phase: 'preview', result: laid(['b98', 'b99', 'b100', 'b101', 'b102']) });
    workers.layout.answer({ id: 0, phase: 'final' }); // ELK has loaded (the warm-up)
    workers.layout.answer({ id: quick.id, phase: 'final', result: laid(chain(200).nodes.map((n) => n.id)) });
    expect(seen).toEqual([
      { phase: 'preview', nodes: 5, error: null },
      { phase: 'final', nodes: 200, error: null },
    ]);
  });

  it('never lets a late preview replace the final layout', () => {
    const { workers, client, seen, listen } = setup();
    client.request(chain(100), 'b0', listen);
    const { id } = workers.preview.sent[0] as { id: number };
    workers.layout.answer({ id, phase: 'final', result: laid(['b0']) });
    workers.preview.answer({ id, phase: 'preview', result: laid(['b0', 'b1']) });
    expect(seen.map((s) => s.phase)).toEqual(['final']);
  });

  it('once ELK is warm it draws its own previews, and small graphs never need one', () => {
    const { workers, client, listen } = setup();
    client.warm();
    client.request(chain(20), 'b3', listen);
    expect(workers.preview.sent).toHaveLength(0);
    workers.layout.answer({ id: 0, phase: 'final' });
    client.request(chain(500), 'b3', listen);
    expect(workers.preview.sent).toHaveLength(0);
    expect(workers.layout.sent.at(-1)).toMatchObject({ preview: true });
  });

  it('ignores a failed preview and shows the final layout, and says so when Workers are unavailable', () => {
    const { workers, client, seen, listen } = setup();
    client.request(chain(100), 'b50', listen);
    const { id } = workers.preview.sent[0] as { id: number };
    workers.preview.answer({ id, phase: 'preview', error: 'boom' });
    expect(seen).toEqual([]);
    workers.layout.answer({ id, phase: 'final', result: laid(['b50']) });
    expect(seen).toEqual([{ phase: 'final', nodes: 1, error: null }]);

    const none = new LayoutClient(() => null);
    const errors: (string | null)[] = [];
    none.request(chain(3), 'b0', (_phase, _result, error) => errors.push(error));
    expect(errors[0]).toMatch(/cannot start the layout worker/);
  });
});
