import type { z } from 'zod';

/**
 * A row of a list that did not match the contract, kept aside so the rest of the list shows.
 * `field` names what was wrong inside the row (`status`, `labels[2]`), `message` says how.
 */
export interface InvalidRow {
  /** The list the row belonged to, as a path from the answer's root: `items`, `agent.status_history`. */
  list: string;
  /** Its position in that list as the server sent it. */
  index: number;
  field: string;
  message: string;
  /** The row's `id` when it had a readable one, so an operator can look it up. */
  id: string | null;
}

/** What a list answer carries besides its rows: the rows that could not be read. */
export interface Salvaged {
  invalid_rows?: InvalidRow[];
}

type Path = readonly PropertyKey[];

/** The path of the list row an issue lies in (up to its first array index), or null if it is outside any row. */
function rowPathOf(path: Path): Path | null {
  const i = path.findIndex((part) => typeof part === 'number');
  return i < 0 ? null : path.slice(0, i + 1);
}

export function formatPath(path: Path): string {
  if (path.length === 0) return '(root)';
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}

/**
 * Parses a list answer item by item: when every contract failure lies inside rows of a list (one bead
 * with an unexpected shape), those rows are set aside as `invalid_rows` and the rest parses. Kilo's
 * own panel showed an empty bead list because one value failed a whole parse; this one never does.
 * Returns null when a failure lies outside every row (the answer as a whole is wrong) or when the
 * answer without those rows still fails.
 */
export function salvageRows<T extends z.ZodType>(schema: T, body: unknown, error: z.ZodError): (z.infer<T> & Salvaged) | null {
  const rows = new Map<string, { path: Path; issue: z.core.$ZodIssue }>();
  for (const issue of error.issues) {
    const path = rowPathOf(issue.path);
    if (!path) return null;
    const key = formatPath(path);
    if (!rows.has(key)) rows.set(key, { path, issue });
  }
  const copy = structuredClone(body);
  const invalid: InvalidRow[] = [];
  // Remove from the end of each list first so earlier indexes stay right.
  const ordered = [...rows.values()].sort((a, b) => Number(b.path.at(-1)) - Number(a.path.at(-1)));
  for (const { path, issue } of ordered) {
    const listPath = path.slice(0, -1);
    const index = Number(path.at(-1));
    const list = listPath.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown> | undefined)?.[key], copy);
    if (!Array.isArray(list)) return null;
    const [row] = list.splice(index, 1) as unknown[];
    const id = (row as { id?: unknown } | null)?.id;
    invalid.push({
      list: formatPath(listPath),
      index,
      field: formatPath(issue.path.slice(path.length)),
      message: issue.message,
      id: typeof id === 'string' || typeof id === 'number' ? String(id) : null,
    });
  }
  const again = schema.safeParse(copy);
  if (!again.success) return null;
  invalid.sort((a, b) => a.list.localeCompare(b.list) || a.index - b.index);
  return Object.assign(again.data as object, { invalid_rows: invalid }) as z.infer<T> & Salvaged;
}
