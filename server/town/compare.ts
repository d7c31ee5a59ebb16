import { type CompareError, type CompareKind, type CompareSide } from '../../src/api/schemas';
import { all, first, num, str, strOrNull, type Row } from '../db/sql';
import type { SqlPort } from '../ports';
import { MINUTE_MS } from './time';

/** Town-side errors counted per source and window: a window's own failures, bounded against a runaway log. */
const TOWN_ERROR_CAP = 500;

/** What the TownDO knows of one side of a comparison; the agent's SDK events fill in the rest. */
export type TownRun = Omit<CompareSide, 'events_in_window' | 'events_read' | 'tool_calls' | 'last_message' | 'errors_total'>;

interface Window {
  agentId: string | null;
  beadId: string | null;
  label: string;
  outcome: string;
  start: string;
  end: string | null;
  /** The run's own error (a failed attempt's), listed first. */
  ownError: CompareError | null;
}

/**
 * One run of the town by kind and id (null: no such run here). The window's rules, in one place:
 * an attempt runs until the bead's next attempt, else until the agent's assignment to the bead ends,
 * else (a failed attempt nothing followed) it ends where it started; still open, it counts to now.
 */
export function townRun(sql: SqlPort, now: number, kind: CompareKind, id: string): TownRun | null {
  const window = kind === 'attempt' ? attemptWindow(sql, id) : kind === 'assignment' ? assignmentWindow(sql, id) : sessionWindow(sql, id);
  if (!window) return null;
  const until = window.end ?? new Date(now).toISOString();
  const agent = window.agentId ? first(sql, 'SELECT id, name, role FROM agents WHERE id = ?', window.agentId) : null;
  const bead = window.beadId ? first(sql, 'SELECT id, title FROM beads WHERE id = ?', window.beadId) : null;
  const usage = window.agentId
    ? first(
        sql,
        `SELECT coalesce(sum(input_tokens), 0) AS input, coalesce(sum(output_tokens), 0) AS output, coalesce(sum(cost_microdollars), 0) AS cost
         FROM usage_samples WHERE agent_id = ? AND at >= ? AND at <= ?`,
        window.agentId,
        window.start,
        until,
      )
    : null;
  const errors = [...(window.ownError ? [window.ownError] : []), ...townErrors(sql, kind, window.agentId, window.start, until)];
  return {
    kind,
    id,
    label: window.label,
    agent: agent ? { id: str(agent.id), name: str(agent.name), role: str(agent.role) } : null,
    bead: window.beadId ? { id: window.beadId, title: bead ? strOrNull(bead.title) : null } : null,
    outcome: window.outcome,
    started_at: window.start,
    ended_at: window.end,
    duration_ms: Math.max(0, Date.parse(until) - Date.parse(window.start)),
    input_tokens: num(usage?.input),
    output_tokens: num(usage?.output),
    cost_microdollars: num(usage?.cost),
    // Every one: the route merges them with the SDK's errors before it bounds the list.
    errors,
  };
}

function attemptWindow(sql: SqlPort, id: string): Window | null {
  const row = first(sql, 'SELECT * FROM dispatch_attempts WHERE id = ?', id);
  if (!row) return null;
  const start = str(row.created_at);
  const agentId = strOrNull(row.agent_id);
  const next = first(
    sql,
    `SELECT created_at FROM dispatch_attempts WHERE bead_id = ? AND (created_at > ?2 OR (created_at = ?2 AND attempt_number > ?3))
     ORDER BY created_at, attempt_number LIMIT 1`,
    str(row.bead_id),
    start,
    num(row.attempt_number),
  );
  const assignment = agentId
    ? first(
        sql,
        `SELECT ended_at FROM assignments WHERE agent_id = ? AND bead_id = ? AND started_at <= ?3 AND (ended_at IS NULL OR ended_at >= ?3)
         ORDER BY started_at DESC LIMIT 1`,
        agentId,
        str(row.bead_id),
        start,
      )
    : null;
  const failed = str(row.outcome) === 'failed';
  const end = next ? str(next.created_at) : assignment ? strOrNull(assignment.ended_at) : failed ? start : null;
  const total = first(sql, 'SELECT max(attempt_number) AS n FROM dispatch_attempts WHERE bead_id = ?', str(row.bead_id));
  return {
    agentId,
    beadId: str(row.bead_id),
    label: `Attempt ${num(row.attempt_number)} of ${num(total?.n)}`,
    outcome: str(row.outcome),
    start,
    end,
    ownError: failed && row.error_message !== null ? { source: 'dispatch', at: start, message: str(row.error_message) } : null,
  };
}

function assignmentWindow(sql: SqlPort, id: string): Window | null {
  if (!/^\d{1,15}$/.test(id)) return null;
  const row = first(sql, 'SELECT * FROM assignments WHERE id = ?', Number(id));
  if (!row) return null;
  return {
    agentId: str(row.agent_id),
    beadId: str(row.bead_id),
    label: `Assignment of ${str(row.agent_name)}`,
    outcome: str(row.outcome),
    start: str(row.started_at),
    end: strOrNull(row.ended_at),
    ownError: null,
  };
}

function sessionWindow(sql: SqlPort, id: string): Window | null {
  const row = first(sql, 'SELECT * FROM container_processes WHERE process_id = ?', id);
  if (!row) return null;
  const exit = row.exit_code === null ? '' : ` (exit ${num(row.exit_code)})`;
  return {
    agentId: strOrNull(row.agent_id),
    beadId: row.agent_id === null ? null : hookedDuring(sql, str(row.agent_id), str(row.started_at)),
    label: `Session of ${str(row.agent_name) || 'no agent'}${exit}`,
    outcome: str(row.status),
    start: str(row.started_at),
    end: strOrNull(row.exited_at),
    ownError: null,
  };
}

/** The bead the agent was hooked to when the session started, if any: what the session worked on. */
function hookedDuring(sql: SqlPort, agentId: string, at: string): string | null {
  const row = first(
    sql,
    // A hook recorded a moment after the process started still counts (they are written in one tick).
    `SELECT bead_id FROM assignments WHERE agent_id = ? AND started_at <= ? AND (ended_at IS NULL OR ended_at >= ?)
     ORDER BY started_at DESC LIMIT 1`,
    agentId,
    new Date(Date.parse(at) + MINUTE_MS).toISOString(),
    at,
  );
  return row ? str(row.bead_id) : null;
}

/** The agent's failed dispatches (other than an attempt's own) and failed git operations in the window, newest first. */
function townErrors(sql: SqlPort, kind: CompareKind, agentId: string | null, start: string, until: string): CompareError[] {
  if (!agentId) return [];
  const rows: Row[] = [
    ...(kind === 'attempt'
      ? []
      : all(
          sql,
          `SELECT 'dispatch' AS source, created_at AS at, error_message AS message FROM dispatch_attempts
           WHERE agent_id = ? AND outcome = 'failed' AND created_at >= ? AND created_at <= ? ORDER BY created_at DESC LIMIT ?`,
          agentId,
          start,
          until,
          TOWN_ERROR_CAP,
        )),
    ...all(
      sql,
      `SELECT 'git' AS source, created_at AS at, operation || ': ' || coalesce(stderr_excerpt, 'exit ' || exit_code) AS message
       FROM git_operations WHERE agent_id = ? AND outcome = 'failure' AND created_at >= ? AND created_at <= ?
       ORDER BY created_at DESC LIMIT ?`,
      agentId,
      start,
      until,
      TOWN_ERROR_CAP,
    ),
  ];
  return rows
    .map((r) => ({ source: str(r.source) as CompareError['source'], at: str(r.at), message: str(r.message) || 'failed' }))
    .sort((x, y) => y.at.localeCompare(x.at));
}
