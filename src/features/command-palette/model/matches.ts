/** How many hits of each kind the palette shows: it is a jump list, not a table. */
export const PALETTE_LIMIT = 8;

/**
 * Whether a name, title or id matches what the admin typed: a part of the name anywhere, or an id by
 * its start (tables show the first 8 characters of an id, and that finds it), case-insensitively.
 */
export function matchesQuery(q: string, name: string, id: string): boolean {
  const needle = q.trim().toLowerCase();
  if (!needle) return true;
  return name.toLowerCase().includes(needle) || id.toLowerCase().startsWith(needle);
}

/** The matching items, those whose name starts with the query first, at most `limit`. */
export function pickMatches<T>(
  items: readonly T[],
  q: string,
  nameOf: (item: T) => string,
  idOf: (item: T) => string,
  limit = PALETTE_LIMIT,
): T[] {
  const needle = q.trim().toLowerCase();
  const hits = items.filter((item) => matchesQuery(needle, nameOf(item), idOf(item)));
  const starts = (item: T) => (nameOf(item).toLowerCase().startsWith(needle) ? 0 : 1);
  return hits
    .map((item, index) => ({ item, index }))
    .sort((a, b) => starts(a.item) - starts(b.item) || a.index - b.index)
    .slice(0, limit)
    .map((x) => x.item);
}

/** Server searches wait for two characters: one letter matches most of a 10k-bead town. */
export const MIN_SERVER_QUERY = 2;
