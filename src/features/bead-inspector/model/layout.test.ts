import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { buildTownGraph } from '../../../../scenarios';
import { toDrawnGraph } from './graph';
import { connectedComponents, layoutGraph, neighbourhoodOf, type LayoutCache } from './layout';
import { toLayoutInput } from './layout-input';
import { selectWindow } from './viewport-window';

const drawn = toDrawnGraph(buildTownGraph({ beads: 500 }), { minRun: Number.POSITIVE_INFINITY });

describe('layoutGraph (the worker’s pure core)', () => {
  const { input } = toLayoutInput(drawn);

  it('gives ELK every bead but only the tracks edges from chain ends (the rest are drawn straight)', () => {
    expect(input.nodes).toHaveLength(drawn.nodes.length);
    const laid = new Set(input.edges.map((e) => e.id));
    const left = drawn.edges.filter((e) => !laid.has(e.id));
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((e) => e.type === 'tracks')).toBe(true);
    // Every convoy keeps at least one tracks edge, so it is laid out next to its chain.
    const convoys = new Set(drawn.edges.filter((e) => e.type === 'tracks').map((e) => e.target));
    const kept = new Set(input.edges.filter((e) => e.id.startsWith('tracks:')).map((e) => e.target));
    expect(kept).toEqual(convoys);
  });

  it('returns a position for every node and a route for every edge, without overlaps', async () => {
    const cache: LayoutCache = new Map();
    const result = await layoutGraph(input, new ELK(), { cache });
    expect(Object.keys(result.nodes).sort()).toEqual(input.nodes.map((n) => n.id).sort());
    expect(Object.keys(result.edges).sort()).toEqual(input.edges.map((e) => e.id).sort());
    for (const points of Object.values(result.edges)) expect(points.length).toBeGreaterThanOrEqual(2);
    expect(result.components).toBe(connectedComponents(input).length);
    // Nodes never overlap, components included (shelf packing keeps them apart).
    const boxes = Object.values(result.nodes).sort((a, b) => a.x - b.x || a.y - b.y);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length && boxes[j]!.x < boxes[i]!.x + 232; j++) {
        expect(Math.abs(boxes[j]!.y - boxes[i]!.y) >= 58 || boxes[j]!.x >= boxes[i]!.x + 232).toBe(true);
      }
    }
    // A big graph reaches React Flow as a window around the view, edges whole, the focus always in.
    const focus = input.nodes[0]!.id;
    const window = selectWindow(result, input.edges, { x: 0, y: 0, zoom: 0.2 }, { width: 800, height: 500 }, [focus], 40);
    expect(window.capped).toBe(true);
    expect(window.ids.has(focus)).toBe(true);
    expect(window.ids.size).toBeLessThan(input.nodes.length);
    // The same shape again comes from the cache.
    const again = await layoutGraph(input, new ELK(), { cache });
    expect(again.cacheHits).toBe(result.components);
    expect(again.nodes).toEqual(result.nodes);
  }, 30_000);

  it('lays out the focus neighbourhood on its own for the first, fast view', async () => {
    const focus = input.nodes[1]!.id;
    const near = neighbourhoodOf(input, focus, 2);
    expect(near.nodes.length).toBeLessThan(input.nodes.length);
    expect(near.nodes.some((n) => n.id === focus)).toBe(true);
    const result = await layoutGraph(near, new ELK(), { focusId: focus });
    expect(Object.keys(result.nodes)).toHaveLength(near.nodes.length);
    expect(result.nodes[focus]).toBeDefined();
  });
});
