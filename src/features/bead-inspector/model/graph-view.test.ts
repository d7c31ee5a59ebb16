import { describe, expect, it } from 'vitest';
import { parseGraphView, writeGraphView } from './graph-view';

describe('the dependency graph URL', () => {
  it('reads the focus and the depth, falling back to depth 2', () => {
    expect(parseGraphView(new URLSearchParams('focus=b-1&depth=1'))).toEqual({ focus: 'b-1', depth: 1 });
    expect(parseGraphView(new URLSearchParams('depth=all'))).toEqual({ focus: '', depth: 'all' });
    expect(parseGraphView(new URLSearchParams('depth=9'))).toEqual({ focus: '', depth: 2 });
  });

  it('always writes the depth, the focus only when it is another bead, and keeps the rest', () => {
    expect(writeGraphView({ focus: '', depth: 2 }, new URLSearchParams('focus=b-1&x=y')).toString()).toBe('x=y&depth=2');
    const written = writeGraphView({ focus: 'b-2', depth: 'all' });
    expect(written.toString()).toBe('focus=b-2&depth=all');
    expect(parseGraphView(written)).toEqual({ focus: 'b-2', depth: 'all' });
  });
});
