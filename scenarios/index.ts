import { hashString } from './random';
import { TownBuilder, type TownOptions } from './town-builder';
import { addSdkStreams } from './town/history';
import { populate } from './town/populate';
import * as failures from './failures';
import { USERS } from './users';
import type { ScenarioKind, TownSeed, WorldSeed } from './types';
import { buildIntegrations } from './integrations';
import { ORGS } from './orgs';

export type * from './types';
export { sdkEventAt } from './sdk-stream';
export { buildLargeTown, LARGE_AGENT_EVENTS } from './large-town';
export { buildSearchTown, SEARCH_TOWN_AGENTS, SEARCH_TOWN_EVENTS, SEARCH_TOWN_NEEDLE } from './search-town';
export { buildTownGraph } from './town-graph';
export { USERS } from './users';
export { ORGS } from './orgs';
export { TownBuilder } from './town-builder';
export { createRng, hashString } from './random';
export { buildIntegrations, repositoryOf } from './integrations';

interface TownPlan {
  name: string;
  owner: string;
  scenario: ScenarioKind;
  org: string;
  /** The organization that owns the town (scenarios/orgs.ts); `owner` is then the member who created it. */
  ownerOrg?: string;
  rigs: string[];
  polecats: number;
  closedBeads: number;
  breaker?: failures.Scenario;
}

/**
 * Dana owns the healthy town and one town per failure scenario of the seed; Priya has two healthy ones,
 * one of them owned by her organization.
 */
const PLANS: TownPlan[] = [
  {
    name: 'storefront',
    owner: USERS.dana.id,
    scenario: 'healthy',
    org: 'acme-robotics',
    rigs: ['storefront-web', 'storefront-api'],
    polecats: 4,
    closedBeads: 28,
  },
  {
    name: 'payments-api',
    owner: USERS.dana.id,
    scenario: 'stuck-agent',
    org: 'acme-robotics',
    rigs: ['payments-api'],
    polecats: 3,
    closedBeads: 22,
    breaker: failures.stuckAgent,
  },
  {
    name: 'mobile-app',
    owner: USERS.dana.id,
    scenario: 'stuck-bead',
    org: 'acme-robotics',
    rigs: ['mobile-app'],
    polecats: 3,
    closedBeads: 20,
    breaker: failures.stuckBead,
  },
  {
    name: 'docs-site',
    owner: USERS.dana.id,
    scenario: 'refinery-failure',
    org: 'acme-robotics',
    rigs: ['docs-site'],
    polecats: 4,
    closedBeads: 18,
    breaker: failures.refineryFailure,
  },
  {
    name: 'ml-pipeline',
    owner: USERS.dana.id,
    scenario: 'container-instability',
    org: 'acme-robotics',
    rigs: ['ml-pipeline', 'feature-store'],
    polecats: 6,
    closedBeads: 24,
    breaker: failures.containerInstability,
  },
  {
    name: 'infra-terraform',
    owner: USERS.dana.id,
    scenario: 'credential-issues',
    org: 'acme-robotics',
    rigs: ['infra-terraform'],
    polecats: 3,
    closedBeads: 16,
    breaker: failures.credentialIssues,
  },
  {
    name: 'design-system',
    owner: USERS.dana.id,
    scenario: 'convoy-stall',
    org: 'acme-robotics',
    rigs: ['design-system'],
    polecats: 4,
    closedBeads: 14,
    breaker: failures.convoyStall,
  },
  {
    name: 'support-bot',
    owner: USERS.dana.id,
    scenario: 'mayor-dysfunction',
    org: 'acme-robotics',
    rigs: ['support-bot'],
    polecats: 2,
    closedBeads: 15,
    breaker: failures.mayorDysfunction,
  },
  {
    name: 'data-warehouse',
    owner: USERS.dana.id,
    scenario: 'silent-consumption',
    org: 'acme-robotics',
    rigs: ['data-warehouse'],
    polecats: 4,
    closedBeads: 18,
    breaker: failures.silentConsumption,
  },
  {
    name: 'checkout-service',
    owner: USERS.priya.id,
    scenario: 'healthy',
    org: 'northwind',
    rigs: ['checkout'],
    polecats: 3,
    closedBeads: 20,
  },
  {
    name: 'marketing-site',
    owner: USERS.priya.id,
    ownerOrg: ORGS.northwind.org.id,
    scenario: 'healthy',
    org: 'northwind',
    rigs: ['marketing'],
    polecats: 2,
    closedBeads: 10,
  },
];

export function buildTown(plan: TownPlan, now: number): TownSeed {
  const options: TownOptions = {
    seed: hashString(`${plan.owner}/${plan.name}`),
    name: plan.name,
    ownerId: plan.owner,
    now,
    scenario: plan.scenario,
    org: plan.org,
    rigs: plan.rigs,
    polecats: plan.polecats,
    closedBeads: plan.closedBeads,
  };
  const b = new TownBuilder(options);
  populate(b, plan.breaker?.populate);
  const tails = plan.breaker ? plan.breaker.apply(b) : {};
  addSdkStreams(b, {}, tails);
  const seed = b.build();
  if (plan.ownerOrg) seed.town.owner_org_id = plan.ownerOrg;
  return seed;
}

/**
 * The whole scenario world for an anchor time. Same `now`, same world: ids, names and
 * every row are derived from fixed seeds.
 */
export function buildWorld(options: { now: number }): WorldSeed {
  // Round to the second so MSW and the worker agree when seeded within the same second.
  const now = Math.floor(options.now / 1000) * 1000;
  const towns = PLANS.map((plan) => buildTown(plan, now));
  return {
    now: new Date(now).toISOString(),
    users: Object.values(USERS),
    towns,
    integrations: buildIntegrations(towns),
    orgs: Object.values(ORGS),
  };
}

/** The scenario of each of Dana's towns, for tests and docs. */
export const SCENARIO_TOWNS = PLANS.filter((p) => p.owner === USERS.dana.id).map((p) => ({ name: p.name, scenario: p.scenario }));
