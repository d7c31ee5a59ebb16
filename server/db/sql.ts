import type { Row, SqlPort, SqlValue } from '../ports';

export type { Row };

/** Small typed helpers over the SQL port; rows come back as plain objects. */

export function all<T extends Row>(sql: SqlPort, query: string, ...bindings: unknown[]): T[] {
  return sql.exec<T>(query, ...bindings).toArray();
}

export function first<T extends Row>(sql: SqlPort, query: string, ...bindings: unknown[]): T | null {
  return sql.exec<T>(query, ...bindings).toArray()[0] ?? null;
}

export function scalar(sql: SqlPort, query: string, ...bindings: unknown[]): number {
  const row = sql
    .exec(query, ...bindings)
    .raw()
    .next();
  if (row.done) return 0;
  const value = row.value[0];
  return typeof value === 'number' ? value : Number(value ?? 0);
}

export const toJson = (value: unknown): string => JSON.stringify(value ?? null);

type Cell = SqlValue | undefined;

export function fromJson<T>(text: Cell, fallback: T): T {
  if (typeof text !== 'string' || text === '') return fallback;
  return JSON.parse(text) as T;
}

export const str = (value: Cell): string => (value === null || value === undefined ? '' : String(value));
export const strOrNull = (value: Cell): string | null => (value === null || value === undefined ? null : String(value));
export const num = (value: Cell): number => Number(value ?? 0);
export const numOrNull = (value: Cell): number | null => (value === null || value === undefined ? null : Number(value));
export const bool = (value: Cell): boolean => value === 1 || value === '1';

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `%text%` with `%`, `_` and `\` escaped, for `LIKE ? ESCAPE '\'`: a substring anywhere. */
export const likePattern = (text: string): string => `%${escapeLike(text)}%`;

/** `text%`, escaped likewise: a value that starts with the text. */
export const prefixPattern = (text: string): string => `${escapeLike(text)}%`;

/** ASCII letters lowercased, as SQLite's `lower()` and `LIKE` fold them (no other letter is folded). */
export const asciiLower = (text: string): string => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * Durable Objects' SQLite refuses a LIKE pattern over 50 bytes ("LIKE or GLOB pattern too complex"),
 * and operators paste whole error lines into a search box.
 */
const LIKE_PATTERN_MAX_BYTES = 50;
const bytes = (text: string) => new TextEncoder().encode(text).length;

export interface TextMatch {
  /** The condition on the column, with one placeholder (`param`). */
  sql: string;
  /** What to bind to it. */
  value: string;
}

/**
 * A case-insensitive substring test (ASCII folding, as LIKE): LIKE while its pattern fits SQLite's limit,
 * `instr()` over the lowercased column beyond it. Same rows either way.
 */
export function containsMatch(column: string, text: string, param = '?'): TextMatch {
  const pattern = likePattern(text);
  return bytes(pattern) <= LIKE_PATTERN_MAX_BYTES
    ? { sql: `${column} LIKE ${param} ESCAPE '\\'`, value: pattern }
    : { sql: `instr(lower(${column}), ${param}) > 0`, value: asciiLower(text) };
}

/** A value that starts with the text, case-insensitively; like `containsMatch` for long text. */
export function startsWithMatch(column: string, text: string, param = '?'): TextMatch {
  const pattern = prefixPattern(text);
  return bytes(pattern) <= LIKE_PATTERN_MAX_BYTES
    ? { sql: `${column} LIKE ${param} ESCAPE '\\'`, value: pattern }
    : { sql: `instr(lower(${column}), ${param}) = 1`, value: asciiLower(text) };
}

/** Inserts one object as a row; column names come from code, never from input. */
export function insert(sql: SqlPort, table: string, row: Record<string, unknown>, verb = 'INSERT'): void {
  const keys = Object.keys(row);
  sql.exec(`${verb} INTO ${table} (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`, ...keys.map((k) => normalize(row[k])));
}

function normalize(value: unknown): SqlValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'object') return JSON.stringify(value);
  return value as SqlValue;
}
