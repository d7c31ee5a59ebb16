import { z } from 'zod';
import { Id, JsonRecord, Timestamp } from './common';

export const TargetKind = z.enum(['town', 'bead', 'agent', 'container', 'review', 'config', 'rig', 'credential', 'convoy']);
export type TargetKind = z.infer<typeof TargetKind>;
export const ActionTarget = z.object({ kind: TargetKind, id: z.string().min(1) });
export type ActionTarget = z.infer<typeof ActionTarget>;

/** One row of `admin_audit_log`: append-only, hash-chained per town. */
export const AuditEntry = z.object({
  /** Per-town sequence number, 1-based. */
  seq: z.number().int().positive(),
  id: Id,
  town_id: Id,
  at: Timestamp,
  admin_id: z.string(),
  admin_email: z.string(),
  action: z.string(),
  target: ActionTarget,
  reason: z.string(),
  /** Parameters with secrets masked. */
  params: JsonRecord,
  before: JsonRecord,
  after: JsonRecord,
  outcome: z.enum(['success', 'failure']),
  error: z.string().nullable(),
  request_id: z.string(),
  prev_hash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Something an entry is about, by id and by name, and whether it is still in the town. */
export const AuditNamed = z.object({
  id: z.string(),
  /** The name the town gives it now; once gone, the name it had when the panel deleted it (null: not kept). */
  name: z.string().nullable(),
  /** No longer in the town (deleted). */
  gone: z.boolean(),
});
export type AuditNamed = z.infer<typeof AuditNamed>;

/**
 * What an entry is about, in the town's words, read when the log is read (the hashed record keeps ids
 * only): the town, and the rig, agent and bead the target is or belongs to — an agent's rig, a bead's
 * rig and assignee — and the bead a convoy's add/remove tracked names.
 */
export const AuditNames = z.object({
  town: z.string().nullable(),
  rig: AuditNamed.nullable(),
  agent: AuditNamed.nullable(),
  bead: AuditNamed.nullable(),
  tracked_bead: AuditNamed.nullable(),
});
export type AuditNames = z.infer<typeof AuditNames>;

/** An entry as the log lists it: the record, its number across all towns' logs, and its names. */
export const AuditRow = AuditEntry.extend({
  /**
   * Position in one sequence across every town's log, handed out by the directory as each town's chain
   * head reaches it (null: not reached yet — the outbox delivers it shortly).
   */
  global_seq: z.number().int().positive().nullable(),
  names: AuditNames,
});
export type AuditRow = z.infer<typeof AuditRow>;

export const AuditPage = z.object({
  items: z.array(AuditRow),
  next_cursor: z.string().nullable(),
  total: z.number().int().nonnegative().nullable(),
});
export type AuditPage = z.infer<typeof AuditPage>;

/**
 * A town's chain head as signed outside the town (kept by the directory, moved by every append):
 * verification compares the log with it, so entries deleted from the end are reported missing.
 */
export const AuditAnchor = z.object({
  seq: z.number().int().positive(),
  hash: z.string(),
  at: Timestamp,
  /** Whether the head's signature holds under the server's key (false: the head itself was altered). */
  signed: z.boolean(),
});
export type AuditAnchor = z.infer<typeof AuditAnchor>;

export const AuditVerification = z.object({
  town_id: Id,
  entries: z.number().int().nonnegative(),
  verified: z.boolean(),
  /** Last entry whose hash verifies in an unbroken chain from the first. */
  verified_through: z.number().int().nonnegative(),
  /** First entry that fails verification, when the chain is broken. */
  broken_at: z.number().int().positive().nullable(),
  problem: z.string().nullable(),
  /** The signed head the log was compared with (null: nothing anchored yet, e.g. a log older than anchoring). */
  anchor: AuditAnchor.nullable().optional(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;

/** `GET /audit/verify`: every town's chain, verified against its signed head (one entry per town). */
export const AuditVerificationList = z.object({ items: z.array(AuditVerification) });
export type AuditVerificationList = z.infer<typeof AuditVerificationList>;
