import { buildLargeTown, buildWorld, createRng, USERS, type TownSeed, type WorldSeed } from '../scenarios';
import { LARGE_TOWN_SEED } from '../scenarios/large-town';

/**
 * The in-memory state MSW answers from. Built once per reset from the scenario builders;
 * the 10k-bead benchmark town is built only when first asked for.
 */
export interface MockStore {
  world: WorldSeed;
  now: number;
  town(id: string): TownSeed | undefined;
  townsOf(userId: string): TownSeed[];
}

/** The benchmark town's id (10,000 beads; built on first request). */
export const LARGE_TOWN_ID = createRng(LARGE_TOWN_SEED).uuid();

export function createStore(now: number = Date.now()): MockStore {
  const world = buildWorld({ now });
  const towns = new Map(world.towns.map((t) => [t.town.id, t]));
  let large: TownSeed | null = null;
  const largeTown = () => (large ??= buildLargeTown({ now, ownerId: USERS.bench.id }));
  return {
    world,
    now,
    town: (id) => (id === LARGE_TOWN_ID ? largeTown() : towns.get(id)),
    townsOf: (userId) => (userId === USERS.bench.id ? [largeTown()] : world.towns.filter((t) => t.town.owner_user_id === userId)),
  };
}
