import { z } from 'zod';
import { Id, Timestamp } from './common';
import type { ActionName } from './actions';
import { TargetKind } from './audit';

/**
 * What recovery looks like after an action, as contract data: each action of the registry that can
 * be watched declares the facts that must hold again, and by when. The server evaluates them against
 * the town (server/recovery/) on every patrol tick and on every read; the result panel and the audit
 * log show them. An action without an entry here is not watched (its effect is the whole story).
 */
export const RecoveryCheckId = z.enum([
  'container_running',
  'processes_running',
  'agents_working',
  'attempt_recorded',
  'process_running',
  'agent_working',
  'tokens_stopped',
  'mayor_ready',
]);
export type RecoveryCheckId = z.infer<typeof RecoveryCheckId>;

export interface RecoverySpec {
  /** Past this many town minutes after the action, an unmet expectation is "did not recover". */
  within_minutes: number;
  expect: { id: RecoveryCheckId; says: string }[];
}

/** Cold start grace (3 min, DOMAIN.md) plus dispatch backoff and a tick or two of margin. */
export const RECOVERY: Partial<Record<ActionName, RecoverySpec>> = {
  'container.force_restart': {
    within_minutes: 10,
    expect: [
      { id: 'container_running', says: 'Container running' },
      { id: 'processes_running', says: 'A process runs again for every hooked agent' },
      { id: 'agents_working', says: 'Those agents are working again' },
    ],
  },
  'agent.retry_dispatch': {
    within_minutes: 10,
    expect: [
      { id: 'attempt_recorded', says: 'A dispatch attempt recorded' },
      { id: 'process_running', says: 'Its process running' },
      { id: 'agent_working', says: 'The agent working' },
    ],
  },
  'bead.reassign': {
    within_minutes: 10,
    expect: [
      { id: 'attempt_recorded', says: 'A dispatch attempt recorded for the new agent' },
      { id: 'process_running', says: 'Its process running' },
      { id: 'agent_working', says: 'The new agent working' },
    ],
  },
  'agent.force_kill': {
    within_minutes: 5,
    expect: [{ id: 'tokens_stopped', says: 'Its token rate at zero (no tokens for 2 min)' }],
  },
  'mayor.force_restart': {
    within_minutes: 5,
    expect: [{ id: 'mayor_ready', says: 'Mayor session ready (not starting, not errored)' }],
  },
};

export const RecoveryLink = z.object({ kind: TargetKind, id: z.string() });

export const RecoveryCheck = z.object({
  id: RecoveryCheckId,
  says: z.string(),
  met: z.boolean(),
  /** When the patrol first saw it hold (null: not yet, or held only since the last tick). */
  met_at: Timestamp.nullable(),
  /** From the action to `met_at`. */
  took_ms: z.number().int().nullable(),
  /** The newest evidence, as an operator reads it. */
  evidence: z.string(),
  link: RecoveryLink.nullable(),
});
export type RecoveryCheck = z.infer<typeof RecoveryCheck>;

export const RecoveryVerdict = z.enum(['recovered', 'did_not_recover']);
export type RecoveryVerdict = z.infer<typeof RecoveryVerdict>;

/** The verdict, appended once beside the audit entry it judges (the entry itself is never changed). */
export const RecoveryObservation = z.object({
  id: Id,
  audit_id: Id,
  audit_seq: z.number().int(),
  at: Timestamp,
  verdict: RecoveryVerdict,
  summary: z.string(),
  checks: z.array(RecoveryCheck),
});
export type RecoveryObservation = z.infer<typeof RecoveryObservation>;

export const RecoveryWatch = z.object({
  audit_id: Id,
  action: z.string(),
  /** False when the action declares no recovery: nothing to watch. */
  declared: z.boolean(),
  started_at: Timestamp,
  deadline_at: Timestamp.nullable(),
  /** The town's time of this reading. */
  now: Timestamp,
  checks: z.array(RecoveryCheck),
  observation: RecoveryObservation.nullable(),
});
export type RecoveryWatch = z.infer<typeof RecoveryWatch>;

export const RecoveryObservationList = z.object({ items: z.array(RecoveryObservation) });
export type RecoveryObservationList = z.infer<typeof RecoveryObservationList>;
