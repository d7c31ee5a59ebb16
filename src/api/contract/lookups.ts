import { expect } from 'vitest';
import type { ApiClient } from '../client';
import { endpoints } from '../endpoints';
import { ApiError } from '../errors';
import type { AgentListItem, Bead, BeadListItem, BeadType, ReviewEntry, TargetKind, TownSummary } from '../schemas';

/**
 * Reads the intervention contract tests find their targets and check their effects with, all through
 * the API, so they hold on every backend whatever it stores.
 */

/** One of Dana Whitfield's scenario towns, by name. */
export async function townNamed(api: ApiClient, name: string): Promise<TownSummary> {
  const [user] = (await api.get(endpoints.searchUsers('dana.whitfield'))).items;
  const town = (await api.get(endpoints.userTowns(user!.id))).items.find((t) => t.name === name);
  if (!town) throw new Error(`no scenario town named ${name}`);
  return town;
}

/** An agent by name. Without its token counters and last SDK event, which move with the clock. */
export async function agentNamed(api: ApiClient, townId: string, name: string): Promise<AgentListItem> {
  const agent = (await api.get(endpoints.agents(townId))).items.find((a) => a.name === name);
  if (!agent) throw new Error(`no agent named ${name}`);
  return agent;
}

export type AgentRow = Omit<AgentListItem, 'tokens_24h' | 'last_sdk_event_at'>;

/** An agent as the agent list shows it (null once deleted), without the fields that move with the clock. */
export async function agentRow(api: ApiClient, townId: string, agentId: string): Promise<AgentRow | null> {
  const agent = (await api.get(endpoints.agents(townId))).items.find((a) => a.id === agentId);
  if (!agent) return null;
  const { tokens_24h: _tokens, last_sdk_event_at: _last, ...row } = agent;
  return row;
}

/** The one bead with exactly this title (and type); fails when there are none or several. */
export async function beadTitled(api: ApiClient, townId: string, title: string, type: BeadType = 'issue'): Promise<BeadListItem> {
  const matches = (await api.get(endpoints.beads(townId, { q: title, type: [type], limit: 1000 }))).items.filter((b) => b.title === title);
  if (matches.length !== 1) throw new Error(`${matches.length} ${type} beads titled “${title}”`);
  return matches[0]!;
}

/** A bead's row (null when it does not exist). */
export async function beadRow(api: ApiClient, townId: string, beadId: string): Promise<Bead | null> {
  return orNull(api.get(endpoints.bead(townId, beadId)).then((d) => d.bead));
}

/** A merge request as the review queue shows it. */
export async function reviewEntry(api: ApiClient, townId: string, mrBeadId: string): Promise<ReviewEntry | null> {
  return (await api.get(endpoints.reviewQueue(townId))).entries.find((e) => e.bead_id === mrBeadId) ?? null;
}

/** The version a client sends as If-Match for a target, read back through the API (null when the target is gone). */
export async function versionOf(api: ApiClient, townId: string, kind: TargetKind, id: string): Promise<number | null> {
  switch (kind) {
    case 'agent':
      return (await agentRow(api, townId, id))?.version ?? null;
    case 'bead':
    case 'review':
    case 'convoy':
      return (await beadRow(api, townId, id))?.version ?? null;
    case 'container':
      return (await api.get(endpoints.container(townId))).version;
    case 'town':
    case 'config':
      return (await api.get(endpoints.config(townId))).config.version;
    case 'rig':
    case 'credential':
      return (await api.get(endpoints.config(townId))).rigs.find((r) => r.rig.id === id)?.version ?? null;
  }
}

/** The number of entries in a town's audit log. */
export async function auditCount(api: ApiClient, townId: string): Promise<number> {
  return (await api.get(endpoints.townAudit(townId, { limit: 1 }))).total ?? Number.NaN;
}

/** The API error a request fails with; fails the test when it succeeds. */
export async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

/**
 * Hooks agree with beads: every hooked agent's bead is in progress and assigned to it, and every issue in
 * progress has exactly one agent hooked to it. An intervention may move work around, never orphan it.
 */
export async function expectHooksConsistent(api: ApiClient, townId: string): Promise<void> {
  const agents = (await api.get(endpoints.agents(townId))).items;
  const working = (await api.get(endpoints.beads(townId, { status: ['in_progress'], type: ['issue'], limit: 1000 }))).items;
  for (const agent of agents.filter((a) => a.current_hook_bead_id)) {
    const bead = working.find((b) => b.id === agent.current_hook_bead_id);
    expect(bead, `${agent.name} is hooked to ${agent.current_hook_bead_id}, which is not an issue in progress`).toBeDefined();
    expect(bead!.assignee_agent_bead_id, `“${bead!.title}” is hooked by ${agent.name} but assigned elsewhere`).toBe(agent.id);
  }
  for (const bead of working) {
    expect(
      agents.filter((a) => a.current_hook_bead_id === bead.id).map((a) => a.name),
      `agents hooked to “${bead.title}” (in progress)`,
    ).toHaveLength(1);
  }
}

/** The town summary agrees with the lists it summarizes: derived counts follow every change. */
export async function expectSummaryConsistent(api: ApiClient, townId: string): Promise<void> {
  const [summary, beads, agents, container, queue] = await Promise.all([
    api.get(endpoints.town(townId)),
    api.get(endpoints.beads(townId, { limit: 1 })),
    api.get(endpoints.agents(townId)),
    api.get(endpoints.container(townId)),
    api.get(endpoints.reviewQueue(townId)),
  ]);
  const count = (...statuses: string[]) => agents.items.filter((a) => statuses.includes(a.status)).length;
  expect(summary.beads.by_status, 'summary bead counts').toEqual(beads.counts);
  expect(summary.agents, 'summary agent counts').toEqual({
    total: agents.items.length,
    active: count('working', 'waiting'),
    working: count('working'),
    stalled: count('stalled'),
    dead: count('dead'),
  });
  expect(summary.container, 'summary container').toEqual({ status: container.status, health: container.health });
  expect(summary.review_queue_depth, 'summary review queue depth').toBe(queue.depth);
}

async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
