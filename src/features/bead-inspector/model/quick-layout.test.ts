import { describe, expect, it } from 'vitest';
import { buildTownGraph } from '../../../../scenarios';
import { toDrawnGraph } from './graph';
import { neighbourhoodOf, PREVIEW_HOPS } from './layout';
import { toLayoutInput } from './layout-input';
import { quickLayout } from './quick-layout';

const { input } = toLayoutInput(toDrawnGraph(buildTownGraph({ beads: 2000 }), { minRun: Number.POSITIVE_INFINITY }));

function overlaps(result: ReturnType<typeof quickLayout>, width: number, height: number) {
  const boxes = Object.values(result.nodes).sort((a, b) => a.x - b.x || a.y - b.y);
  let found = 0;
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length && boxes[j]!.x < boxes[i]!.x + width; j++)
      if (Math.abs(boxes[j]!.y - boxes[i]!.y) < height) found++;
  return found;
}

describe('quickLayout (the preview drawn before ELK has loaded)', () => {
  it('places every bead of a focus neighbourhood and routes every edge, with no two beads on top of each other', () => {
    const focus = input.nodes.find((n) => input.edges.filter((e) => e.source === n.id || e.target === n.id).length >= 3)!.id;
    const near = neighbourhoodOf(input, focus, PREVIEW_HOPS);
    const result = quickLayout(near);
    expect(Object.keys(result.nodes).sort()).toEqual(near.nodes.map((n) => n.id).sort());
    expect(Object.keys(result.edges).sort()).toEqual(near.edges.map((e) => e.id).sort());
    const { width, height } = near.nodes[0]!;
    expect(overlaps(result, width, height)).toBe(0);
    expect(result.components).toBe(1);
  });

  it('draws blockers to the left of what they block, as ELK does, and survives a cycle', () => {
    const node = (id: string) => ({ id, width: 200, height: 40 });
    const result = quickLayout({
      nodes: ['a', 'b', 'c', 'd'].map(node),
      edges: [
        { id: 'ab', source: 'a', target: 'b' },
        { id: 'bc', source: 'b', target: 'c' },
        { id: 'ad', source: 'a', target: 'd' },
        { id: 'ca', source: 'c', target: 'a' }, // a cycle: must not loop or stack beads
      ],
    });
    expect(result.nodes.a!.x).toBeLessThan(result.nodes.b!.x);
    expect(result.nodes.b!.x).toBeLessThan(result.nodes.c!.x);
    expect(result.nodes.a!.x).toBeLessThan(result.nodes.d!.x);
    expect(overlaps(result, 200, 40)).toBe(0);
    expect(result.edges.ab![0]).toEqual({ x: result.nodes.a!.x + 200, y: result.nodes.a!.y + 20 });
  });

  it('lays out a whole 2,000-bead town without overlaps (what it would draw if asked for everything)', () => {
    const result = quickLayout(input);
    expect(Object.keys(result.nodes)).toHaveLength(input.nodes.length);
    expect(overlaps(result, input.nodes[0]!.width, input.nodes[0]!.height)).toBe(0);
  });
});
