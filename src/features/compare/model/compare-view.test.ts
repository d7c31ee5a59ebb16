import { describe, expect, it } from 'vitest';
import { parseCompareView } from './compare-view';

describe('parseCompareView', () => {
  it('reads the kind and both ids from the link', () => {
    expect(parseCompareView(new URLSearchParams('kind=session&a=proc_1&b=%20proc_2'))).toEqual({
      kind: 'session',
      unknownKind: null,
      a: 'proc_1',
      b: 'proc_2',
    });
  });

  it('keeps a kind it does not know, to name it, and empty ids as empty', () => {
    expect(parseCompareView(new URLSearchParams('kind=runs'))).toEqual({ kind: null, unknownKind: 'runs', a: '', b: '' });
  });
});
