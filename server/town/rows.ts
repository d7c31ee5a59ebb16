import type {
  Agent,
  AuditEntry,
  Bead,
  ContainerEvent,
  ContainerProcess,
  CredentialEvent,
  CredentialStatus,
  DispatchAttempt,
  GitOperation,
} from '../../src/api/schemas';
import type { StoredAgent, StoredBead } from '../../scenarios/types';
import { fromJson, num, numOrNull, str, strOrNull, type Row } from '../db/sql';

/** Row → contract mappers for TownDO tables. Casts to enums are safe: rows are written from parsed input. */

export function toBead(row: Row): StoredBead {
  return {
    id: str(row.id),
    type: str(row.type) as Bead['type'],
    status: str(row.status) as Bead['status'],
    title: str(row.title),
    body: str(row.body),
    rig_id: strOrNull(row.rig_id),
    parent_bead_id: strOrNull(row.parent_bead_id),
    assignee_agent_bead_id: strOrNull(row.assignee_agent_bead_id),
    priority: str(row.priority) as Bead['priority'],
    labels: fromJson<string[]>(row.labels, []),
    metadata: fromJson<Record<string, unknown>>(row.metadata, {}),
    dispatch_attempts: num(row.dispatch_attempts),
    last_dispatch_attempt_at: strOrNull(row.last_dispatch_attempt_at),
    created_by: str(row.created_by),
    created_at: str(row.created_at),
    updated_at: str(row.updated_at),
    closed_at: strOrNull(row.closed_at),
    version: num(row.version),
  };
}

export function toAgent(row: Row): StoredAgent {
  return {
    id: str(row.id),
    rig_id: strOrNull(row.rig_id),
    role: str(row.role) as Agent['role'],
    name: str(row.name),
    identity: str(row.identity),
    status: str(row.status) as Agent['status'],
    status_since: str(row.status_since),
    current_hook_bead_id: strOrNull(row.current_hook_bead_id),
    dispatch_attempts: num(row.dispatch_attempts),
    last_activity_at: strOrNull(row.last_activity_at),
    checkpoint: fromJson<Record<string, unknown> | null>(row.checkpoint, null),
    agent_status_message: strOrNull(row.agent_status_message),
    active_tools: fromJson<string[]>(row.active_tools, []),
    stalled_at: strOrNull(row.stalled_at),
    container_process_id: strOrNull(row.container_process_id),
    created_at: str(row.created_at),
    version: num(row.version),
  };
}

export function toDispatchAttempt(row: Row): DispatchAttempt {
  return {
    id: str(row.id),
    bead_id: str(row.bead_id),
    agent_id: strOrNull(row.agent_id),
    attempt_number: num(row.attempt_number),
    outcome: str(row.outcome) as DispatchAttempt['outcome'],
    container_status: numOrNull(row.container_status),
    container_response: strOrNull(row.container_response),
    error_message: strOrNull(row.error_message),
    created_at: str(row.created_at),
  };
}

export function toGitOperation(row: Row): GitOperation {
  return {
    id: str(row.id),
    rig_id: strOrNull(row.rig_id),
    agent_id: strOrNull(row.agent_id),
    bead_id: strOrNull(row.bead_id),
    operation: str(row.operation) as GitOperation['operation'],
    command: str(row.command),
    outcome: str(row.outcome) as GitOperation['outcome'],
    exit_code: numOrNull(row.exit_code),
    stderr_excerpt: strOrNull(row.stderr_excerpt),
    duration_ms: num(row.duration_ms),
    created_at: str(row.created_at),
  };
}

export function toContainerEvent(row: Row): ContainerEvent {
  return {
    id: str(row.id),
    event_type: str(row.event_type) as ContainerEvent['event_type'],
    exit_code: numOrNull(row.exit_code),
    reason: strOrNull(row.reason),
    message: strOrNull(row.message),
    metadata: fromJson<Record<string, unknown>>(row.metadata, {}),
    created_at: str(row.created_at),
  };
}

export function toProcess(row: Row): ContainerProcess {
  return {
    process_id: str(row.process_id),
    agent_id: strOrNull(row.agent_id),
    agent_name: strOrNull(row.agent_name),
    pid: numOrNull(row.pid),
    command: str(row.command),
    status: str(row.status) as ContainerProcess['status'],
    started_at: str(row.started_at),
    exited_at: strOrNull(row.exited_at),
    exit_code: numOrNull(row.exit_code),
    memory_mb: numOrNull(row.memory_mb),
  };
}

export function toCredentialEvent(row: Row): CredentialEvent {
  return {
    id: str(row.id),
    rig_id: str(row.rig_id),
    integration_id: strOrNull(row.integration_id),
    kind: str(row.kind) as CredentialEvent['kind'],
    outcome: str(row.outcome) as CredentialEvent['outcome'],
    error: strOrNull(row.error),
    token_expires_at: strOrNull(row.token_expires_at),
    created_at: str(row.created_at),
  };
}

export function toCredentialStatus(row: Row): CredentialStatus {
  return {
    rig_id: str(row.rig_id),
    rig_name: str(row.rig_name),
    source: str(row.source) as CredentialStatus['source'],
    integration_id: strOrNull(row.integration_id),
    status: str(row.status) as CredentialStatus['status'],
    last_resolved_at: strOrNull(row.last_resolved_at),
    token_expires_at: strOrNull(row.token_expires_at),
    last_error: strOrNull(row.last_error),
    last_verified_at: strOrNull(row.last_verified_at),
    verification: strOrNull(row.verification) as CredentialStatus['verification'],
  };
}

export function toAuditEntry(row: Row): AuditEntry {
  return {
    seq: num(row.seq),
    id: str(row.id),
    town_id: str(row.town_id),
    at: str(row.at),
    admin_id: str(row.admin_id),
    admin_email: str(row.admin_email),
    action: str(row.action),
    target: { kind: str(row.target_kind) as AuditEntry['target']['kind'], id: str(row.target_id) },
    reason: str(row.reason),
    params: fromJson<Record<string, unknown>>(row.params, {}),
    before: fromJson<Record<string, unknown>>(row.before, {}),
    after: fromJson<Record<string, unknown>>(row.after, {}),
    outcome: str(row.outcome) as AuditEntry['outcome'],
    error: strOrNull(row.error),
    request_id: str(row.request_id),
    prev_hash: str(row.prev_hash),
    hash: str(row.hash),
  };
}
