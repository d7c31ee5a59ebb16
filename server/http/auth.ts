import type { User } from '../../src/api/schemas';
import type { Host } from '../host';
import { HttpError } from './errors';

/** Who is calling, and the owner of the town named in the path (null: no such town, or none named). */
export interface AdminSession {
  admin: User;
  townOwner: string | null;
}

/**
 * The one admin check, for the admin API and the dev routes alike: a bearer token the directory knows,
 * held by a Kilo admin. 401 without a (valid) token, 403 for a non-admin. Change token verification
 * here and both surfaces follow.
 */
export async function authenticateAdmin(request: Request, host: Host, townId?: string): Promise<AdminSession> {
  const header = request.headers.get('authorization') ?? '';
  const token = /^Bearer (\S{1,512})$/i.exec(header.trim())?.[1];
  if (!token) throw new HttpError(401, 'unauthorized', 'No admin session: send Authorization: Bearer <token>.');
  const { user, townOwner } = await host.objects.directory().authenticate(token, townId);
  if (!user) throw new HttpError(401, 'unauthorized', 'The admin session is not valid or has expired.');
  if (!user.is_admin) throw new HttpError(403, 'forbidden', 'Gastown Admin is for Kilo admins only.');
  return { admin: user, townOwner };
}
