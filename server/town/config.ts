import type { SqlPort } from '../ports';
import type { RigConfig, TownConfig, TownConfigResponse } from '../../src/api/schemas';
import { all, first, fromJson, num, numOrNull, str, strOrNull } from '../db/sql';
import { toRig } from '../user/rig-row';
import { toCredentialEvent, toCredentialStatus, toGitOperation } from './rows';
import { hasGitToken, maskedEnvVars } from './secrets';

/** Credential events and git failures shown on the config tab; the timeline pages older ones. */
const HISTORY_CAP = 100;

type StoredConfig = Omit<TownConfig, 'env_vars' | 'git_auth' | 'version' | 'updated_at'> & {
  git_auth: Omit<TownConfig['git_auth'], 'token_set'>;
};

export function getTownConfig(sql: SqlPort): TownConfig | null {
  const row = first(sql, 'SELECT * FROM town_config WHERE id = 1');
  if (!row) return null;
  const stored = fromJson<StoredConfig>(row.config, {} as StoredConfig);
  return {
    ...stored,
    env_vars: maskedEnvVars(sql),
    git_auth: { ...stored.git_auth, token_set: hasGitToken(sql) },
    version: num(row.version),
    updated_at: str(row.updated_at),
  };
}

export function getConfigResponse(sql: SqlPort): TownConfigResponse | null {
  const config = getTownConfig(sql);
  if (!config) return null;
  const rigs: RigConfig[] = all(
    sql,
    `SELECT r.*, c.max_polecats, c.model_override, c.custom_instructions, coalesce(c.version, 1) AS config_version
     FROM rigs r LEFT JOIN rig_configs c ON c.rig_id = r.id ORDER BY r.name, r.id`,
  ).map((r) => ({
    rig: toRig(r),
    max_polecats: numOrNull(r.max_polecats),
    model_override: strOrNull(r.model_override),
    custom_instructions: strOrNull(r.custom_instructions),
    version: num(r.config_version),
  }));
  const credentials = all(sql, 'SELECT * FROM credentials ORDER BY rig_name, rig_id').map(toCredentialStatus);
  return {
    config,
    rigs,
    credentials,
    credential_events: all(sql, 'SELECT * FROM credential_events ORDER BY created_at DESC, id DESC LIMIT ?', HISTORY_CAP).map(
      toCredentialEvent,
    ),
    git_failures: all(
      sql,
      `SELECT * FROM git_operations WHERE outcome = 'failure' ORDER BY created_at DESC, id DESC LIMIT ?`,
      HISTORY_CAP,
    ).map(toGitOperation),
  };
}
