import type { SqlPort } from '../ports';
import type { BeadEvent, ContainerEvent, CredentialEvent, DispatchAttempt, GitOperation } from '../../src/api/schemas';
import { insert } from '../db/sql';

/**
 * The write paths production would call to persist what today only reaches console logs (the seed's
 * "data gaps"). Each is idempotent by row id, so a retried report does not duplicate a row.
 * Seeding writes through these same functions.
 */

export function recordBeadEvent(sql: SqlPort, event: BeadEvent): void {
  insert(sql, 'bead_events', { ...event }, 'INSERT OR IGNORE');
  sql.exec(
    'UPDATE beads SET last_event_at = ?1 WHERE id = ?2 AND (last_event_at IS NULL OR last_event_at < ?1)',
    event.created_at,
    event.bead_id,
  );
}

/** A dispatch attempt and its outcome; the bead's attempt counter follows the highest attempt seen. */
export function recordDispatchAttempt(sql: SqlPort, attempt: DispatchAttempt): void {
  insert(sql, 'dispatch_attempts', { ...attempt }, 'INSERT OR IGNORE');
  sql.exec(
    `UPDATE beads SET
       dispatch_attempts = max(dispatch_attempts, ?1),
       last_dispatch_attempt_at = CASE WHEN last_dispatch_attempt_at IS NULL OR last_dispatch_attempt_at < ?2
                                       THEN ?2 ELSE last_dispatch_attempt_at END
     WHERE id = ?3`,
    attempt.attempt_number,
    attempt.created_at,
    attempt.bead_id,
  );
}

/** A container lifecycle event (start, stop with exit code and reason, OOM, sleep, wake, …). */
export function recordContainerEvent(sql: SqlPort, event: ContainerEvent): void {
  insert(sql, 'container_events', { ...event }, 'INSERT OR IGNORE');
  if (event.event_type === 'restart') {
    sql.exec('UPDATE container_state SET last_restart_at = ?1 WHERE last_restart_at IS NULL OR last_restart_at < ?1', event.created_at);
  }
}

/** A git clone / fetch / pull / push / merge reported back by the container. */
export function recordGitOperation(sql: SqlPort, operation: GitOperation): void {
  insert(sql, 'git_operations', { ...operation }, 'INSERT OR IGNORE');
}

/** A credential resolution, refresh or verification; it also moves the rig's current credential state. */
export function recordCredentialResolution(sql: SqlPort, event: CredentialEvent): void {
  insert(sql, 'credential_events', { ...event }, 'INSERT OR IGNORE');
  const failed = event.outcome === 'failure';
  if (event.kind === 'verify') {
    sql.exec(
      `UPDATE credentials SET last_verified_at = ?1, verification = ?2, last_error = CASE WHEN ?3 THEN ?4 ELSE last_error END
       WHERE rig_id = ?5 AND (last_verified_at IS NULL OR last_verified_at <= ?1)`,
      event.created_at,
      failed ? 'failed' : 'ok',
      failed ? 1 : 0,
      event.error,
      event.rig_id,
    );
    return;
  }
  sql.exec(
    `UPDATE credentials SET last_resolved_at = ?1, status = ?2, last_error = ?3,
       token_expires_at = coalesce(?4, token_expires_at)
     WHERE rig_id = ?5 AND (last_resolved_at IS NULL OR last_resolved_at <= ?1)`,
    event.created_at,
    failed ? 'error' : 'valid',
    failed ? event.error : null,
    event.token_expires_at,
    event.rig_id,
  );
}
