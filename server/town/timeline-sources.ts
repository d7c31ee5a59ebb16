import type { AgentStatus, BeadEvent, TimelineKind } from '../../src/api/schemas';
import {
  adminTimelineEvent,
  agentStatusTimelineEvent,
  beadTimelineEvent,
  containerTimelineEvent,
  credentialTimelineEvent,
  dispatchTimelineEvent,
  gitTimelineEvent,
  type TimelineBody,
} from '../readings/timeline-events';
import { fromJson, num, str, strOrNull, type Row } from '../db/sql';
import { toContainerEvent, toCredentialEvent, toDispatchAttempt, toGitOperation } from './rows';

/** One table feeding the unified timeline: how to select it and how a row reads as an event. */
export interface TimelineSource {
  kind: TimelineKind;
  /** A SELECT whose columns include `at` and `source_id` (unique in the source, sortable as text). */
  from: string;
  /**
   * The same SELECT without the joins that only fetch display names, for counting and for the merge's
   * keys (server/town/timeline.ts): same rows, same `at` and `source_id`. Absent when `from` has no join.
   */
  bare?: string;
  /** SQL over the SELECT's columns for "this row names the entity" (two `?`); null when it names neither. */
  entity: string | null;
  /**
   * SQL over the SELECT's columns (`from`'s, with the display names) holding the text the row reads as:
   * its type, summary parts and details. The Events tab's text filter (`q`) looks for the words in it.
   */
  text: string;
  /** The row as its domain record, read the way MSW reads it (src/mocks/scenarios/timeline-events.ts). */
  toEvent(row: Row): TimelineBody;
}

/** Nullable columns joined by spaces (a NULL would make the whole concatenation NULL). */
const cat = (...columns: string[]) => columns.map((c) => `coalesce(${c}, '')`).join(" || ' ' || ");

export const TIMELINE_SOURCES: TimelineSource[] = [
  {
    kind: 'bead',
    from: `SELECT t.*, t.created_at AS at, t.id AS source_id, b.title AS bead_title FROM bead_events t
           LEFT JOIN beads b ON b.id = t.bead_id`,
    bare: `SELECT t.*, t.created_at AS at, t.id AS source_id FROM bead_events t`,
    entity: '(bead_id = ? OR agent_id = ?)',
    text: `'bead ' || event_type || ' ' || replace(event_type, '_', ' ') || ' ' || ${cat('old_value', 'new_value', 'bead_title', 'bead_id', 'agent_id', 'metadata')}`,
    toEvent: (r) =>
      beadTimelineEvent(
        {
          bead_id: str(r.bead_id),
          agent_id: strOrNull(r.agent_id),
          event_type: str(r.event_type) as BeadEvent['event_type'],
          old_value: strOrNull(r.old_value),
          new_value: strOrNull(r.new_value),
          metadata: fromJson<Record<string, unknown>>(r.metadata, {}),
        },
        strOrNull(r.bead_title),
      ),
  },
  {
    kind: 'agent',
    from: `SELECT t.*, t.at AS at, printf('%010d', t.id) AS source_id, a.name AS agent_name FROM agent_status_history t
           LEFT JOIN agents a ON a.id = t.agent_id`,
    bare: `SELECT t.*, t.at AS at, printf('%010d', t.id) AS source_id FROM agent_status_history t`,
    entity: '(agent_id = ? AND ? IS NOT NULL)',
    text: `'agent status.' || status || ' ' || ${cat('reason', 'agent_name', 'agent_id')}`,
    toEvent: (r) =>
      agentStatusTimelineEvent(
        { agent_id: str(r.agent_id), status: str(r.status) as AgentStatus, reason: strOrNull(r.reason) },
        strOrNull(r.agent_name),
      ),
  },
  {
    kind: 'dispatch',
    from: `SELECT t.*, t.created_at AS at, t.id AS source_id FROM dispatch_attempts t`,
    entity: '(bead_id = ? OR agent_id = ?)',
    text: `'dispatch ' || outcome || ' ' || ${cat('error_message', 'container_response', 'bead_id', 'agent_id')}`,
    toEvent: (r) => dispatchTimelineEvent(toDispatchAttempt(r)),
  },
  {
    kind: 'container',
    from: `SELECT t.*, t.created_at AS at, t.id AS source_id FROM container_events t`,
    entity: "(json_extract(metadata, '$.agent_id') = ? AND ? IS NOT NULL)",
    text: `'container ' || event_type || ' ' || ${cat('exit_code', 'reason', 'message', 'metadata')}`,
    toEvent: (r) => containerTimelineEvent(toContainerEvent(r)),
  },
  {
    kind: 'git',
    from: `SELECT t.*, t.created_at AS at, t.id AS source_id FROM git_operations t`,
    entity: '(bead_id = ? OR agent_id = ?)',
    text: `'git ' || operation || ' ' || outcome || ' ' || ${cat('command', 'stderr_excerpt', 'bead_id', 'agent_id')}`,
    toEvent: (r) => gitTimelineEvent(toGitOperation(r)),
  },
  {
    kind: 'credential',
    from: `SELECT t.*, t.created_at AS at, t.id AS source_id, c.rig_name FROM credential_events t
           LEFT JOIN credentials c ON c.rig_id = t.rig_id`,
    bare: `SELECT t.*, t.created_at AS at, t.id AS source_id FROM credential_events t`,
    entity: null,
    text: `'credential ' || kind || ' ' || outcome || ' ' || ${cat('error', 'rig_name', 'rig_id')}`,
    toEvent: (r) => credentialTimelineEvent(toCredentialEvent(r), strOrNull(r.rig_name)),
  },
  {
    kind: 'admin',
    from: `SELECT t.*, t.at AS at, printf('%010d', t.seq) AS source_id FROM admin_audit_log t`,
    entity: '(target_id = ? AND ? IS NOT NULL)',
    text: `${cat('action', 'admin_email', 'target_kind', 'target_id', 'reason', 'error', 'outcome')}`,
    toEvent: (r) =>
      adminTimelineEvent({
        seq: num(r.seq),
        action: str(r.action),
        outcome: str(r.outcome),
        error: strOrNull(r.error),
        admin_email: str(r.admin_email),
        reason: str(r.reason),
        target: { kind: str(r.target_kind), id: str(r.target_id) },
      }),
  },
];
