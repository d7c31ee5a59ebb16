import { mintDevToken } from '../../server/auth/dev-tokens';

/**
 * Signed dev tokens for tests (the MSW host and the test worker verify them with the dev keys): the
 * scenario admin and the non-admin support operator, valid for the test run (4 h).
 */
const now = Date.now();
export const DEV_TOKENS = {
  admin: await mintDevToken({ now, expiresInS: 4 * 3600 }),
  nonAdmin: await mintDevToken({ now, admin: false, expiresInS: 4 * 3600 }),
};
