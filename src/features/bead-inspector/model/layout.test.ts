import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { buildTownGraph } from '../../../mocks/scenarios';
import { toDrawnGraph } from './graph';
import { connectedComponents, layoutGraph, neighbourhoodOf, type LayoutCache, type LayoutInput } from './layout';

function inputOf(beads: number): LayoutInput {
  const drawn = toDrawnGraph(buildTownGraph({ beads }), { minRun: Number.POSITIVE_INFINITY });
  return {
    nodes: drawn.nodes.map((n) => ({ id: n.id, width: 232, height: 58 })),
    edges: drawn.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
  };
}

describe('layoutGraph (the worker’s pure core)', () => {
  const input = inputOf(500);

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
