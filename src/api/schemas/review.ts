import { z } from 'zod';
import { RowVersion } from './tolerant';
import { Id, Timestamp } from './common';
import { BeadStatus } from './bead';
import { MergeStrategy } from './config';

export const ReviewState = z.enum(['pending', 'running', 'merged', 'failed']);
export type ReviewState = z.infer<typeof ReviewState>;

/** A merge-request bead in the refinery's queue. */
export const ReviewEntry = z.object({
  bead_id: Id,
  title: z.string(),
  status: BeadStatus,
  source_bead_id: Id.nullable(),
  rig_id: Id.nullable(),
  branch: z.string(),
  target_branch: z.string(),
  pr_url: z.string().nullable(),
  pr_state: z.enum(['open', 'merged', 'closed']).nullable(),
  review_state: ReviewState,
  failure_reason: z.string().nullable(),
  refinery_agent_id: Id.nullable(),
  refinery_name: z.string().nullable(),
  retry_count: z.number().int().nonnegative(),
  merge_commit: z.string().nullable(),
  enqueued_at: Timestamp,
  started_at: Timestamp.nullable(),
  completed_at: Timestamp.nullable(),
  version: RowVersion,
});
export type ReviewEntry = z.infer<typeof ReviewEntry>;

export const QueueSample = z.object({
  at: Timestamp,
  depth: z.number().int().nonnegative(),
  /** Reviews finished (merged or failed) in the sample's interval. */
  processed: z.number().int().nonnegative(),
});
export type QueueSample = z.infer<typeof QueueSample>;

export const ReviewQueue = z.object({
  merge_strategy: MergeStrategy,
  depth: z.number().int().nonnegative(),
  entries: z.array(ReviewEntry),
  /** Depth and throughput over time, oldest first. */
  samples: z.array(QueueSample),
});
export type ReviewQueue = z.infer<typeof ReviewQueue>;
