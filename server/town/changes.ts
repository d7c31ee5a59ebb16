import type { SqlPort } from '../ports';
import { all, first } from '../db/sql';

/**
 * Tables whose writes a reader cannot see: bookkeeping of the schema, the patrol's schedule and clock
 * (their effect on reads is time, which the tag carries separately), the outbox, and idempotency records.
 */
const UNTRACKED = new Set(['schema_version', 'town_changes', 'town_meta', 'outbox', 'idempotency_keys']);

/**
 * Keeps an AFTER INSERT/UPDATE/DELETE trigger on every domain table that bumps `town_changes.seq`, so
 * any write (an intervention, a patrol tick, ingestion, seeding) moves the counter in its own
 * transaction and a read route can answer `If-None-Match` with 304 without building its body. The
 * triggers are derived from `sqlite_master` rather than listed in a migration, so a table a later
 * migration adds is tracked without anyone remembering to.
 */
export function ensureChangeTriggers(sql: SqlPort): void {
  const tables = all(
    sql,
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_cf%' ESCAPE '\\'`,
  ).map((r) => String(r.name));
  const existing = new Set(
    all(sql, `SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'chg\\_%' ESCAPE '\\'`).map((r) => String(r.name)),
  );
  for (const table of tables) {
    if (UNTRACKED.has(table)) continue;
    for (const op of ['insert', 'update', 'delete'] as const) {
      const name = `chg_${table}_${op}`;
      if (existing.has(name)) continue;
      sql.exec(
        `CREATE TRIGGER ${name} AFTER ${op.toUpperCase()} ON ${table} BEGIN UPDATE town_changes SET seq = seq + 1 WHERE id = 1; END`,
      );
    }
  }
}

export function changeSeq(sql: SqlPort): number {
  return Number(first(sql, 'SELECT seq FROM town_changes WHERE id = 1')?.seq ?? 0);
}

/**
 * How long a read stays the same without a write: reads count time windows ("tokens in 24 h",
 * "no event for 30 min"), so the tag also names the town-time slot it was computed in.
 */
export const TAG_SLOT_MS = 15_000;

/** The town's read tag: the change counter and the time slot (`W/` because bodies are rebuilt, not stored). */
export function townTag(sql: SqlPort, now: number): string {
  return `W/"t${changeSeq(sql)}.${Math.floor(now / TAG_SLOT_MS)}"`;
}
