import { z } from 'zod';
import { ACTIONS, type ActionName } from './actions';

/**
 * The data feeds the panel shows that a deployment may or may not record. Production records bead
 * events, agents and SDK events (the newest 10,000 per agent) but not, today, dispatch attempts
 * (only counters), container lifecycle history, git operation results, credential resolutions or an
 * admin audit log (DOMAIN.md, "Production as it stands").
 */
export const FEEDS = [
  'bead_events',
  'sdk_events',
  'dispatch_attempts',
  'container_events',
  'git_operations',
  'credential_events',
  'admin_audit_log',
] as const;
export const Feed = z.enum(FEEDS);
export type Feed = z.infer<typeof Feed>;

export const FeedCapability = z.object({
  recorded: z.boolean(),
  /** How much of the feed is kept, in words an operator reads ("newest 10,000 events per agent"); null: everything. */
  retention: z.string().nullable(),
  /** For a retention by count: the count (SDK events: per agent). */
  retention_count: z.number().int().positive().nullable(),
});
export type FeedCapability = z.infer<typeof FeedCapability>;

/**
 * `GET /api/admin/capabilities`: what this deployment records and which interventions it supports, so
 * the panel says "not recorded by this deployment" instead of showing an empty list, and disables an
 * action the backend does not have, saying why. A feed or an action the answer does not name is
 * treated as recorded / supported (a newer panel against an older backend).
 */
export const Capabilities = z.object({
  /** The backend's profile name, e.g. `reference` or `production-today`. */
  profile: z.string(),
  feeds: z.partialRecord(z.string(), FeedCapability),
  /** Supported actions; an action missing from the list is unsupported. */
  actions: z.array(z.string()),
});
export type Capabilities = z.infer<typeof Capabilities>;

/** The reason shown on an action or a view a deployment lacks. */
export const NOT_RECORDED = 'not recorded by this deployment';
export const NOT_SUPPORTED = 'not supported by this deployment';

export function isFeedRecorded(capabilities: Capabilities | undefined, feed: Feed): boolean {
  return capabilities?.feeds[feed]?.recorded ?? true;
}

export function isActionSupported(capabilities: Capabilities | undefined, action: ActionName): boolean {
  return capabilities ? capabilities.actions.includes(action) : true;
}

export const ALL_ACTIONS = Object.keys(ACTIONS) as ActionName[];
