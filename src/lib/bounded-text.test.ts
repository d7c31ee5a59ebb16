import { describe, expect, it } from 'vitest';
import { clipText, formatSize, previewJson, utf8Length } from './bounded-text';

describe('bounded text', () => {
  it('keeps short text whole, and clips long text at the character and the line limit', () => {
    expect(clipText('short', { maxChars: 10, maxLines: 2 })).toEqual({ shown: 'short', clipped: false });
    expect(clipText('x'.repeat(25), { maxChars: 10, maxLines: 2 })).toEqual({ shown: 'x'.repeat(10), clipped: true });
    expect(clipText('one\ntwo\nthree\nfour', { maxChars: 100, maxLines: 2 })).toEqual({ shown: 'one\ntwo', clipped: true });
    expect(clipText('one\ntwo', { maxChars: 100, maxLines: 2 })).toEqual({ shown: 'one\ntwo', clipped: false });
  });

  it('sizes text in UTF-8 bytes, as a download of it would be', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('→')).toBe(3);
    expect(utf8Length('🙂')).toBe(4);
    expect(formatSize(999)).toBe('999 B');
    expect(formatSize(1_500)).toBe('1.5 KB');
    expect(formatSize(10_000_000)).toBe('10.0 MB');
  });

  it('writes the head of a JSON value exactly as JSON.stringify would, and stops early on a huge one', () => {
    const small = { status: 'stalled', n: [1, null, true], nested: { a: 'b' }, empty: {}, none: [] };
    expect(previewJson(small, 1_000)).toEqual({ text: JSON.stringify(small, null, 2), complete: true });
    expect(previewJson(small, 1_000, 0)).toEqual({ text: JSON.stringify(small), complete: true });
    const huge = { reason: 'x'.repeat(10_000_000), other: 1 };
    const head = previewJson(huge, 200);
    expect(head.complete).toBe(false);
    expect(head.text).toHaveLength(200);
    expect(JSON.stringify(huge, null, 2).startsWith(head.text)).toBe(true);
  });
});
