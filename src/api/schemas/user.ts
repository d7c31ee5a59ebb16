import { z } from 'zod';
import { Id, Timestamp } from './common';

/** A row of the dashboard's user directory (`kilocode_users`). */
export const User = z.object({
  id: z.string().min(1),
  email: z.email(),
  name: z.string(),
  is_admin: z.boolean(),
  created_at: Timestamp,
});
export type User = z.infer<typeof User>;

export const UserSearchResult = z.object({ items: z.array(User), total: z.number().int().nonnegative() });
export type UserSearchResult = z.infer<typeof UserSearchResult>;

/** An organization (production's organizations; its towns live in a GastownOrgDO, in no user's GastownUserDO). */
export const Org = z.object({ id: z.string().min(1), name: z.string(), created_at: Timestamp });
export type Org = z.infer<typeof Org>;

/** A user's membership of an organization: the user reaches the organization's towns through it. */
export const OrgMembership = z.object({ org: Org, role: z.string() });
export type OrgMembership = z.infer<typeof OrgMembership>;

/** Who owns a town: a user (their GastownUserDO) or an organization (its GastownOrgDO), with the name to show. */
export const TownOwner = z.object({ kind: z.enum(['user', 'org']), id: z.string().min(1), name: z.string() });
export type TownOwner = z.infer<typeof TownOwner>;

export const UserDetail = z.object({
  user: User,
  /** The user's own towns plus their organizations' towns (the towns the user page lists). */
  town_count: z.number().int().nonnegative(),
  rig_count: z.number().int().nonnegative(),
  organizations: z.array(OrgMembership),
});
export type UserDetail = z.infer<typeof UserDetail>;

/** Who the admin token belongs to. */
export const Session = z.object({ user: User });
export type Session = z.infer<typeof Session>;

export const IntegrationStatus = z.enum(['active', 'revoked', 'suspended', 'missing']);
export type IntegrationStatus = z.infer<typeof IntegrationStatus>;

/** The platform integration (GitHub App / GitLab) a rig is linked to. */
export const Integration = z.object({
  id: z.string().min(1),
  provider: z.enum(['github', 'gitlab']),
  account: z.string(),
  status: IntegrationStatus,
  linked_at: Timestamp,
});
export type Integration = z.infer<typeof Integration>;

/**
 * A platform integration a user can link rigs to (a GitHub App installation or a GitLab connection),
 * from the platform's own records: who installed it, its state, and which repositories it can reach
 * (`all`, or a list of `owner/name`). A rig's credential can only reach what its integration reaches.
 */
export const LinkedIntegration = z.object({
  id: z.string().min(1),
  provider: z.enum(['github', 'gitlab']),
  account: z.string(),
  status: IntegrationStatus,
  repositories: z.union([z.literal('all'), z.array(z.string())]),
  owner_user_id: z.string(),
  created_at: Timestamp,
});
export type LinkedIntegration = z.infer<typeof LinkedIntegration>;

export const LinkedIntegrationList = z.object({ items: z.array(LinkedIntegration) });
export type LinkedIntegrationList = z.infer<typeof LinkedIntegrationList>;

/** A rig (`user_rigs`): one repository a town works on. */
export const Rig = z.object({
  id: Id,
  town_id: Id,
  name: z.string(),
  git_url: z.string(),
  default_branch: z.string(),
  platform_integration_id: z.string().nullable(),
  integration: Integration.nullable(),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type Rig = z.infer<typeof Rig>;

export const RigList = z.object({ items: z.array(Rig) });
