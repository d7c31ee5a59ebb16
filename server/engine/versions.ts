import type { TargetKind } from '../../src/api/schemas';
import type { TownAccess } from './town-access';

/** The version the client must send as If-Match for a target (null when it has none). */
export function targetVersion(town: TownAccess, kind: TargetKind, id: string): number | null {
  switch (kind) {
    case 'agent':
      return town.agent(id)?.version ?? null;
    // Merge requests and convoys are beads: the bead's version is theirs.
    case 'bead':
    case 'review':
    case 'convoy':
      return town.bead(id)?.version ?? null;
    case 'container':
      return town.container().version;
    case 'town':
    case 'config':
      return town.config().version;
    // A rig's credential and its config share one version; a rig with no config row is at 1.
    case 'rig':
    case 'credential':
      return town.rig(id) ? (town.rigConfig(id)?.version ?? 1) : null;
  }
}
