import { describe, expect, it } from 'vitest';
import { quickLayout } from './layout-quick';

describe('the instant first layout', () => {
  it('places every node and edge, blockers left of what they block', () => {
    const node = (id: string) => ({ id, width: 100, height: 40 });
    const result = quickLayout({
      nodes: ['a', 'b', 'c', 'd'].map(node),
      edges: [
        { id: 'ab', source: 'a', target: 'b' },
        { id: 'bc', source: 'b', target: 'c' },
        { id: 'ac', source: 'a', target: 'c' },
        { id: 'dd', source: 'd', target: 'd' },
      ],
    });
    expect(Object.keys(result.nodes).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(result.nodes.a!.x).toBeLessThan(result.nodes.b!.x);
    expect(result.nodes.b!.x).toBeLessThan(result.nodes.c!.x);
    expect(Object.keys(result.edges).sort()).toEqual(['ab', 'ac', 'bc', 'dd']);
  });

  it('still places nodes on a cycle', () => {
    const node = (id: string) => ({ id, width: 100, height: 40 });
    const result = quickLayout({ nodes: ['x', 'y'].map(node), edges: [{ id: 'xy', source: 'x', target: 'y' }, { id: 'yx', source: 'y', target: 'x' }] });
    expect(result.nodes.x).toBeDefined();
    expect(result.nodes.y).toBeDefined();
  });
});
