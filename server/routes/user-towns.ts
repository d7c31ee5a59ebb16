import type { OrgMembership, Rig, TownOwner, User } from '../../src/api/schemas';
import type { Host } from '../host';
import type { RosterTown } from '../owner/town-roster';

/** One owner object's share of a user's page: its towns, its rigs and who it is. */
interface OwnerShare {
  owned_by: TownOwner;
  towns: RosterTown[];
  rigs: Rig[];
}

/**
 * What a user's page lists: the user's own towns (GastownUserDO), then the towns of each organization the
 * user belongs to (each GastownOrgDO), labelled with the owner. Owner objects are asked in parallel; a
 * user has a handful of organizations. A town listed twice (a stale own copy of an org town) shows once.
 */
export async function userShares(host: Host, user: User): Promise<{ memberships: OrgMembership[]; shares: OwnerShare[] }> {
  const memberships = await host.objects.directory().membershipsOf(user.id);
  const own = host.objects.user(user.id);
  const owners = [
    { owned_by: { kind: 'user' as const, id: user.id, name: user.name }, roster: own },
    ...memberships.map(({ org }) => ({ owned_by: { kind: 'org' as const, id: org.id, name: org.name }, roster: host.objects.org(org.id) })),
  ];
  const shares = await Promise.all(
    owners.map(async ({ owned_by, roster }) => {
      const [towns, rigs] = await Promise.all([roster.towns(), roster.rigs()]);
      return { owned_by, towns, rigs };
    }),
  );
  const seen = new Set<string>();
  for (const share of [...shares].reverse()) {
    share.towns = share.towns.filter((t) => !seen.has(t.id) && seen.add(t.id));
    const ids = new Set(share.towns.map((t) => t.id));
    share.rigs = share.rigs.filter((r) => ids.has(r.town_id));
  }
  return { memberships, shares };
}
