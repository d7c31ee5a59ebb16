import { z } from 'zod';
import { Id, JsonRecord } from './common';
import { ActionTarget, AuditEntry, TargetKind } from './audit';
import { BeadPriority } from './bead';
import { MergeStrategy, TownConfig } from './config';

const NoParams = z.object({}).strict();
const EnvChange = z.object({ key: z.string().min(1).max(128), value: z.string().max(4096).nullable(), secret: z.boolean() });

/**
 * Every intervention, with the kind of target it acts on and its parameters.
 * The one registry both the server (validation) and the client (dialogs) use.
 */
export const ACTIONS = {
  'agent.force_reset': { target: 'agent', params: NoParams },
  'agent.force_unhook': { target: 'agent', params: NoParams },
  'agent.force_kill': { target: 'agent', params: NoParams },
  'agent.retry_dispatch': { target: 'agent', params: NoParams },
  'agent.delete': { target: 'agent', params: NoParams },
  'bead.force_close': { target: 'bead', params: NoParams },
  'bead.force_fail': { target: 'bead', params: NoParams },
  'bead.reassign': { target: 'bead', params: z.object({ agent_id: Id }).strict() },
  'bead.change_priority': { target: 'bead', params: z.object({ priority: BeadPriority }).strict() },
  'bead.unhook': { target: 'bead', params: NoParams },
  /** Removes the bead with its dependency edges, labels and events; convoys that tracked it count without it. */
  'bead.delete': { target: 'bead', params: NoParams },
  /** An escalation bead: marks it acknowledged (the bead stays as it is; a re-escalation clears the mark). */
  'escalation.acknowledge': { target: 'bead', params: NoParams },
  'review.force_retry': { target: 'review', params: NoParams },
  'review.force_close': { target: 'review', params: NoParams },
  'review.direct_merge': { target: 'review', params: NoParams },
  'review.clear_queue': { target: 'town', params: NoParams },
  'review.set_merge_strategy': { target: 'town', params: z.object({ merge_strategy: MergeStrategy }).strict() },
  'container.force_restart': { target: 'container', params: NoParams },
  'container.force_stop': { target: 'container', params: NoParams },
  'container.update_env': { target: 'container', params: z.object({ changes: z.array(EnvChange).min(1).max(50) }).strict() },
  'container.set_sleep_timeout': {
    target: 'container',
    params: z.object({ sleep_after_minutes: z.number().int().min(5).max(120) }).strict(),
  },
  'credential.force_refresh': { target: 'rig', params: NoParams },
  'credential.set_token': { target: 'rig', params: z.object({ token: z.string().min(8).max(512) }).strict() },
  'credential.relink_integration': { target: 'rig', params: z.object({ integration_id: z.string().min(1) }).strict() },
  'convoy.force_land': { target: 'convoy', params: NoParams },
  'convoy.add_tracked': { target: 'convoy', params: z.object({ bead_id: Id }).strict() },
  'convoy.remove_tracked': { target: 'convoy', params: z.object({ bead_id: Id }).strict() },
  'convoy.force_close_children': { target: 'convoy', params: z.object({ bead_ids: z.array(Id).min(1) }).strict() },
  'mayor.force_restart': { target: 'agent', params: NoParams },
  'mayor.clear_conversation': { target: 'agent', params: NoParams },
  'mayor.resend_last_message': { target: 'agent', params: NoParams },
  'config.update_town': {
    target: 'config',
    params: z.object({ patch: TownConfig.omit({ version: true, updated_at: true, env_vars: true, git_auth: true }).partial() }).strict(),
  },
  'config.update_rig': {
    target: 'rig',
    params: z
      .object({
        max_polecats: z.number().int().min(1).max(20).nullable().optional(),
        model_override: z.string().nullable().optional(),
        custom_instructions: z.string().max(20000).nullable().optional(),
      })
      .strict(),
  },
} as const satisfies Record<string, { target: TargetKind; params: z.ZodType }>;

export type ActionName = keyof typeof ACTIONS;
export const ActionName = z.enum(Object.keys(ACTIONS) as [ActionName, ...ActionName[]]);
export type ActionParams<A extends ActionName> = z.infer<(typeof ACTIONS)[A]['params']>;

export const ActionRequest = z.object({
  target: ActionTarget,
  params: JsonRecord,
  /** Why the admin is doing this; stored in the audit log. */
  reason: z.string().trim().min(3).max(2000),
  dryRun: z.boolean(),
});
export type ActionRequest = z.infer<typeof ActionRequest>;

/** A change's `to` in a preview when only the write can know it (a new session id, a merge commit); the real run says what it became. */
export const NEW_VALUE = '(new)';

export const ActionChange = z.object({
  entity: z.object({ kind: TargetKind, id: z.string(), label: z.string() }),
  field: z.string(),
  from: z.unknown(),
  to: z.unknown(),
});
export type ActionChange = z.infer<typeof ActionChange>;

export const ActionResult = z.object({
  action: ActionName,
  dry_run: z.boolean(),
  effect: z.object({
    /** One sentence stating what the action does (or did). */
    summary: z.string(),
    changes: z.array(ActionChange),
    /** e.g. "the agent's process keeps running until the container restarts". */
    warnings: z.array(z.string()),
  }),
  /** Null for a dry run: a dry run writes nothing. */
  audit_entry: AuditEntry.nullable(),
  /** The target's version after the action (for the next If-Match). */
  target_version: z.number().int().positive().nullable(),
  /**
   * The server's tag of the target row (`row:<hash>`), for a target whose reads carry no version
   * (production): a dry run's tag, sent back as If-Match, guards the action against any change since the
   * preview. Null once the target is gone; absent from older backends.
   */
  target_tag: z.string().nullable().default(null),
});
export type ActionResult = z.infer<typeof ActionResult>;
