import type { TargetKind } from '../../src/api/schemas';
import type { TownAccess } from './town-access';
import { sha256Hex } from './sha256';

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

/** The prefix that marks an If-Match value as a row tag rather than a version number. */
export const ROW_TAG_PREFIX = 'row:';

/**
 * The server's own tag of a target row: a hash of the row as stored, so any write to it changes the tag.
 * Production's tables carry no version; there the dry run's tag, sent back as If-Match, is the guard
 * (the reference backend answers both, so the panel's fallback runs against it too). Null when the
 * target is not here.
 */
export function targetTag(town: TownAccess, kind: TargetKind, id: string): string | null {
  const row = targetRow(town, kind, id);
  return row === null ? null : `${ROW_TAG_PREFIX}${sha256Hex(JSON.stringify(row)).slice(0, 32)}`;
}

function targetRow(town: TownAccess, kind: TargetKind, id: string): unknown {
  switch (kind) {
    case 'agent':
      return town.agent(id);
    case 'bead':
      return town.bead(id);
    // A merge request's or convoy's own row changes with its bead (state, counts): both are in the tag.
    case 'review':
      return town.bead(id) && { bead: town.bead(id), review: town.review(id) };
    case 'convoy':
      return town.bead(id) && { bead: town.bead(id), convoy: town.convoy(id) };
    case 'container':
      return town.container();
    case 'town':
    case 'config':
      return town.config();
    case 'rig':
    case 'credential':
      return town.rig(id) && { rig: town.rig(id), config: town.rigConfig(id), credential: town.credential(id) };
  }
}
