import { sdkEventAt } from '../../scenarios/sdk-stream';
import type { SdkStreamSpec, TownSeed, WorldSeed } from '../../scenarios/types';
import type { Host } from '../host';
import type { PatrolMode } from '../town/town';

/**
 * Writes one town: its owner's rows (the organization's GastownOrg when one owns it, else the user's
 * GastownUser), the Town, then each agent's SDK stream.
 */
export async function seedTown(host: Host, town: TownSeed, patrol: PatrolMode = 'manual'): Promise<{ events: number }> {
  const orgId = town.town.owner_org_id;
  if (orgId) {
    await host.objects.org(orgId).addTown(town.town, town.rigs);
    // An earlier seed may have listed it as the creator's own: an org town is in no user's GastownUser.
    await host.objects.user(town.town.owner_user_id).removeTown(town.town.id);
  } else {
    await host.objects.user(town.town.owner_user_id).addTown(town.town, town.rigs);
  }
  const townDo = host.objects.town(town.town.id);
  await townDo.seed(town, patrol);
  let events = 0;
  // One stream at a time: a million-event stream already keeps SQLite busy for seconds.
  for (const spec of town.sdk_streams) {
    const stats = await host.objects.agent(spec.agent_id).seedStream(spec);
    await townDo.noteSdkEvents(spec.agent_id, stats.total, stats.last_at);
    events += stats.total;
  }
  await host.objects
    .directory()
    .upsert({ users: [], towns: [{ id: town.town.id, owner_user_id: town.town.owner_user_id, owner_org_id: orgId ?? null }] });
  return { events };
}

/** Writes the user directory, then every town of the world. */
export async function seedWorld(host: Host, world: WorldSeed, patrol: PatrolMode = 'manual'): Promise<{ towns: number; events: number }> {
  await host.objects.directory().upsert({ users: world.users, towns: [], integrations: world.integrations, orgs: world.orgs });
  let events = 0;
  for (const town of world.towns) events += (await seedTown(host, town, patrol)).events;
  return { towns: world.towns.length, events };
}

/** When a stream's newest event happened, from its spec alone (hosts that seed streams lazily note it up front). */
export function lastStreamEventAt(spec: SdkStreamSpec): string | null {
  return spec.total > 0 ? sdkEventAt(spec, spec.total).created_at : null;
}
