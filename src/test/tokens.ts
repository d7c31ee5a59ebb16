import { mintAdminToken } from '../../server/auth/admin-token';
import { DEV_KEYS, mintDevToken } from '../../server/auth/dev-tokens';

/**
 * Signed dev tokens for tests (the MSW host and the test worker verify them with the dev keys): the
 * scenario admin and the non-admin support operator, valid for the test run (4 h).
 */
const now = Date.now();
export const DEV_TOKENS = {
  admin: await mintDevToken({ now, expiresInS: 4 * 3600 }),
  nonAdmin: await mintDevToken({ now, admin: false, expiresInS: 4 * 3600 }),
  /** A second admin the directory does not know (the dashboard vouches for them): per-admin data stays apart. */
  otherAdmin: await mintAdminToken({
    user_id: 'usr_admin_sam',
    email: 'sam.ops@kilo.example',
    name: 'Sam Ops',
    is_admin: true,
    kid: DEV_KEYS.current_kid,
    secret: (DEV_KEYS.keys as Record<string, string>)[DEV_KEYS.current_kid]!,
    issuer: DEV_KEYS.issuer,
    audience: DEV_KEYS.audience,
    now,
    expiresInS: 4 * 3600,
  }),
};
