import type { OrgSeed } from './types';
import { USERS } from './users';

/**
 * The organizations in the scenarios. Northwind Labs owns Priya's marketing site: that town lives in the
 * organization's GastownOrgDO and in no user's GastownUserDO, so Priya reaches it through her membership
 * (and Tomas, a plain member with no towns of his own, through his).
 */
export const ORGS = {
  northwind: {
    org: { id: 'org_7e1d5a90c3', name: 'Northwind Labs', created_at: '2026-03-20T10:12:45.318Z' },
    members: [
      { user_id: USERS.priya.id, role: 'owner' },
      { user_id: USERS.tomas.id, role: 'member' },
    ],
  },
} satisfies Record<string, OrgSeed>;
