import { ALL_ACTIONS, type ActionName, type Capabilities, type Feed } from '../src/api/schemas';
import { HttpError } from './http/errors';

/**
 * What a deployment of the reference backend declares (`GET /api/admin/capabilities`) and holds to.
 * - `reference` records every feed the panel shows and runs every action.
 * - `production-today` records only what production's Gastown records today and supports only the
 *   admin procedures its worker has (DOMAIN.md): force-reset an agent, force-close or force-fail a
 *   bead, force-restart the container, delete beads (one by one, or many through a bulk run). Its routes answer as production would have to: a feed it does
 *   not record is `404 not_recorded`, and the same lists inside other answers come back empty (the
 *   panel reads the capabilities, so it says "not recorded" rather than "none"); an action it lacks is
 *   `422 not_supported`. The rows stay in the town's tables (the patrol and the engine write them as in
 *   the reference profile); this profile hides them, it does not stop them being written.
 */
export type Profile = 'reference' | 'production-today';
export const PROFILES: readonly Profile[] = ['reference', 'production-today'];

/** AgentDO keeps only the newest 10,000 events per agent in production. */
export const PRODUCTION_SDK_EVENT_RETENTION = 10_000;
const PRODUCTION_ACTIONS: ActionName[] = [
  'agent.force_reset',
  'bead.force_close',
  'bead.force_fail',
  'bead.delete',
  'container.force_restart',
];

export function capabilitiesOf(profile: Profile): Capabilities {
  const all = (recorded: boolean) => ({ recorded, retention: null, retention_count: null });
  if (profile === 'reference')
    return {
      profile,
      feeds: {
        bead_events: all(true),
        sdk_events: all(true),
        dispatch_attempts: all(true),
        container_events: all(true),
        git_operations: all(true),
        credential_events: all(true),
        admin_audit_log: all(true),
      },
      actions: [...ALL_ACTIONS],
    };
  return {
    profile,
    feeds: {
      bead_events: all(true),
      sdk_events: {
        recorded: true,
        retention: `newest ${PRODUCTION_SDK_EVENT_RETENTION.toLocaleString('en-US')} events per agent`,
        retention_count: PRODUCTION_SDK_EVENT_RETENTION,
      },
      dispatch_attempts: all(false),
      container_events: all(false),
      git_operations: all(false),
      credential_events: all(false),
      admin_audit_log: all(false),
    },
    actions: PRODUCTION_ACTIONS,
  };
}

/** The SDK events an AgentDO keeps in this profile (the newest N), or null for every one: the host hands it to AgentStream. */
export function sdkEventRetentionOf(profile: Profile): number | null {
  return capabilitiesOf(profile).feeds.sdk_events?.retention_count ?? null;
}

export function parseProfile(value: string | undefined): Profile {
  return value === 'production-today' ? 'production-today' : 'reference';
}

const recorded = (caps: Capabilities, feed: Feed) => caps.feeds[feed]?.recorded !== false;

/** Whole-feed routes: refused in a profile that does not record the feed. */
const FEED_ROUTES: [RegExp, Feed][] = [
  [/^\/towns\/[^/]+\/dispatch-attempts$/, 'dispatch_attempts'],
  [/^\/towns\/[^/]+\/git-operations$/, 'git_operations'],
  [/^\/towns\/[^/]+\/audit(\/verify)?$/, 'admin_audit_log'],
  [/^\/audit(\/verify)?$/, 'admin_audit_log'],
];

/** Refuses, before routing, a read of a feed or an action this deployment does not have. */
export function checkCapability(caps: Capabilities, method: string, path: string): void {
  if (method === 'GET')
    for (const [pattern, feed] of FEED_ROUTES)
      if (pattern.test(path) && !recorded(caps, feed))
        throw new HttpError(404, 'not_recorded', `This deployment does not record ${feed.replaceAll('_', ' ')}.`, { feed });
  const raw = /^\/towns\/[^/]+\/actions\/([^/]+)$/.exec(path)?.[1];
  if (method === 'POST' && raw !== undefined) checkActionSupported(caps, safeDecode(raw));
}

/**
 * Refuses an action this deployment lacks: the single-action route (by its path) and a bulk run (by its
 * body's `action`, before the town dry-runs every target). An action nobody has heard of, or a body
 * without one, is left to the route, which names what is wrong with it.
 */
export function checkActionSupported(caps: Capabilities, action: unknown): void {
  if (typeof action === 'string' && (ALL_ACTIONS as string[]).includes(action) && !caps.actions.includes(action as ActionName))
    throw new HttpError(422, 'not_supported', `This deployment does not support the action ${action}.`, { action });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Timeline kinds that come from a feed. */
const TIMELINE_FEED: Record<string, Feed> = {
  dispatch: 'dispatch_attempts',
  container: 'container_events',
  git: 'git_operations',
  credential: 'credential_events',
  admin: 'admin_audit_log',
};

/**
 * Empties, in an answer, the lists of the feeds this deployment does not record (see the profile note
 * above), and drops every row's `version`: production's tables carry none, so the panel guards an
 * action there with the dry run's row tag (server/engine/versions.ts), and this profile makes it do so.
 */
export function withoutUnrecorded(caps: Capabilities, path: string, body: unknown): unknown {
  if (caps.profile === 'reference' || typeof body !== 'object' || body === null) return body;
  // Reads only: an action's answer keeps its audit entry exactly as hashed.
  if (path.startsWith('/towns/') && !/\/(actions|batches)(\/|$)/.test(path)) dropVersions(body);
  const b = body as Record<string, unknown>;
  const blank = (feed: Feed, ...keys: string[]) => {
    if (!recorded(caps, feed)) for (const k of keys) if (Array.isArray(b[k])) b[k] = [];
  };
  if (/^\/towns\/[^/]+\/agents\/[^/]+$/.test(path)) {
    blank('dispatch_attempts', 'dispatch_attempts');
    blank('git_operations', 'git_operations');
  } else if (/^\/towns\/[^/]+\/beads\/[^/]+$/.test(path)) {
    blank('dispatch_attempts', 'dispatch_attempts');
  } else if (/^\/towns\/[^/]+\/container$/.test(path)) {
    blank('container_events', 'events');
  } else if (/^\/towns\/[^/]+\/config$/.test(path)) {
    blank('credential_events', 'credential_events');
    blank('git_operations', 'git_failures');
  } else if (/^\/towns\/[^/]+\/timeline$/.test(path) && Array.isArray(b.items)) {
    b.items = (b.items as { kind: string }[]).filter((row) => !TIMELINE_FEED[row.kind] || recorded(caps, TIMELINE_FEED[row.kind]!));
  }
  return b;
}

/** Removes `version` from every object in an answer, in place (a row's version; `target_version` stays). */
function dropVersions(value: unknown): void {
  if (Array.isArray(value)) for (const item of value) dropVersions(item);
  else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record.version === 'number') delete record.version;
    for (const child of Object.values(record)) if (typeof child === 'object' && child !== null) dropVersions(child);
  }
}
