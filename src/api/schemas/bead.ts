import { z } from 'zod';
import { Id, JsonRecord, Timestamp, page } from './common';
import { openEnum, RowVersion, type Open } from './tolerant';

export const BeadType = z.enum(['issue', 'message', 'escalation', 'merge_request', 'convoy', 'molecule', 'agent']);
export type BeadType = z.infer<typeof BeadType>;
/** `closed` and `failed` are final. */
export const BeadStatus = z.enum(['open', 'in_progress', 'in_review', 'closed', 'failed']);
export type BeadStatus = z.infer<typeof BeadStatus>;
export const BeadPriority = z.enum(['low', 'medium', 'high', 'critical']);
export type BeadPriority = z.infer<typeof BeadPriority>;

export const Bead = z.object({
  id: Id,
  type: openEnum(BeadType),
  status: openEnum(BeadStatus),
  title: z.string(),
  /** Null in production for beads made without one (mail, escalations written by the platform). */
  body: z.string().nullable(),
  rig_id: Id.nullable(),
  parent_bead_id: Id.nullable(),
  assignee_agent_bead_id: Id.nullable(),
  priority: BeadPriority,
  labels: z.array(z.string()),
  metadata: JsonRecord,
  dispatch_attempts: z.number().int().nonnegative(),
  last_dispatch_attempt_at: Timestamp.nullable(),
  /** Null in production for beads the platform made (no creating agent or user). */
  created_by: z.string().nullable(),
  created_at: Timestamp,
  updated_at: Timestamp,
  closed_at: Timestamp.nullable(),
  /** Optimistic-concurrency version, sent back as `If-Match` by interventions. */
  version: RowVersion,
});
export type Bead = z.infer<typeof Bead>;

/** A row of the beads table (no body), with the names the table shows. */
export const BeadListItem = Bead.omit({ body: true }).extend({
  assignee_name: z.string().nullable(),
  last_event_at: Timestamp.nullable(),
});
export type BeadListItem = z.infer<typeof BeadListItem>;

/** Counts per status, including statuses newer than this panel (production added `in_review` in 2026). */
export const BeadStatusCounts = z.record(z.string(), z.number().int().nonnegative()) as unknown as z.ZodType<
  Partial<Record<Open<BeadStatus>, number>>,
  Record<string, number>
>;
export const BeadPage = page(BeadListItem).extend({
  /** Counts per status over the filtered set, ignoring the status filter itself. */
  counts: BeadStatusCounts,
});
export type BeadPage = z.infer<typeof BeadPage>;

export const BeadEventType = z.enum([
  'created',
  'assigned',
  'hooked',
  'unhooked',
  'status_changed',
  'closed',
  'escalated',
  'notification_failed',
  'mail_sent',
  'review_submitted',
  'review_completed',
  'agent_spawned',
  'agent_exited',
  'pr_created',
  'pr_creation_failed',
  'agent_status',
  'triage_resolved',
  'fields_updated',
  'review_queue_depth_alert',
  'escalation_rate_spike',
  'agent_restart_loop',
  'rework_requested',
]);
export type BeadEventType = z.infer<typeof BeadEventType>;

export const BeadEvent = z.object({
  id: Id,
  bead_id: Id,
  /**
   * The agent that caused the event. Production writes the literal `admin` or `system` here for
   * events the platform made, so any string is read; `beadEventActor` says who it was.
   */
  agent_id: z.string().nullable(),
  event_type: openEnum(BeadEventType),
  old_value: z.string().nullable(),
  new_value: z.string().nullable(),
  metadata: JsonRecord,
  created_at: Timestamp,
});
export type BeadEvent = z.infer<typeof BeadEvent>;
export const BeadEventList = z.object({ items: z.array(BeadEvent) });

export const DependencyType = z.enum(['blocks', 'tracks', 'parent-child']);
export type DependencyType = z.infer<typeof DependencyType>;
/** `bead_id` depends on `depends_on_bead_id` (for `blocks`: the latter blocks the former). */
export const Dependency = z.object({
  bead_id: Id,
  depends_on_bead_id: Id,
  dependency_type: DependencyType,
});
export type Dependency = z.infer<typeof Dependency>;

export const GraphNode = z.object({
  id: Id,
  type: openEnum(BeadType),
  status: openEnum(BeadStatus),
  title: z.string(),
  priority: BeadPriority,
  assignee_name: z.string().nullable(),
  /** Distance from the focus bead in edges (0 = focus). */
  distance: z.number().int().nonnegative(),
});
export type GraphNode = z.infer<typeof GraphNode>;

export const BeadGraph = z.object({
  focus_bead_id: Id,
  /** Requested depth; null means "all". */
  depth: z.number().int().positive().nullable(),
  nodes: z.array(GraphNode),
  edges: z.array(Dependency),
  /** True when the node cap cut the graph short. */
  truncated: z.boolean(),
});
export type BeadGraph = z.infer<typeof BeadGraph>;

export const ConvoyMergeMode = z.enum(['review-then-land', 'review-and-merge']);
export const TrackedBead = z.object({
  bead_id: Id,
  /** Null when the tracked bead no longer exists (deleted instead of closed). */
  title: z.string().nullable(),
  status: openEnum(BeadStatus).nullable(),
  present: z.boolean(),
});
export type TrackedBead = z.infer<typeof TrackedBead>;

export const Convoy = z.object({
  bead_id: Id,
  title: z.string(),
  status: openEnum(BeadStatus),
  total_beads: z.number().int().nonnegative(),
  closed_beads: z.number().int().nonnegative(),
  landed_at: Timestamp.nullable(),
  feature_branch: z.string().nullable(),
  target_branch: z.string(),
  staged: z.boolean(),
  merge_mode: ConvoyMergeMode,
  landing_mr_bead_id: Id.nullable(),
  landing_mr_state: z.enum(['pending', 'running', 'merged', 'failed']).nullable(),
  tracked: z.array(TrackedBead),
});
export type Convoy = z.infer<typeof Convoy>;

/**
 * Who caused a bead event. Production writes the literal `admin` (an admin's intervention; the admin is
 * named in the metadata when known) or `system` (the platform) where an agent id would be.
 */
export type BeadEventActor = { kind: 'agent'; agent_id: string } | { kind: 'admin'; who: string | null } | { kind: 'system' };

/** Reads a bead event's actor: an agent, an admin (who, when the metadata says), or the system. */
export function beadEventActor(event: Pick<BeadEvent, 'agent_id' | 'metadata'>): BeadEventActor {
  const id = event.agent_id;
  if (id === null || id === 'system') return { kind: 'system' };
  if (id === 'admin') {
    const who = event.metadata.admin_email ?? event.metadata.admin_id ?? event.metadata.admin;
    return { kind: 'admin', who: typeof who === 'string' && who !== '' ? who : null };
  }
  return { kind: 'agent', agent_id: id };
}
