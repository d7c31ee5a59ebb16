/** Characters kept before and after the first match in a search result's excerpt. */
const BEFORE = 50;
const AFTER = 110;

/**
 * The text around the first case-insensitive occurrence of `q`, on one line, with an ellipsis where it
 * was cut; null when `text` does not contain `q` (the SQL matched another field). SQLite's LIKE folds
 * ASCII case only, so does this.
 */
export function excerptAround(text: string | null, q: string): string | null {
  if (!text) return null;
  const at = asciiLower(text).indexOf(asciiLower(q));
  if (at < 0) return null;
  const start = Math.max(0, at - BEFORE);
  const end = Math.min(text.length, at + q.length + AFTER);
  const body = text.slice(start, end).replace(/\s+/g, ' ');
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}

/** The first field (in the order given) whose text contains `q`, as `{ field, excerpt }`. */
export function firstMatch(fields: [name: string, text: string | null][], q: string): { field: string; excerpt: string } | null {
  for (const [field, text] of fields) {
    const excerpt = excerptAround(text, q);
    if (excerpt !== null) return { field, excerpt };
  }
  return null;
}

function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}
