import { z } from 'zod';
import { ActionName } from './actions';
import { AgentRole, AgentStatus } from './agent';
import { ReviewState } from './review';
import { BeadStatus, BeadType } from './bead';
import { Id } from './common';

/**
 * Bulk actions (issue 15): one action over many targets, through the same engine, one audit entry per
 * target. "All matching this filter" sends the filter, never an id list the client built: the server
 * resolves it once, keeps the resulting targets under the batch key, and a run acts on exactly those.
 */

/** At most this many targets in one batch: narrow the filter for more. */
export const BULK_MAX_TARGETS = 2000;
/** Above this many targets the admin types the count to confirm. */
export const BULK_CONFIRM_ABOVE = 10;

/** The beads table's filters; at least one must be set (the server refuses a whole town by omission). */
export const BulkBeadFilter = z
  .object({
    status: z.array(BeadStatus).max(5).optional(),
    type: z.array(BeadType).max(10).optional(),
    label: z.string().trim().min(1).max(200).optional(),
    q: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type BulkBeadFilter = z.infer<typeof BulkBeadFilter>;

/** The Agents tab's filters (role, status, text on name/identity/id); at least one must be set. */
export const BulkAgentFilter = z
  .object({
    role: z.array(AgentRole).max(3).optional(),
    status: z.array(AgentStatus).max(5).optional(),
    q: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type BulkAgentFilter = z.infer<typeof BulkAgentFilter>;

/** The review queue's filters (review state, text on title/bead id); at least one must be set. */
export const BulkReviewFilter = z
  .object({
    state: z.array(ReviewState).max(4).optional(),
    q: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type BulkReviewFilter = z.infer<typeof BulkReviewFilter>;

/**
 * Ready-made batches for what the seed's scenarios need, each resolved by the server from the town's
 * state: the action they take is fixed beside them (`BULK_PRESET_ACTIONS`).
 */
export const BulkPreset = z.enum(['stalled_agents', 'agents_hooked_to_closed_beads', 'failed_reviews', 'failed_dispatches']);
export type BulkPreset = z.infer<typeof BulkPreset>;
export const BULK_PRESET_ACTIONS = {
  stalled_agents: 'agent.force_reset',
  agents_hooked_to_closed_beads: 'agent.force_unhook',
  failed_reviews: 'review.force_retry',
  failed_dispatches: 'agent.retry_dispatch',
} as const satisfies Record<BulkPreset, string>;

export const BulkSelection = z.discriminatedUnion('by', [
  z.object({ by: z.literal('preset'), preset: BulkPreset }),
  /** "All matching this filter": the table's filter, resolved by the server. */
  z.discriminatedUnion('kind', [
    z.object({ by: z.literal('filter'), kind: z.literal('bead'), filter: BulkBeadFilter }),
    z.object({ by: z.literal('filter'), kind: z.literal('agent'), filter: BulkAgentFilter }),
    z.object({ by: z.literal('filter'), kind: z.literal('review'), filter: BulkReviewFilter }),
  ]),
  /** Rows the admin ticked one by one (what they saw), for beads, agents or reviews. */
  z.object({ by: z.literal('ids'), kind: z.enum(['bead', 'agent', 'review']), ids: z.array(Id).min(1).max(BULK_MAX_TARGETS) }),
]);
export type BulkSelection = z.infer<typeof BulkSelection>;

/** `POST /towns/:townId/batches`: resolve the selection, dry-run the action on every target, keep the batch. */
export const BulkPrepareRequest = z.object({
  /** The batch key: the same key with the same request answers the same batch; runs under it are idempotent. */
  batch_key: z.string().min(8).max(100),
  action: ActionName,
  selection: BulkSelection,
  params: z.record(z.string(), z.unknown()).default({}),
  reason: z.string().trim().min(3).max(2000),
});
export type BulkPrepareRequest = z.input<typeof BulkPrepareRequest>;

export const BulkTargetEffect = z.object({
  target_id: z.string(),
  label: z.string(),
  /** What the action would do to it (the engine's dry-run summary), or why it would be refused. */
  summary: z.string(),
  refused: z.object({ code: z.string(), message: z.string() }).nullable(),
  warnings: z.array(z.string()),
});
export type BulkTargetEffect = z.infer<typeof BulkTargetEffect>;

/** A kind of warning and how many targets it concerns ("3 of them are in progress"). */
export const BulkWarning = z.object({ kind: z.string(), count: z.number().int().nonnegative(), message: z.string() });
export type BulkWarning = z.infer<typeof BulkWarning>;

export const BulkPreview = z.object({
  batch_key: z.string(),
  /** Shared by every audit entry the batch writes (their `request_id`). */
  batch_id: z.string(),
  action: ActionName,
  count: z.number().int().nonnegative(),
  /** The first targets, with their effect. */
  sample: z.array(BulkTargetEffect),
  warnings: z.array(BulkWarning),
  /** Targets the engine would refuse, by reason. */
  refusals: z.array(BulkWarning),
  /** Whether the admin must type `count` to run it. */
  confirm_required: z.boolean(),
});
export type BulkPreview = z.infer<typeof BulkPreview>;

/** `POST /towns/:townId/batches/:batchKey/run`: the next `limit` pending targets; `retry_failed` first puts the failed ones back in line. */
export const BulkRunRequest = z.object({
  confirm_count: z.number().int().nonnegative().optional(),
  limit: z.number().int().min(1).max(BULK_MAX_TARGETS).default(50),
  retry_failed: z.boolean().default(false),
});
export type BulkRunRequest = z.input<typeof BulkRunRequest>;

export const BulkTargetStatus = z.enum(['pending', 'applied', 'failed']);
export type BulkTargetStatus = z.infer<typeof BulkTargetStatus>;

export const BulkTargetOutcome = z.object({
  target_id: z.string(),
  label: z.string(),
  status: BulkTargetStatus,
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** The target's audit entry (seq in the town's log), once applied. */
  audit_seq: z.number().int().nullable(),
});
export type BulkTargetOutcome = z.infer<typeof BulkTargetOutcome>;

export const BulkRunPage = z.object({
  batch_id: z.string(),
  total: z.number().int().nonnegative(),
  applied: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
  /** What this call did, target by target. */
  results: z.array(BulkTargetOutcome),
  /** Every failed target of the batch so far, with its reason (retry them with `retry_failed`). */
  failures: z.array(BulkTargetOutcome),
});
export type BulkRunPage = z.infer<typeof BulkRunPage>;

/**
 * `POST /towns/:townId/batches/:batchKey/stream` (body: `BulkRunRequest` without `limit`): runs every
 * pending target of the batch (the failed ones first put back in line with `retry_failed`), answered as
 * NDJSON while it goes — one `target` line as each target completes, with the batch's totals at that
 * moment, then `done` with the final page (or `error` if the run broke off). Each target still runs
 * through the engine under the batch key (`batch_key:target_id`), so a stream cut short and run again
 * acts once per target. Closing the stream stops the run after the target in hand.
 */
export const BulkRunLine = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('target'),
    outcome: BulkTargetOutcome,
    total: z.number().int().nonnegative(),
    applied: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    pending: z.number().int().nonnegative(),
  }),
  z.object({ type: z.literal('done'), page: BulkRunPage }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
]);
export type BulkRunLine = z.infer<typeof BulkRunLine>;
