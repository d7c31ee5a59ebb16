import type { SqlPort } from '../ports';
import { first, insert } from '../db/sql';

/**
 * Small per-town facts kept beside the domain tables: the dev clock's offset, the id counter, the
 * patrol's schedule. One row per key.
 */
export function readMeta(sql: SqlPort, key: string): string | null {
  const row = first(sql, 'SELECT value FROM town_meta WHERE key = ?', key);
  return row ? String(row.value) : null;
}

export function writeMeta(sql: SqlPort, key: string, value: string | number): void {
  insert(sql, 'town_meta', { key, value: String(value) }, 'INSERT OR REPLACE');
}

export function readMetaNumber(sql: SqlPort, key: string, fallback: number): number {
  const value = readMeta(sql, key);
  return value === null ? fallback : Number(value);
}
