import { describe, expect, it } from 'vitest';
import { diffLines, type DiffLine } from './line-diff';

const ops = (lines: DiffLine[]) => lines.map((l) => `${l.op === 'same' ? ' ' : l.op === 'added' ? '+' : '-'}${l.text}`);

describe('diffLines', () => {
  it('keeps the lines both messages share and marks what each one alone says', () => {
    const d = diffLines('Ran the tests\nAll 12 passed\nOpening the PR', 'Ran the tests\n3 failed: refunds.spec.ts\nOpening the PR');
    expect(ops(d.lines)).toEqual([' Ran the tests', '-All 12 passed', '+3 failed: refunds.spec.ts', ' Opening the PR']);
    expect(d).toMatchObject({ added: 1, removed: 1, coarse: false });
  });

  it('numbers each line in the text it comes from', () => {
    const d = diffLines('a\nb\nc', 'a\nx\nb\nc\nd');
    expect(d.lines.map((l) => [l.op, l.a, l.b])).toEqual([
      ['same', 1, 1],
      ['added', null, 2],
      ['same', 2, 3],
      ['same', 3, 4],
      ['added', null, 5],
    ]);
  });

  it('aligns on the longest run of common lines, not the first match', () => {
    const d = diffLines('x\na\nb\nc', 'a\nb\nc\nx');
    expect(ops(d.lines)).toEqual(['-x', ' a', ' b', ' c', '+x']);
  });

  it('treats identical texts as all same, an empty side as all added or removed, CRLF like LF', () => {
    expect(diffLines('one\ntwo\n', 'one\r\ntwo').lines.every((l) => l.op === 'same')).toBe(true);
    expect(ops(diffLines('', 'new\nlines').lines)).toEqual(['+new', '+lines']);
    expect(ops(diffLines('gone', '').lines)).toEqual(['-gone']);
    expect(diffLines('', '').lines).toEqual([]);
  });

  it('shows a middle too long to align as removed then added, keeping the shared ends', () => {
    const left = ['head', ...Array.from({ length: 2100 }, (_, i) => `a${i}`), 'tail'].join('\n');
    const right = ['head', ...Array.from({ length: 2100 }, (_, i) => `b${i}`), 'tail'].join('\n');
    const d = diffLines(left, right);
    expect(d.coarse).toBe(true);
    expect(d.lines[0]).toMatchObject({ op: 'same', text: 'head' });
    expect(d.lines.at(-1)).toMatchObject({ op: 'same', text: 'tail', a: 2102, b: 2102 });
    expect(d).toMatchObject({ removed: 2100, added: 2100 });
    expect(d.lines[1]).toMatchObject({ op: 'removed', text: 'a0' });
    expect(d.lines[2101]).toMatchObject({ op: 'added', text: 'b0' });
  });
});
