import type { AuditEntry, RecoveryObservation, RecoveryWatch } from '../../src/api/schemas';
import { noRecoveryReason, RECOVERY, recoverySpec } from '../../src/api/schemas';
import type { Ids, SqlPort } from '../ports';
import { all, first, fromJson, insert, toJson } from '../db/sql';
import { toAuditEntry } from '../town/rows';
import { readChecks } from './checks';

const MINUTE = 60_000;
/**
 * Entries older than the longest deadline plus the idle tick interval (300 s) and a margin are never
 * open: the first tick past a deadline always sees its entry.
 */
const WATCHED = Object.keys(RECOVERY).filter((action) => recoverySpec(action) !== null);
const LONGEST = (Math.max(...WATCHED.map((action) => recoverySpec(action)!.within_minutes)) + 15) * MINUTE;

function toObservation(row: Record<string, unknown>): RecoveryObservation {
  return {
    id: String(row.id),
    audit_id: String(row.audit_id),
    audit_seq: Number(row.audit_seq),
    at: String(row.at),
    verdict: String(row.verdict) as RecoveryObservation['verdict'],
    summary: String(row.summary),
    checks: fromJson(row.checks as string, []),
  };
}

const minutes = (ms: number) => (ms < MINUTE ? `${Math.max(1, Math.round(ms / 1000))} s` : `${Math.round(ms / MINUTE)} min`);

/**
 * One patrol pass over the open watches (successful, watched actions without a verdict): records when
 * each expectation first holds (its ✓ and the time it took), and at the deadline appends the verdict:
 * "recovered" when every expectation holds then, else "did not recover" with the newest evidence. The audit
 * entry is never touched: the verdict is its own append-only row, linked by the entry's id.
 */
export function watchRecoveries(sql: SqlPort, now: number, ids: Ids): void {
  const iso = new Date(now).toISOString();
  const open = all(
    sql,
    `SELECT * FROM admin_audit_log l
     WHERE l.at >= ? AND l.outcome = 'success' AND l.action IN (${WATCHED.map(() => '?').join(', ')})
       AND NOT EXISTS (SELECT 1 FROM recovery_observations o WHERE o.audit_id = l.id)
     ORDER BY l.seq`,
    new Date(now - LONGEST).toISOString(),
    ...WATCHED,
  ).map(toAuditEntry);
  for (const entry of open) {
    const spec = recoverySpec(entry.action)!;
    const started = Date.parse(entry.at);
    let checks = readChecks(sql, entry, now);
    for (const check of checks)
      if (check.met && !check.met_at) insert(sql, 'recovery_checks', { audit_id: entry.id, check_id: check.id, met_at: iso });
    checks = checks.map((c) => (c.met && !c.met_at ? { ...c, met_at: iso, took_ms: now - started } : c));
    // The verdict waits for the deadline: a town that comes back and falls over again within it (a
    // restart that OOMs anew) has not recovered. At the deadline, every expectation must hold.
    if (now < started + spec.within_minutes * MINUTE) continue;
    const recovered = checks.every((c) => c.met);
    const unmet = checks.filter((c) => !c.met);
    insert(sql, 'recovery_observations', {
      id: ids.uuid(),
      audit_id: entry.id,
      audit_seq: entry.seq,
      at: iso,
      verdict: recovered ? 'recovered' : 'did_not_recover',
      summary: recovered
        ? `Recovered in ${minutes(Math.max(...checks.map((c) => c.took_ms ?? 0)))}`
        : `Did not recover within ${spec.within_minutes} min: ${unmet.map((c) => c.evidence).join('; ')}`,
      checks: toJson(checks),
    });
  }
}

/** `GET /towns/:id/recovery/:auditId`: the watch as of now (null: no such entry). */
export function readRecovery(sql: SqlPort, auditId: string, now: number): RecoveryWatch | null {
  const row = first(sql, 'SELECT * FROM admin_audit_log WHERE id = ?', auditId);
  if (!row) return null;
  const entry: AuditEntry = toAuditEntry(row);
  const spec = recoverySpec(entry.action);
  const stored = first(sql, 'SELECT * FROM recovery_observations WHERE audit_id = ?', auditId);
  const observation = stored ? toObservation(stored) : null;
  // A failed action did not make the change its recovery would follow from (it may have recorded the
  // failure itself, e.g. a failed refresh): the panel says so instead of watching nothing in silence.
  const failed = entry.outcome === 'failure';
  return {
    audit_id: entry.id,
    action: entry.action,
    declared: spec !== null,
    no_recovery: failed
      ? `It failed${entry.error ? ` (${entry.error})` : ''}: what it was meant to change did not happen, so there is no recovery to follow. Fix the cause the error names, then act again.`
      : noRecoveryReason(entry.action),
    started_at: entry.at,
    deadline_at: spec ? new Date(Date.parse(entry.at) + spec.within_minutes * MINUTE).toISOString() : null,
    now: new Date(now).toISOString(),
    // After the verdict, the checks are the ones it was given on (the town keeps moving).
    checks: observation ? observation.checks : spec && !failed ? readChecks(sql, entry, now) : [],
    observation,
  };
}

/** `GET /towns/:id/recovery`: the verdicts, newest first (the audit log shows each beside its entry). */
export function listObservations(sql: SqlPort, limit = 500): RecoveryObservation[] {
  return all(sql, 'SELECT * FROM recovery_observations ORDER BY audit_seq DESC LIMIT ?', limit).map(toObservation);
}
