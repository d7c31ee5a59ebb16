/**
 * Bounds for untrusted free text. A 10 MB string in one audit reason froze the town's audit tab for
 * 757 s: the browser laid the whole string out in a table cell. Views show a bounded head of such text
 * and the rest only when asked (components/bounded-text.tsx).
 */

export interface TextBound {
  /** At most this many characters are shown. */
  maxChars: number;
  /** At most this many lines are shown. */
  maxLines: number;
}

/** A table cell: a few lines. */
export const CELL_BOUND: TextBound = { maxChars: 240, maxLines: 3 };
/** A detail field or a block (a bead body, stderr, a payload): a screenful. */
export const BLOCK_BOUND: TextBound = { maxChars: 4_000, maxLines: 40 };

export interface Clipped {
  shown: string;
  /** Whether `shown` is less than the whole text. */
  clipped: boolean;
}

/** The head of `text` within the bound; cut at the last line allowed, then at the character limit. */
export function clipText(text: string, { maxChars, maxLines }: TextBound): Clipped {
  let end = Math.min(text.length, maxChars);
  let lines = 1;
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10 && ++lines > maxLines) {
      end = i;
      break;
    }
  }
  return end < text.length ? { shown: text.slice(0, end), clipped: true } : { shown: text, clipped: false };
}

/** A string's size in UTF-8 bytes, counted without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** 10_000_000 → "10.0 MB" (decimal units, as file sizes read). */
export function formatSize(bytes: number): string {
  if (bytes < 1_000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1_000).toFixed(1)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

const FULL = Symbol('budget spent');

/**
 * The first `maxChars` characters of `JSON.stringify(value, null, indent)`, written without
 * serializing the rest: a 10 MB before/after is never pretty-printed to show its head. `complete`
 * says the text is the whole serialization.
 */
export function previewJson(value: unknown, maxChars: number, indent = 2): { text: string; complete: boolean } {
  let out = '';
  const write = (s: string) => {
    out += s;
    if (out.length > maxChars) throw FULL;
  };
  const walk = (v: unknown, depth: number): void => {
    if (v === null || typeof v === 'number' || typeof v === 'boolean') return write(JSON.stringify(v));
    // Only the head of a long string is escaped: the rest cannot be shown anyway.
    if (typeof v === 'string') return write(JSON.stringify(v.length > maxChars ? v.slice(0, maxChars) : v));
    if (typeof v !== 'object') return write('null');
    const pad = indent ? `\n${' '.repeat(indent * (depth + 1))}` : '';
    const close = indent ? `\n${' '.repeat(indent * depth)}` : '';
    const sep = indent ? ': ' : ':';
    if (Array.isArray(v)) {
      if (v.length === 0) return write('[]');
      write('[');
      v.forEach((item, i) => {
        write(`${i ? ',' : ''}${pad}`);
        walk(item === undefined ? null : item, depth + 1);
      });
      return write(`${close}]`);
    }
    const entries = Object.entries(v).filter(([, item]) => item !== undefined);
    if (entries.length === 0) return write('{}');
    write('{');
    entries.forEach(([k, item], i) => {
      write(`${i ? ',' : ''}${pad}${JSON.stringify(k)}${sep}`);
      walk(item, depth + 1);
    });
    write(`${close}}`);
  };
  try {
    walk(value, 0);
    return { text: out, complete: true };
  } catch (e) {
    if (e !== FULL) throw e;
    return { text: out.slice(0, maxChars), complete: false };
  }
}

/** A name or title inside a link or a tooltip, where no "show all" fits: its head and "…". */
export function clipLine(text: string, maxChars = CELL_BOUND.maxChars): string {
  return text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
}
