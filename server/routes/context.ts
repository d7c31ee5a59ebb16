import type { Capabilities, User } from '../../src/api/schemas';
import type { Host } from '../host';
import { notFound } from '../http/errors';
import { uuidParam, type QueryParams } from '../http/params';

/** What every admin route handler receives. */
export interface AdminContext {
  host: Host;
  url: URL;
  request: Request;
  query: QueryParams;
  admin: User;
  /** Owner of the town named in the path, looked up with the token (null: no such town). */
  townOwner: string | null;
  /** What this deployment records and supports (server/capabilities.ts). */
  capabilities: Capabilities;
}

/** Validates the town id and checks the town exists (no TownDO is touched for an unknown id). */
export function requireTown(ctx: AdminContext, rawId: string): string {
  const townId = uuidParam('townId', rawId);
  if (ctx.townOwner === null) throw notFound('town', townId);
  return townId;
}
