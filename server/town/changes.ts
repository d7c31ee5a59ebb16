import type { SqlPort } from '../ports';
import { all, first } from '../db/sql';

/**
 * Tables whose writes a reader cannot see: bookkeeping of the schema, the patrol's schedule and clock
 * (their effect on reads is time, which the tag carries separately), the outbox, and idempotency records.
 */
const UNTRACKED = new Set(['schema_version', 'town_changes', 'town_activity', 'town_meta', 'outbox', 'idempotency_keys']);

/**
 * Columns that move on every SDK event an agent writes (noted after each AgentDO append, ten a second
 * while an agent works), counted in `town_activity` instead of `town_changes`: only the reads that show
 * stream activity (tags.ts) follow them, so one agent's events do not refetch the town's beads, reviews,
 * timeline or another agent's page. A write that also sets any other column moves the town's counter.
 */
const ACTIVITY_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  agents: ['sdk_event_count', 'last_sdk_event_at'],
};

const BUMP_CHANGES = 'UPDATE town_changes SET seq = seq + 1 WHERE id = 1;';
const BUMP_ACTIVITY = 'UPDATE town_activity SET seq = seq + 1 WHERE id = 1;';

/**
 * Keeps an AFTER INSERT/UPDATE/DELETE trigger on every domain table that bumps `town_changes.seq`, so
 * any write (an intervention, a patrol tick, ingestion, seeding) moves the counter in its own
 * transaction and a read route can answer `If-None-Match` with 304 without building its body. The
 * triggers are derived from `sqlite_master` rather than listed in a migration, so a table a later
 * migration adds is tracked without anyone remembering to; a trigger whose text is not the one wanted
 * (a column added to a table with activity columns, or an older database) is replaced.
 */
export function ensureChangeTriggers(sql: SqlPort): void {
  const tables = all(
    sql,
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_cf%' ESCAPE '\\'`,
  ).map((r) => String(r.name));
  const existing = new Map(
    all(
      sql,
      `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND (name LIKE 'chg\\_%' ESCAPE '\\' OR name LIKE 'act\\_%' ESCAPE '\\')`,
    ).map((r) => [String(r.name), String(r.sql)]),
  );
  const keep = (name: string, statement: string) => {
    if (existing.get(name) === statement) return;
    if (existing.has(name)) sql.exec(`DROP TRIGGER ${name}`);
    sql.exec(statement);
  };
  for (const table of tables) {
    if (UNTRACKED.has(table)) continue;
    const activity = ACTIVITY_COLUMNS[table];
    for (const op of ['insert', 'update', 'delete'] as const) {
      const name = `chg_${table}_${op}`;
      if (op === 'update' && activity) {
        const others = all(sql, 'SELECT name FROM pragma_table_info(?)', table)
          .map((r) => String(r.name))
          .filter((c) => !activity.includes(c));
        keep(name, `CREATE TRIGGER ${name} AFTER UPDATE OF ${others.join(', ')} ON ${table} BEGIN ${BUMP_CHANGES} END`);
        const moved = `act_${table}_update`;
        keep(moved, `CREATE TRIGGER ${moved} AFTER UPDATE OF ${activity.join(', ')} ON ${table} BEGIN ${BUMP_ACTIVITY} END`);
        continue;
      }
      keep(name, `CREATE TRIGGER ${name} AFTER ${op.toUpperCase()} ON ${table} BEGIN ${BUMP_CHANGES} END`);
    }
  }
}

export function changeSeq(sql: SqlPort): number {
  return Number(first(sql, 'SELECT seq FROM town_changes WHERE id = 1')?.seq ?? 0);
}

function activitySeq(sql: SqlPort): number {
  return Number(first(sql, 'SELECT seq FROM town_activity WHERE id = 1')?.seq ?? 0);
}

/**
 * How long a read stays the same without a write: reads count time windows ("tokens in 24 h",
 * "no event for 30 min"), so the tag also names the town-time slot it was computed in.
 */
export const TAG_SLOT_MS = 15_000;

/**
 * What a read follows besides the town's changes and time: `town` nothing else; `activity` every
 * agent's stream activity (the summary's health, the agents list, a bead's hooked agent); `agent` one
 * agent's own (its page; the route adds the AgentDO's newest id).
 */
export type TagScope = { kind: 'town' } | { kind: 'activity' } | { kind: 'agent'; agentId: string };

/**
 * The town's read tag for a scope (`W/` because bodies are rebuilt, not stored); null for an agent the
 * town does not have.
 */
export function townTag(sql: SqlPort, now: number, scope: TagScope = { kind: 'town' }): string | null {
  const base = `t${changeSeq(sql)}.${Math.floor(now / TAG_SLOT_MS)}`;
  if (scope.kind === 'town') return `W/"${base}"`;
  if (scope.kind === 'activity') return `W/"${base}.s${activitySeq(sql)}"`;
  const agent = first(sql, 'SELECT sdk_event_count FROM agents WHERE id = ?', scope.agentId);
  return agent ? `W/"${base}.n${Number(agent.sdk_event_count)}"` : null;
}
