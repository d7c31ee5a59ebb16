import type { Host } from '../host';
import { TownRoster } from '../owner/town-roster';
import type { Storage } from '../ports';

/**
 * One organization's Gastown (production's GastownOrgDO, since March 2026): modelled the same way as a
 * user's. Its towns appear in no user's GastownUser; members reach them through their memberships, which
 * live with the users in the directory (server/directory).
 */
export class GastownOrg extends TownRoster {
  constructor(storage: Storage, _host: Host) {
    super(storage, 'org');
  }
}
