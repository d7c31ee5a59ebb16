import { USERS } from '../../scenarios/users';
import { mintAdminToken, type AdminTokenConfig } from './admin-token';
import DEV_KEYS from './dev-keys.json';

/**
 * The dev deployment's token keys (`dev-keys.json`): the dashboard's stand-in signs with `current_kid`;
 * the other key is the previous one, still accepted (rotation). Local only: the worker gets them as
 * `ADMIN_TOKEN_*` vars from the local scripts, the MSW host from here; no client code imports them.
 */
export { DEV_KEYS };

export function devTokenConfig(now: () => number): AdminTokenConfig {
  return { issuer: DEV_KEYS.issuer, audience: DEV_KEYS.audience, keys: DEV_KEYS.keys, now };
}

export interface DevTokenOptions {
  /** Alex Ops (admin, default) or Jamie Ortega (support, `is_admin: false`). */
  admin?: boolean;
  /** Lifetime in seconds (default 1 h); negative for an already expired token. */
  expiresInS?: number;
  notBeforeS?: number;
  kid?: string;
  now: number;
}

/** Signs a dev admin token for one of the scenario users, as production's dashboard would. */
export function mintDevToken({ admin = true, expiresInS = 60 * 60, notBeforeS, kid = DEV_KEYS.current_kid, now }: DevTokenOptions) {
  const user = admin ? USERS.admin : USERS.support;
  const secret = (DEV_KEYS.keys as Record<string, string>)[kid] ?? DEV_KEYS.keys[DEV_KEYS.current_kid as keyof typeof DEV_KEYS.keys];
  return mintAdminToken({
    user_id: user.id,
    email: user.email,
    name: user.name,
    is_admin: admin,
    kid,
    secret,
    issuer: DEV_KEYS.issuer,
    audience: DEV_KEYS.audience,
    now,
    expiresInS,
    ...(notBeforeS !== undefined ? { notBeforeS } : {}),
  });
}
