import { z } from 'zod';
import { Id, Timestamp } from './common';
import type { ActionName } from './actions';
import { TargetKind } from './audit';

/**
 * What recovery looks like after an action, as contract data: each action of the registry that can
 * be watched declares the facts that must hold again, and by when. The server evaluates them against
 * the town (server/recovery/) on every patrol tick and on every read; the result panel and the audit
 * log show them. Every action has an entry: one whose effect is the whole story (a setting, a close)
 * says so and why in `none`, and is not watched.
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
  'mayor_answered',
  'credential_valid',
  'git_clean',
  'convoy_landed',
  'convoy_counted',
  'review_merged',
]);
export type RecoveryCheckId = z.infer<typeof RecoveryCheckId>;

export interface RecoverySpec {
  /** Past this many town minutes after the action, an unmet expectation is "did not recover". */
  within_minutes: number;
  expect: { id: RecoveryCheckId; says: string }[];
}

/** An action with no recovery to observe: what the operator has once it returns, in words. */
export interface NoRecovery {
  none: string;
}

/** The action's declared recovery, or null when it declares none. */
export function recoverySpec(action: string): RecoverySpec | null {
  const declared = (RECOVERY as Record<string, RecoverySpec | NoRecovery | undefined>)[action];
  return declared && 'expect' in declared ? declared : null;
}

/** Why the action has nothing to watch (null when it declares a recovery, or is unknown). */
export function noRecoveryReason(action: string): string | null {
  const declared = (RECOVERY as Record<string, RecoverySpec | NoRecovery | undefined>)[action];
  return declared && 'none' in declared ? declared.none : null;
}

/** Cold start grace (3 min, DOMAIN.md) plus dispatch backoff and a tick or two of margin. */
export const RECOVERY: Record<ActionName, RecoverySpec | NoRecovery> = {
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
  'agent.force_reset': {
    within_minutes: 5,
    expect: [{ id: 'tokens_stopped', says: 'Its token rate at zero (no tokens for 2 min)' }],
  },
  'mayor.force_restart': {
    within_minutes: 5,
    expect: [{ id: 'mayor_ready', says: 'Mayor session ready (not starting, not errored)' }],
  },
  'mayor.resend_last_message': {
    within_minutes: 10,
    expect: [{ id: 'mayor_answered', says: "The user's message answered" }],
  },
  // A token is proven by the next git operations of the rig, not by the credential row alone.
  'credential.force_refresh': {
    within_minutes: 15,
    expect: [
      { id: 'credential_valid', says: 'The credential valid' },
      { id: 'git_clean', says: 'A git operation of the rig succeeded since, and none failed (clone, fetch, pull, push)' },
    ],
  },
  'credential.set_token': {
    within_minutes: 15,
    expect: [
      { id: 'credential_valid', says: 'The credential valid' },
      { id: 'git_clean', says: 'A git operation of the rig succeeded since, and none failed (clone, fetch, pull, push)' },
    ],
  },
  'credential.relink_integration': {
    within_minutes: 15,
    expect: [
      { id: 'credential_valid', says: 'The credential valid' },
      { id: 'git_clean', says: 'A git operation of the rig succeeded since, and none failed (clone, fetch, pull, push)' },
    ],
  },
  'convoy.force_land': { within_minutes: 5, expect: [{ id: 'convoy_landed', says: 'The convoy landed' }] },
  'convoy.force_close_children': { within_minutes: 10, expect: [{ id: 'convoy_landed', says: 'The convoy landed' }] },
  'convoy.remove_tracked': {
    within_minutes: 10,
    expect: [{ id: 'convoy_counted', says: 'Its counter counts only tracked beads that exist (it can close)' }],
  },
  'convoy.add_tracked': {
    within_minutes: 10,
    expect: [{ id: 'convoy_counted', says: 'Its counter counts only tracked beads that exist (it can close)' }],
  },
  'review.force_retry': { within_minutes: 30, expect: [{ id: 'review_merged', says: 'The merge request merged' }] },
  'review.direct_merge': { within_minutes: 5, expect: [{ id: 'review_merged', says: 'The merge request merged' }] },
  'agent.force_unhook': { none: 'The agent is unhooked when the action returns; nothing further happens by itself.' },
  'agent.delete': { none: 'The agent is gone when the action returns.' },
  'bead.force_close': { none: 'The bead is closed when the action returns.' },
  'bead.force_fail': { none: 'The bead is failed when the action returns.' },
  'bead.change_priority': { none: 'A priority only orders later dispatches; there is nothing to recover.' },
  'escalation.acknowledge': {
    none: 'An acknowledgement records that someone has seen the escalation; the work it is about recovers by its own repair.',
  },
  'bead.delete': {
    none: 'The bead is gone when the action returns, and convoys that tracked it already count without it; nothing further happens by itself.',
  },
  'bead.unhook': { none: 'The bead is open again when the action returns; dispatch picks it up like any open bead.' },
  'review.force_close': { none: 'The merge request is closed when the action returns.' },
  'review.clear_queue': { none: 'The queue is empty when the action returns.' },
  'review.set_merge_strategy': { none: 'A setting: it applies to the next reviews.' },
  'container.force_stop': { none: 'The container is stopped when the action returns; it starts again on the next dispatch.' },
  'container.update_env': { none: 'The environment applies at the next container start: restart the container to watch it take effect.' },
  'container.set_sleep_timeout': { none: 'A setting: it applies the next time the container is idle.' },
  'mayor.clear_conversation': { none: 'The conversation is empty when the action returns.' },
  'config.update_town': { none: 'A setting: the town reads it on its next tick.' },
  'config.update_rig': { none: 'A setting: the rig reads it on its next dispatch.' },
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
  /** Why there is nothing to watch: the action declares none, or this entry failed (null when watched). */
  no_recovery: z.string().nullable(),
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
