import type { Host } from '../host';
import { TownRoster, type OwnedTown } from '../owner/town-roster';
import type { Storage } from '../ports';

export type UserTown = OwnedTown;

/** One user's Gastown (production's GastownUserDO): the towns and rigs the user owns, not their organizations'. */
export class GastownUser extends TownRoster {
  constructor(storage: Storage, _host: Host) {
    super(storage, 'user');
  }
}
