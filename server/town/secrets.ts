import type { SqlPort } from '../ports';
import type { EnvVar } from '../../src/api/schemas';
import { all, first, str } from '../db/sql';

/** What every response shows instead of a secret value (production shows the same). */
export const MASK = '****';

/**
 * Environment variables as the API shows them. This is the only reader of `env_vars`, so no response
 * can carry a secret value by accident.
 */
export function maskedEnvVars(sql: SqlPort): EnvVar[] {
  return all(sql, 'SELECT key, value, secret FROM env_vars ORDER BY key').map((r) => {
    const secret = r.secret === 1;
    return { key: str(r.key), value: secret ? MASK : str(r.value), secret };
  });
}

/** Whether a manual git token is stored; the token itself is never read for a response. */
export const hasGitToken = (sql: SqlPort): boolean => first(sql, `SELECT 1 AS x FROM town_secrets WHERE name = 'git_token'`) !== null;
