import {
  DISPATCH_CAP,
  type AgentStatus,
  type Open,
  type BeadEvent,
  type ContainerEvent,
  type CredentialEvent,
  type DispatchAttempt,
  type GitOperation,
  type TimelineEvent,
} from '../../src/api/schemas';

/**
 * How each recorded fact reads as a row of the town's unified timeline. One definition, used by
 * MSW (src/mocks/db/views.ts) and by the reference worker (worker/town/timeline-sources.ts), so
 * both backends give the same type, severity, links, summary and details for the same fact.
 */
export type TimelineBody = Omit<TimelineEvent, 'id' | 'kind' | 'at'>;

const BEAD_WARN = new Set(['escalated', 'rework_requested', 'review_queue_depth_alert', 'escalation_rate_spike']);
const BEAD_ERROR = new Set(['notification_failed', 'pr_creation_failed', 'agent_restart_loop']);
const CONTAINER_ERROR = new Set(['error', 'oom', 'not_found', 'health_check_failed']);

const change = (from: unknown, to: unknown) =>
  from === null && to === null ? '' : ` ${from === null ? '' : `${String(from)} → `}${to === null ? '∅' : String(to)}`;

export function beadTimelineEvent(e: Omit<BeadEvent, 'id' | 'created_at'>, beadTitle: string | null): TimelineBody {
  return {
    type: e.event_type,
    severity: BEAD_ERROR.has(e.event_type) ? 'error' : BEAD_WARN.has(e.event_type) ? 'warn' : 'info',
    bead_id: e.bead_id,
    agent_id: e.agent_id,
    summary: `${beadTitle === null ? e.bead_id.slice(0, 8) : `“${beadTitle}”`}: ${e.event_type.replace(/_/g, ' ')}${change(e.old_value, e.new_value)}`,
    details: { old_value: e.old_value, new_value: e.new_value, metadata: e.metadata },
  };
}

export function agentStatusTimelineEvent(
  h: { agent_id: string; status: Open<AgentStatus>; reason: string | null },
  agentName: string | null,
): TimelineBody {
  return {
    type: `status.${h.status}`,
    severity: h.status === 'dead' ? 'error' : h.status === 'stalled' ? 'warn' : 'info',
    bead_id: null,
    agent_id: h.agent_id,
    summary: `${agentName ?? 'agent'} → ${h.status}${h.reason === null ? '' : `: ${h.reason}`}`,
    details: { status: h.status, reason: h.reason },
  };
}

export function dispatchTimelineEvent(d: DispatchAttempt): TimelineBody {
  const failed = d.outcome === 'failed';
  return {
    type: failed ? 'dispatch.failed' : 'dispatch.succeeded',
    severity: failed ? 'error' : 'info',
    bead_id: d.bead_id,
    agent_id: d.agent_id,
    summary: `dispatch attempt ${d.attempt_number}/${DISPATCH_CAP} ${failed ? `failed: ${d.error_message ?? 'no error message'}` : 'succeeded'}`,
    details: {
      attempt_number: d.attempt_number,
      container_status: d.container_status,
      container_response: d.container_response,
      error_message: d.error_message,
    },
  };
}

export function containerTimelineEvent(c: ContainerEvent): TimelineBody {
  const badExit = c.exit_code !== null && c.exit_code !== 0;
  return {
    type: `container.${c.event_type}`,
    severity: CONTAINER_ERROR.has(c.event_type) ? 'error' : badExit ? 'warn' : 'info',
    bead_id: null,
    // A lifecycle event about one agent's process names it in its metadata.
    agent_id: typeof c.metadata.agent_id === 'string' ? c.metadata.agent_id : null,
    summary: `container ${c.event_type}${c.exit_code === null ? '' : ` (exit ${c.exit_code})`}${c.reason === null ? '' : `: ${c.reason}`}`,
    details: { exit_code: c.exit_code, reason: c.reason, message: c.message, metadata: c.metadata },
  };
}

export function gitTimelineEvent(g: GitOperation): TimelineBody {
  const failed = g.outcome === 'failure';
  return {
    type: `git.${g.operation}`,
    severity: failed ? 'error' : 'info',
    bead_id: g.bead_id,
    agent_id: g.agent_id,
    summary: `git ${g.operation} ${failed ? 'failed' : 'ok'}: ${g.command}`,
    details: { command: g.command, exit_code: g.exit_code, stderr_excerpt: g.stderr_excerpt, duration_ms: g.duration_ms, rig_id: g.rig_id },
  };
}

export function credentialTimelineEvent(c: CredentialEvent, rigName: string | null): TimelineBody {
  const failed = c.outcome === 'failure';
  return {
    type: `credential.${c.kind}`,
    severity: failed ? 'error' : 'info',
    bead_id: null,
    agent_id: null,
    summary: `credential ${c.kind} for ${rigName ?? c.rig_id} ${failed ? `failed: ${c.error ?? ''}` : 'succeeded'}`,
    details: { rig_id: c.rig_id, integration_id: c.integration_id, error: c.error, token_expires_at: c.token_expires_at },
  };
}

export function adminTimelineEvent(a: {
  seq: number;
  action: string;
  outcome: string;
  error: string | null;
  admin_email: string;
  reason: string;
  target: { kind: string; id: string };
}): TimelineBody {
  const { kind, id } = a.target;
  return {
    type: a.action,
    severity: a.outcome === 'failure' ? 'warn' : 'info',
    bead_id: kind === 'bead' || kind === 'review' || kind === 'convoy' ? id : null,
    agent_id: kind === 'agent' ? id : null,
    summary: `${a.admin_email}: ${a.action} on ${kind} — ${a.reason}`,
    details: { seq: a.seq, target: a.target, outcome: a.outcome, error: a.error },
  };
}
