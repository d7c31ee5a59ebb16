import type { SqlPort } from '../ports';
import type { Assignment, BeadDetail, BeadEvent, Convoy, ReviewEntry } from '../../src/api/schemas';
import { all, first, fromJson, num, str, strOrNull, type Row } from '../db/sql';
import { getAgentListItem } from './agents';
import { getEscalation } from './escalations';
import { reviewEntries } from './reviews';
import { toBead, toDispatchAttempt } from './rows';

/** A bead's history is returned whole up to this many events (newest kept); the timeline pages the rest. */
const BEAD_EVENT_CAP = 1000;
/** Assignments and dispatch attempts shown per bead (the latest). */
const HISTORY_CAP = 500;

export function getBeadDetail(sql: SqlPort, now: number, beadId: string): BeadDetail | null {
  const row = first(sql, 'SELECT * FROM beads WHERE id = ?', beadId);
  if (!row) return null;
  const bead = toBead(row);
  const hooked = first(sql, 'SELECT id FROM agents WHERE current_hook_bead_id = ? ORDER BY status_since DESC LIMIT 1', beadId);
  const mergeRequests: ReviewEntry[] = reviewEntries(sql, 'r.source_bead_id = ?1 OR r.bead_id = ?1', beadId);
  return {
    bead,
    hooked_agent: hooked ? getAgentListItem(sql, now, str(hooked.id)) : null,
    // The latest HISTORY_CAP of each: a bead reassigned for months stays one bounded read.
    assignments: all(
      sql,
      'SELECT * FROM (SELECT * FROM assignments WHERE bead_id = ? ORDER BY started_at DESC, id DESC LIMIT ?) ORDER BY started_at, id',
      beadId,
      HISTORY_CAP,
    ).map(toAssignment),
    merge_requests: mergeRequests,
    // The latest HISTORY_CAP, oldest first: attempt 1 … n reads as the bead's dispatch story.
    dispatch_attempts: all(
      sql,
      'SELECT * FROM (SELECT * FROM dispatch_attempts WHERE bead_id = ? ORDER BY created_at DESC, id DESC LIMIT ?) ORDER BY created_at, id',
      beadId,
      HISTORY_CAP,
    ).map(toDispatchAttempt),
    convoy: bead.type === 'convoy' ? getConvoy(sql, beadId) : null,
    member_of_convoys: all(
      sql,
      `SELECT c.id, c.title FROM bead_dependencies d JOIN beads c ON c.id = d.bead_id
       WHERE d.depends_on_bead_id = ? AND d.dependency_type = 'tracks' AND c.type = 'convoy' ORDER BY c.created_at`,
      beadId,
    ).map((r) => ({ bead_id: str(r.id), title: str(r.title) })),
    escalation: bead.type === 'escalation' ? getEscalation(sql, beadId) : null,
  };
}

export function toAssignment(row: Row): Assignment {
  return {
    id: num(row.id),
    agent_id: str(row.agent_id),
    agent_name: str(row.agent_name),
    role: str(row.role) as Assignment['role'],
    bead_id: str(row.bead_id),
    bead_title: strOrNull(row.bead_title),
    started_at: str(row.started_at),
    ended_at: strOrNull(row.ended_at),
    outcome: str(row.outcome) as Assignment['outcome'],
  };
}

/** A convoy and its tracked beads, including ones deleted instead of closed (`present: false`). */
export function getConvoy(sql: SqlPort, beadId: string): Convoy | null {
  const row = first(
    sql,
    `SELECT c.*, b.title, b.status, r.review_state AS landing_mr_state
     FROM convoys c JOIN beads b ON b.id = c.bead_id LEFT JOIN reviews r ON r.bead_id = c.landing_mr_bead_id
     WHERE c.bead_id = ?`,
    beadId,
  );
  if (!row) return null;
  const tracked = all(
    sql,
    `SELECT d.depends_on_bead_id AS id, t.title, t.status FROM bead_dependencies d
     LEFT JOIN beads t ON t.id = d.depends_on_bead_id
     WHERE d.bead_id = ? AND d.dependency_type = 'tracks' ORDER BY t.created_at, d.depends_on_bead_id`,
    beadId,
  );
  return {
    bead_id: beadId,
    title: str(row.title),
    status: str(row.status) as Convoy['status'],
    total_beads: num(row.total_beads),
    closed_beads: num(row.closed_beads),
    landed_at: strOrNull(row.landed_at),
    feature_branch: strOrNull(row.feature_branch),
    target_branch: str(row.target_branch),
    staged: row.staged === 1,
    merge_mode: str(row.merge_mode) as Convoy['merge_mode'],
    landing_mr_bead_id: strOrNull(row.landing_mr_bead_id),
    landing_mr_state: strOrNull(row.landing_mr_state) as Convoy['landing_mr_state'],
    tracked: tracked.map((t) => ({
      bead_id: str(t.id),
      title: strOrNull(t.title),
      status: strOrNull(t.status) as Convoy['tracked'][number]['status'],
      present: t.title !== null,
    })),
  };
}

/** Oldest first. */
export function listBeadEvents(sql: SqlPort, beadId: string): BeadEvent[] {
  return all(
    sql,
    `SELECT * FROM (SELECT * FROM bead_events WHERE bead_id = ? ORDER BY created_at DESC, id DESC LIMIT ?)
     ORDER BY created_at, id`,
    beadId,
    BEAD_EVENT_CAP,
  ).map((r) => ({
    id: str(r.id),
    bead_id: str(r.bead_id),
    agent_id: strOrNull(r.agent_id),
    event_type: str(r.event_type) as BeadEvent['event_type'],
    old_value: strOrNull(r.old_value),
    new_value: strOrNull(r.new_value),
    metadata: fromJson<Record<string, unknown>>(r.metadata, {}),
    created_at: str(r.created_at),
  }));
}

export const beadExists = (sql: SqlPort, beadId: string): boolean => first(sql, 'SELECT 1 AS x FROM beads WHERE id = ?', beadId) !== null;
