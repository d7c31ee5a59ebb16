import type { User } from '../../src/api/schemas';
import { verifyAdminToken, type AdminTokenConfig } from '../auth/admin-token';
import type { Host } from '../host';
import { HttpError } from './errors';

/** Who is calling, and the owner of the town named in the path (null: no such town, or none named). */
export interface AdminSession {
  admin: User;
  townOwner: string | null;
}

/**
 * The one admin check, for the admin API and the dev routes alike: a signed, unexpired admin token
 * (server/auth/admin-token.ts) whose `is_admin` claim is true. 401 without a valid one (`token_expired`
 * when it has expired), 403 for a non-admin. The admin's identity (id, email) comes from the verified
 * claims, so the audit names who the dashboard vouched for; the directory only adds the name and the
 * account's age when it knows the user.
 */
export async function authenticateAdmin(request: Request, host: Host, auth: AdminTokenConfig, townId?: string): Promise<AdminSession> {
  const header = request.headers.get('authorization') ?? '';
  const token = /^Bearer (\S{1,4096})$/i.exec(header.trim())?.[1];
  if (!token) throw new HttpError(401, 'unauthorized', 'No admin session: send Authorization: Bearer <token>.');
  const claims = await verifyAdminToken(token, auth);
  if (!claims.is_admin) throw new HttpError(403, 'forbidden', 'Gastown Admin is for Kilo admins only.');
  const { user, townOwner } = await host.objects.directory().authenticate(claims.user_id, townId);
  const email = claims.email ?? user?.email;
  if (!email) throw new HttpError(401, 'unauthorized', 'The admin token names no email, and the directory does not know its user.');
  return {
    admin: {
      id: claims.user_id,
      email,
      name: claims.name ?? user?.name ?? '',
      is_admin: true,
      created_at: user?.created_at ?? new Date(claims.issued_at).toISOString(),
    },
    townOwner,
  };
}
