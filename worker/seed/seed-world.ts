import type { TownSeed, WorldSeed } from '../../src/mocks/scenarios/types';
import { agentDoOf, directoryOf, townDoOf, userDoOf, type Env } from '../env';

/** Writes one town: its owner's GastownUserDO rows, the TownDO, then each agent's SDK stream. */
export async function seedTown(env: Env, town: TownSeed): Promise<{ events: number }> {
  await userDoOf(env, town.town.owner_user_id).addTown(town.town, town.rigs);
  const townDo = townDoOf(env, town.town.id);
  await townDo.seed(town);
  let events = 0;
  // One stream at a time: a million-event stream already keeps SQLite busy for seconds.
  for (const spec of town.sdk_streams) {
    const stats = await agentDoOf(env, spec.agent_id).seedStream(spec);
    await townDo.noteSdkEvents(spec.agent_id, stats.total, stats.last_at);
    events += stats.total;
  }
  await directoryOf(env).upsert({ users: [], tokens: [], towns: [{ id: town.town.id, owner_user_id: town.town.owner_user_id }] });
  return { events };
}

/** Writes the user directory, then every town of the world. */
export async function seedWorld(env: Env, world: WorldSeed): Promise<{ towns: number; events: number }> {
  await directoryOf(env).upsert({ users: world.users, tokens: world.tokens, towns: [] });
  let events = 0;
  for (const town of world.towns) events += (await seedTown(env, town)).events;
  return { towns: world.towns.length, events };
}
