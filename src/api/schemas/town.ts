import { z } from 'zod';
import { Id, Timestamp } from './common';
import { BeadPriority, BeadStatus, BeadStatusCounts } from './bead';
import { AgentRole, AgentStatus, MayorSessionState } from './agent';
import { ContainerHealth, ContainerStatus, ProcessStatus } from './container';
import { CredentialState } from './config';
import { ReviewState } from './review';
import { Rig, TownOwner, User } from './user';
import { openEnum } from './tolerant';
import { EscalationSeverity } from './escalation';

/**
 * Raw evidence for the health rules (`features/diagnosis`). The server reports facts;
 * the client's documented rules turn them into green / yellow / red with reasons.
 */
export const HealthInputs = z.object({
  /** Every agent of the town, compactly (a town has tens of agents, not thousands). */
  agents: z.array(
    z.object({
      agent_id: Id,
      name: z.string(),
      role: openEnum(AgentRole),
      status: openEnum(AgentStatus),
      status_since: Timestamp,
      hooked_bead_id: Id.nullable(),
      hooked_bead_title: z.string().nullable(),
      dispatch_attempts: z.number().int().nonnegative(),
      last_activity_at: Timestamp.nullable(),
      last_sdk_event_at: Timestamp.nullable(),
      process_status: ProcessStatus.nullable(),
      tokens_1h: z.number().int().nonnegative(),
    }),
  ),
  /** The longest-waiting unfinished work beads (at most 20), with what blocks them. */
  oldest_open_beads: z.array(
    z.object({
      bead_id: Id,
      title: z.string(),
      status: openEnum(BeadStatus),
      priority: BeadPriority,
      since: Timestamp,
      assignee_agent_id: Id.nullable(),
      dispatch_attempts: z.number().int().nonnegative(),
      last_dispatch_error: z.string().nullable(),
      blocked_by: z.array(z.object({ bead_id: Id, title: z.string(), status: openEnum(BeadStatus) })),
    }),
  ),
  reviews: z.object({
    depth: z.number().int().nonnegative(),
    oldest_pending_at: Timestamp.nullable(),
    /** Entries failed or retried (at most 20), most retried first. */
    troubled: z.array(
      z.object({
        bead_id: Id,
        title: z.string(),
        review_state: ReviewState,
        retry_count: z.number().int().nonnegative(),
        failure_reason: z.string().nullable(),
        since: Timestamp,
      }),
    ),
  }),
  container: z.object({
    status: ContainerStatus,
    health: ContainerHealth,
    started_at: Timestamp.nullable(),
    idle_since: Timestamp.nullable(),
    /** Platform restarts in 24 h (an admin's restart or a wake for dispatch is not counted). */
    restarts_24h: z.number().int().nonnegative(),
    oom_24h: z.number().int().nonnegative(),
    /** Cold starts that missed the 3-min grace (instance not found) since the container last started and ran. */
    not_found_since_start: z.number().int().nonnegative(),
    /** The newest sign of instability (OOM, instance not found, platform restart): a clean run since supersedes it. */
    unstable_at: Timestamp.nullable(),
    last_exit_code: z.number().int().nullable(),
    last_exit_reason: z.string().nullable(),
  }),
  credentials: z.array(
    z.object({
      rig_id: Id,
      rig_name: z.string(),
      status: CredentialState,
      token_expires_at: Timestamp.nullable(),
      last_error: z.string().nullable(),
      /**
       * Failed clone/fetch/pull/push in 24 h since the rig's last successful git operation (credential-shaped
       * failures; merge conflicts are not counted; a later success, a merge included, supersedes them).
       */
      git_failures_24h: z.number().int().nonnegative(),
    }),
  ),
  /** Convoys not yet landed (at most 20). */
  convoys: z.array(
    z.object({
      bead_id: Id,
      title: z.string(),
      total_beads: z.number().int().nonnegative(),
      closed_beads: z.number().int().nonnegative(),
      tracked_present: z.number().int().nonnegative(),
      tracked_closed: z.number().int().nonnegative(),
      updated_at: Timestamp,
    }),
  ),
  mayor: z
    .object({
      agent_id: Id,
      session_state: MayorSessionState,
      session_error: z.string().nullable(),
      last_user_message_at: Timestamp.nullable(),
      last_user_message_answered: z.boolean(),
    })
    .nullable(),
  /**
   * Failures a later success superseded in the last 30 min (at most 20 beads): what the client's rules
   * show as "resolved N min ago" before they clear.
   */
  superseded: z.object({
    /** Beads whose failed dispatches were followed by a successful one, none failed since. */
    dispatch: z.array(
      z.object({
        bead_id: Id,
        title: z.string(),
        failures: z.number().int().nonnegative(),
        last_error: z.string().nullable(),
        resolved_at: Timestamp,
      }),
    ),
    /** Rigs whose credential-shaped git failures were followed by a successful git operation (push, merge…). */
    git: z.array(z.object({ rig_id: Id, rig_name: z.string(), failures: z.number().int().nonnegative(), resolved_at: Timestamp })),
    /** Valid credentials whose last failed resolve or refresh was followed by a good one. */
    credentials: z.array(z.object({ rig_id: Id, rig_name: z.string(), last_error: z.string().nullable(), resolved_at: Timestamp })),
    /** Merge requests whose review failed and that merged since (resolved at the merge). Absent from older answers: none. */
    reviews: z
      .array(
        z.object({
          bead_id: Id,
          title: z.string(),
          retry_count: z.number().int().nonnegative(),
          failure_reason: z.string().nullable(),
          resolved_at: Timestamp,
        }),
      )
      .default([]),
    /** The Mayor's session looped and errored, and a new session answered the waiting user message since. */
    mayor: z.object({ agent_id: Id, session_error: z.string().nullable(), resolved_at: Timestamp }).nullable().default(null),
  }),
  /** Open escalations nobody has acknowledged (at most 20), most severe first. Absent from older answers: none. */
  escalations: z
    .array(
      z.object({
        bead_id: Id,
        title: z.string(),
        severity: openEnum(EscalationSeverity),
        re_escalation_count: z.number().int().nonnegative(),
        since: Timestamp,
      }),
    )
    .default([]),
  usage: z.object({
    tokens_24h: z.number().int().nonnegative(),
    cost_microdollars_24h: z.number().int().nonnegative(),
    /** The town's cost threshold per 24 h (town config); null when none is set (absent: none). */
    cost_threshold_microdollars_24h: z
      .number()
      .int()
      .nonnegative()
      .nullish()
      .transform((v) => v ?? null),
    /** Agents that spent in the last 24 h with nothing merged, costliest first (at most 20; absent: none known). */
    spenders_without_merge: z
      .array(z.object({ agent_id: Id, name: z.string(), cost_microdollars_24h: z.number().int().nonnegative() }))
      .max(20)
      .optional()
      .transform((v) => v ?? []),
  }),
  dispatch: z.object({
    failed_attempts_30m: z.number().int().nonnegative(),
    failing_beads_30m: z.number().int().nonnegative(),
  }),
});
export type HealthInputs = z.infer<typeof HealthInputs>;

export const TownSummary = z.object({
  id: Id,
  name: z.string(),
  /** The user who created the town (its owner, unless an organization owns it). */
  owner_user_id: z.string(),
  /** The owning organization, when an organization owns the town (absent from towns production created before orgs). */
  owner_org_id: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  created_at: Timestamp,
  updated_at: Timestamp,
  last_activity_at: Timestamp.nullable(),
  rig_count: z.number().int().nonnegative(),
  agents: z.object({
    total: z.number().int().nonnegative(),
    /** working or waiting */
    active: z.number().int().nonnegative(),
    working: z.number().int().nonnegative(),
    stalled: z.number().int().nonnegative(),
    dead: z.number().int().nonnegative(),
  }),
  beads: z.object({
    total: z.number().int().nonnegative(),
    /** open + in_progress + in_review */
    open: z.number().int().nonnegative(),
    by_status: BeadStatusCounts,
  }),
  container: z.object({ status: ContainerStatus, health: ContainerHealth }),
  review_queue_depth: z.number().int().nonnegative(),
  health_inputs: HealthInputs,
});
export type TownSummary = z.infer<typeof TownSummary>;
/** A town on a user's page: the user's own, or one of their organizations' — labelled with its owner. */
export const UserTownSummary = TownSummary.extend({ owned_by: TownOwner });
export type UserTownSummary = z.infer<typeof UserTownSummary>;
export const TownList = z.object({ items: z.array(UserTownSummary) });

export const TownDetail = TownSummary.extend({
  /** The user who created the town. */
  owner: User,
  owned_by: TownOwner,
  rigs: z.array(Rig),
});
export type TownDetail = z.infer<typeof TownDetail>;

export const AgentTokenRow = z.object({
  agent_id: Id,
  name: z.string(),
  role: openEnum(AgentRole),
  hooked_bead_id: Id.nullable(),
  input_tokens_24h: z.number().int().nonnegative(),
  output_tokens_24h: z.number().int().nonnegative(),
  cost_microdollars_24h: z.number().int().nonnegative(),
});
export const TownUsage = z.object({ items: z.array(AgentTokenRow) });
export type TownUsage = z.infer<typeof TownUsage>;
