import type { TimelineEvent, TimelineKind } from '../../src/api/schemas';
import { fromJson, num, str, strOrNull, type Row } from '../db/sql';

type Severity = TimelineEvent['severity'];

/** One table feeding the unified timeline: how to select it and how a row reads as an event. */
export interface TimelineSource {
  kind: TimelineKind;
  /** A SELECT whose columns include `at` and `source_id` (unique in the source, sortable as text). */
  from: string;
  /** SQL over the SELECT's columns for "this row names the entity" (two `?`); null when it names neither. */
  entity: string | null;
  toEvent(row: Row): Omit<TimelineEvent, 'id' | 'kind' | 'at'>;
}

const BEAD_WARN = new Set(['escalated', 'rework_requested', 'review_queue_depth_alert', 'escalation_rate_spike']);
const BEAD_ERROR = new Set(['notification_failed', 'pr_creation_failed', 'agent_restart_loop']);
const CONTAINER_ERROR = new Set(['error', 'oom', 'not_found', 'health_check_failed']);

const change = (from: unknown, to: unknown) =>
  from === null && to === null ? '' : ` ${from === null ? '' : `${String(from)} → `}${to === null ? '∅' : String(to)}`;

export const TIMELINE_SOURCES: TimelineSource[] = [
  {
    kind: 'bead',
    from: `SELECT t.*, t.created_at AS at, t.id AS source_id, b.title AS bead_title FROM bead_events t
           LEFT JOIN beads b ON b.id = t.bead_id`,
    entity: '(bead_id = ? OR agent_id = ?)',
    toEvent: (r) => {
      const type = str(r.event_type);
      return {
        type,
        severity: (BEAD_ERROR.has(type) ? 'error' : BEAD_WARN.has(type) ? 'warn' : 'info') as Severity,
        bead_id: str(r.bead_id),
        agent_id: strOrNull(r.agent_id),
        summary: `${r.bead_title === null ? str(r.bead_id).slice(0, 8) : `“${str(r.bead_title)}”`}: ${type.replace(/_/g, ' ')}${change(r.old_value, r.new_value)}`,
        details: { old_value: r.old_value, new_value: r.new_value, metadata: fromJson(r.metadata, {}) },
      };
    },
  },
  {
    kind: 'agent',
    from: `SELECT t.*, t.at AS at, printf('%010d', t.id) AS source_id, a.name AS agent_name FROM agent_status_history t
           LEFT JOIN agents a ON a.id = t.agent_id`,
    entity: '(agent_id = ? AND ? IS NOT NULL)',
    toEvent: (r) => {
      const status = str(r.status);
      return {
        type: `status.${status}`,
        severity: (status === 'dead' ? 'error' : status === 'stalled' ? 'warn' : 'info') as Severity,
        bead_id: null,
        agent_id: str(r.agent_id),
        summary: `${str(r.agent_name ?? 'agent')} → ${status}${r.reason === null ? '' : `: ${str(r.reason)}`}`,
        details: { status, reason: r.reason },
      };
    },
  },
  {
    kind: 'dispatch',
    from: `SELECT t.*, t.created_at AS at, t.id AS source_id FROM dispatch_attempts t`,
    entity: '(bead_id = ? OR agent_id = ?)',
    toEvent: (r) => {
      const failed = r.outcome === 'failed';
      return {
        type: failed ? 'dispatch.failed' : 'dispatch.succeeded',
        severity: (failed ? 'error' : 'info') as Severity,
        bead_id: str(r.bead_id),
        agent_id: strOrNull(r.agent_id),
        summary: `Dispatch attempt ${num(r.attempt_number)}/5 ${failed ? `failed: ${str(r.error_message ?? 'no error message')}` : 'succeeded'}`,
        details: { attempt_number: r.attempt_number, container_status: r.container_status, container_response: r.container_response, error_message: r.error_message },
      };
    },
  },
  {
    kind: 'container',
    from: `SELECT t.*, t.created_at AS at, t.id AS source_id FROM container_events t`,
    entity: null,
    toEvent: (r) => {
      const type = str(r.event_type);
      const badExit = r.exit_code !== null && num(r.exit_code) !== 0;
      return {
        type: `container.${type}`,
        severity: (CONTAINER_ERROR.has(type) ? 'error' : badExit ? 'warn' : 'info') as Severity,
        bead_id: null,
        agent_id: null,
        summary: `Container ${type}${r.exit_code === null ? '' : ` (exit ${num(r.exit_code)})`}${r.reason === null ? '' : `: ${str(r.reason)}`}`,
        details: { exit_code: r.exit_code, reason: r.reason, message: r.message, metadata: fromJson(r.metadata, {}) },
      };
    },
  },
  {
    kind: 'git',
    from: `SELECT t.*, t.created_at AS at, t.id AS source_id FROM git_operations t`,
    entity: '(bead_id = ? OR agent_id = ?)',
    toEvent: (r) => {
      const failed = r.outcome === 'failure';
      return {
        type: `git.${str(r.operation)}`,
        severity: (failed ? 'error' : 'info') as Severity,
        bead_id: strOrNull(r.bead_id),
        agent_id: strOrNull(r.agent_id),
        summary: `git ${str(r.operation)} ${failed ? 'failed' : 'ok'}: ${str(r.command)}`,
        details: { command: r.command, exit_code: r.exit_code, stderr_excerpt: r.stderr_excerpt, duration_ms: r.duration_ms, rig_id: r.rig_id },
      };
    },
  },
  {
    kind: 'credential',
    from: `SELECT t.*, t.created_at AS at, t.id AS source_id, c.rig_name FROM credential_events t
           LEFT JOIN credentials c ON c.rig_id = t.rig_id`,
    entity: null,
    toEvent: (r) => {
      const failed = r.outcome === 'failure';
      return {
        type: `credential.${str(r.kind)}`,
        severity: (failed ? 'error' : 'info') as Severity,
        bead_id: null,
        agent_id: null,
        summary: `Credential ${str(r.kind)} for ${str(r.rig_name ?? r.rig_id)} ${failed ? `failed: ${str(r.error ?? '')}` : 'succeeded'}`,
        details: { rig_id: r.rig_id, integration_id: r.integration_id, error: r.error, token_expires_at: r.token_expires_at },
      };
    },
  },
  {
    kind: 'admin',
    from: `SELECT t.*, t.at AS at, printf('%010d', t.seq) AS source_id FROM admin_audit_log t`,
    entity: '(target_id = ? AND ? IS NOT NULL)',
    toEvent: (r) => {
      const kind = str(r.target_kind);
      return {
        type: str(r.action),
        severity: (r.outcome === 'failure' ? 'warn' : 'info') as Severity,
        bead_id: kind === 'bead' || kind === 'review' || kind === 'convoy' ? str(r.target_id) : null,
        agent_id: kind === 'agent' ? str(r.target_id) : null,
        summary: `${str(r.admin_email)}: ${str(r.action)} on ${kind} — ${str(r.reason)}`,
        details: { seq: r.seq, target: { kind, id: r.target_id }, outcome: r.outcome, error: r.error },
      };
    },
  },
];
