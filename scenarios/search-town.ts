import { TownBuilder } from './town-builder';
import { setMayorState } from './town/agents';
import { startContainer } from './town/container';
import { resolveCredentials } from './town/credentials';
import { addSdkStreams } from './town/history';
import { addActiveWork } from './town/work';
import type { SdkStreamSpec, TownSeed } from './types';

export const SEARCH_TOWN_SEED = 0x5ea2_c400;
/** The town-wide search bench (issue 15): 50 agents (Mayor, refinery, 48 polecats) of 20,000 SDK events each. */
export const SEARCH_TOWN_AGENTS = 50;
export const SEARCH_TOWN_EVENTS = 20_000;
/** A rare error a few polecats hit near the end of their streams: what an operator would search a town for. */
export const SEARCH_TOWN_NEEDLE = "ENOSPC: no space left on device, write '/workspace/.git/index.lock'";

/** The search benchmark town: every agent has a long stream, so a search must read 50 AgentDOs of 20k events. */
export function buildSearchTown(options: { now: number; ownerId: string; events?: number }): TownSeed {
  const b = new TownBuilder({
    seed: SEARCH_TOWN_SEED,
    name: 'bench-search',
    ownerId: options.ownerId,
    now: options.now,
    scenario: 'large',
    org: 'kilo-bench',
    rigs: ['monorepo', 'web'],
    polecats: SEARCH_TOWN_AGENTS - 2,
    closedBeads: 40,
  });
  b.polecats.slice(0, 6).forEach((agent) => addActiveWork(b, agent, 20));
  setMayorState(b);
  startContainer(b);
  resolveCredentials(b);
  const events = options.events ?? SEARCH_TOWN_EVENTS;
  const sizes = Object.fromEntries(b.seed.agents.map((a) => [a.id, events]));
  // Every seventh polecat ran out of disk an hour ago.
  const tails: Record<string, SdkStreamSpec['tail']> = {};
  b.polecats.forEach((agent, i) => {
    if (i % 7 !== 3) return;
    tails[agent.id] = [{ type: 'session.error', at: b.ago(60), properties: { error: { name: 'ToolError', message: SEARCH_TOWN_NEEDLE } } }];
  });
  addSdkStreams(b, sizes, tails);
  return b.build();
}
