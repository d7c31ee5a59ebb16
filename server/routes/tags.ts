import { sha256Hex } from '../engine/sha256';
import { userIdParam } from '../http/params';
import type { TagScope } from '../town/changes';
import type { AdminContext } from './context';
import { userShares } from './user-towns';

/**
 * The ETags of the live views (docs/admin-api.md, "Live views"), chosen by path so every read under a
 * town is tagged without each route saying so. A tag is computed before the body (a write racing the
 * build can only make the tag older than the body, never newer, so the next poll fetches again). Null
 * for anything the route would refuse (bad id, unknown town, unknown agent): the route's own 400/404
 * answers, untagged.
 */
const AGENT_PATH = /^\/towns\/([0-9a-f-]{36})\/agents\/([^/]+)(?:\/|$)/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOWN_PATH = /^\/towns\/([0-9a-f-]{36})(?:\/|$)/i;
const SEARCH_PATH = /^\/towns\/[^/]+\/search\/?$/;
const COMPARE_PATH = /^\/towns\/[^/]+\/compare\/?$/;
const USER_TOWNS_PATH = /^\/users\/([^/]+)\/towns\/?$/;
/**
 * The reads that show every agent's stream activity (its last SDK event): the summary (health inputs),
 * the agents list, and a bead's page (its hooked agent). Every other town read ignores it.
 */
const ACTIVITY_PATHS = [/^\/towns\/[^/]+\/?$/, /^\/towns\/[^/]+\/agents\/?$/, /^\/towns\/[^/]+\/beads\/[^/]+\/?$/];

/** A read's tag, and the time of each town it reads (the X-Town-Time header, api/town-clock.ts). */
export interface ReadTag {
  etag: string;
  times: { townId: string; now: string }[];
}

export async function readTag(ctx: AdminContext, path: string): Promise<ReadTag | null> {
  // Town-wide search reads every AgentDO as well: no one counter names its answer, so it is never tagged.
  if (SEARCH_PATH.test(path)) return null;
  // Compare reads two AgentDOs' windows too (a running session's grows without the town's counter moving).
  if (COMPARE_PATH.test(path)) return null;
  const agent = AGENT_PATH.exec(path);
  if (agent) return agentTag(ctx, agent[1]!.toLowerCase(), agent[2]!.toLowerCase());
  const town = TOWN_PATH.exec(path);
  if (town) return townTag(ctx, town[1]!.toLowerCase(), ACTIVITY_PATHS.some((p) => p.test(path)) ? { kind: 'activity' } : { kind: 'town' });
  const user = USER_TOWNS_PATH.exec(path);
  if (user) return userTownsTag(ctx, user[1]!);
  return null;
}

/** A town-scoped read: the town's change counter and time slot (server/town/changes.ts). */
async function townTag(ctx: AdminContext, townId: string, scope: TagScope): Promise<ReadTag | null> {
  if (ctx.townOwner === null) return null;
  const read = await ctx.host.objects.town(townId).readTag(scope);
  return read ? { etag: read.tag, times: [{ townId, now: read.now }] } : null;
}

/**
 * An agent's reads follow the town's changes and that agent's own stream activity (not other agents'),
 * and its AgentDO: the stream is appended after the town's commit (outbox), so the town's counters
 * alone could name a body that lacks the newest events.
 */
async function agentTag(ctx: AdminContext, townId: string, agentId: string): Promise<ReadTag | null> {
  if (!UUID.test(agentId)) return null;
  const town = await townTag(ctx, townId, { kind: 'agent', agentId });
  if (!town) return null;
  const stats = await ctx.host.objects.agent(agentId).stats();
  return { ...town, etag: town.etag.replace(/"$/, `.a${stats.last_id}"`) };
}

/** A user's towns with their health: every town's tag, hashed into one. */
async function userTownsTag(ctx: AdminContext, raw: string): Promise<ReadTag | null> {
  let userId: string;
  try {
    userId = userIdParam(decodeURIComponent(raw));
  } catch {
    return null;
  }
  const user = await ctx.host.objects.directory().getUser(userId);
  if (!user) return null;
  // Own and organization towns, as the list shows them (a membership change changes the list).
  const towns = (await userShares(ctx.host, user)).shares.flatMap((s) => s.towns.map((t) => ({ id: t.id, owner: s.owned_by.id })));
  // The list shows each town's health, whose inputs include its agents' last SDK events.
  const reads = await Promise.all(towns.map((t) => ctx.host.objects.town(t.id).readTag({ kind: 'activity' })));
  const etag = `W/"u${sha256Hex(towns.map((t, i) => `${t.owner}:${t.id}=${reads[i]?.tag ?? '-'}`).join(',')).slice(0, 24)}"`;
  return { etag, times: towns.flatMap((t, i) => (reads[i] ? [{ townId: t.id, now: reads[i].now }] : [])) };
}
