import { afterEach, describe, expect, it, vi } from 'vitest';
import { csvCell, download, toCsv, toJson } from './export';

describe('csvCell', () => {
  it('neutralises a formula at the start of a cell: = + - @ tab and carriage return', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+SUM(A1)')).toBe("'+SUM(A1)");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    // Only at the start: a formula character inside the text is just text.
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('quotes a cell with a comma, a quote or a line break, doubling quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x"), y')).toBe(`"'=HYPERLINK(""x""), y"`);
    expect(csvCell('plain')).toBe('plain');
  });

  it('writes null and undefined as empty cells and anything else as JSON', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(42)).toBe('42');
    expect(csvCell({ exit_code: 128 })).toBe('"{""exit_code"":128}"');
    expect(csvCell(-1)).toBe("'-1");
  });
});

describe('toCsv and toJson', () => {
  it('writes a header row and one CRLF-terminated row per item', () => {
    const csv = toCsv(
      ['id', 'note'] as const,
      [
        { id: 1, note: 'a,b' },
        { id: 2, note: null },
      ],
      (r, c) => r[c],
    );
    expect(csv).toBe('id,note\r\n1,"a,b"\r\n2,\r\n');
    expect(toCsv(['id'], [], () => '')).toBe('id\r\n');
  });

  it('writes indented JSON ending in a line break', () => {
    expect(toJson({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}\n');
  });
});

describe('download', () => {
  afterEach(() => vi.restoreAllMocks());

  it('offers the text as a file of the given name and type through a link in the document', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:export';
    });
    const clicked: { name: string; href: string; inDocument: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ name: this.download, href: this.href, inDocument: this.isConnected });
    });
    download('log.csv', 'a,b\r\n', 'text/csv');
    expect(clicked).toEqual([{ name: 'log.csv', href: 'blob:export', inDocument: true }]);
    expect(document.querySelector('a[download]')).toBeNull();
    expect(blobs[0]!.type).toBe('text/csv');
    expect(await blobs[0]!.text()).toBe('a,b\r\n');
  });
});
