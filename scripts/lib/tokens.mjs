// Signed dev admin tokens for the local scripts, tests and curl: short-lived JWTs (HS256, a `kid`,
// issuer, audience, `is_admin`) signed with the dev keys in server/auth/dev-keys.json, exactly as
// the worker verifies them (server/auth/admin-token.ts). Scenario users come from scenarios/users.ts.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { base64url, SignJWT } from 'jose';

// Not wrangler.mjs's ROOT: wrangler.mjs imports this module, and a cycle would read ROOT before it is set.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const DEV_KEYS = JSON.parse(readFileSync(join(ROOT, 'server/auth/dev-keys.json'), 'utf8'));

const users = readFileSync(join(ROOT, 'scenarios/users.ts'), 'utf8');
const userOf = (key) => {
  const block = new RegExp(`\\b${key}: \\{([^}]+)\\}`).exec(users)?.[1] ?? '';
  const field = (name) => new RegExp(`${name}:\\s*'([^']+)'`).exec(block)?.[1];
  if (!field('id')) throw new Error(`USERS.${key} not found in scenarios/users.ts`);
  return { id: field('id'), email: field('email'), name: field('name') };
};
export const DEV_USERS = { admin: userOf('admin'), support: userOf('support') };

/** The worker vars that make `wrangler dev` verify (and, on its dev route, mint) these tokens. */
export const DEV_AUTH_VARS = {
  ADMIN_TOKEN_KEYS: Object.entries(DEV_KEYS.keys)
    .map(([kid, secret]) => `${kid}=${secret}`)
    .join(','),
  ADMIN_TOKEN_ISSUER: DEV_KEYS.issuer,
  ADMIN_TOKEN_AUDIENCE: DEV_KEYS.audience,
  ADMIN_TOKEN_SIGNING_KID: DEV_KEYS.current_kid,
};

/**
 * Signs a dev token. `expiresInS` negative gives a token that expired that long ago; `kid` picks the
 * key (an unknown kid signs with the current key but names the unknown one, which the worker refuses).
 */
export async function mintDevToken({ admin = true, expiresInS = 3600, notBeforeS = 0, kid = DEV_KEYS.current_kid, now = Date.now() } = {}) {
  const user = admin ? DEV_USERS.admin : DEV_USERS.support;
  const secret = base64url.decode(DEV_KEYS.keys[kid] ?? DEV_KEYS.keys[DEV_KEYS.current_kid]);
  const iat = Math.floor(now / 1000);
  const issued = expiresInS < 0 ? iat + expiresInS - 60 : iat;
  return new SignJWT({ email: user.email, name: user.name, is_admin: admin })
    .setProtectedHeader({ alg: 'HS256', kid, typ: 'JWT' })
    .setSubject(user.id)
    .setIssuer(DEV_KEYS.issuer)
    .setAudience(DEV_KEYS.audience)
    .setIssuedAt(issued)
    .setNotBefore(issued + notBeforeS)
    .setExpirationTime(iat + expiresInS)
    .sign(secret);
}

/** Tokens for the scripts' own calls (seeding, status), minted once per process for its longest allowed life (12 h). */
export const DEV_TOKENS = {
  admin: await mintDevToken({ expiresInS: 12 * 3600 }),
  nonAdmin: await mintDevToken({ admin: false, expiresInS: 12 * 3600 }),
};
