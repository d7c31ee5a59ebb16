import { z } from 'zod';
import { RowVersion } from './tolerant';
import { Id, Timestamp } from './common';
import { EnvVar } from './container';
import { GitOperation } from './agent';
import { Rig } from './user';

export const MergeStrategy = z.enum(['direct', 'pr']);
export type MergeStrategy = z.infer<typeof MergeStrategy>;

export const RefinerySettings = z.object({
  gates: z.array(z.string()),
  auto_merge: z.boolean(),
  require_clean_merge: z.boolean(),
  code_review: z.boolean(),
  review_mode: z.enum(['always', 'on_request', 'never']),
});
export type RefinerySettings = z.infer<typeof RefinerySettings>;

const RoleText = z.object({
  mayor: z.string().optional(),
  refinery: z.string().optional(),
  polecat: z.string().optional(),
});

export const TownConfig = z.object({
  default_model: z.string().min(1),
  role_models: RoleText,
  small_model: z.string().min(1),
  max_polecats_per_rig: z.number().int().min(1).max(20),
  merge_strategy: MergeStrategy,
  refinery: RefinerySettings,
  /** Alarm intervals in seconds, by alarm name. */
  alarm_intervals: z.record(z.string(), z.number().int().positive()),
  container: z.object({ sleep_after_minutes: z.number().int().min(5).max(120) }),
  custom_instructions: RoleText,
  /** Spending over this in 24 h raises a diagnosis finding (issue 15); null or absent: no threshold. */
  cost_threshold_microdollars_24h: z.number().int().min(0).max(1_000_000_000_000).nullable().optional(),
  env_vars: z.array(EnvVar),
  git_auth: z.object({
    provider: z.enum(['github', 'gitlab']),
    mode: z.enum(['integration', 'token']),
    platform_integration_id: z.string().nullable(),
    /** Whether a manual token is stored; the token itself never leaves the server. */
    token_set: z.boolean(),
  }),
  version: RowVersion,
  updated_at: Timestamp,
});
export type TownConfig = z.infer<typeof TownConfig>;

export const RigConfig = z.object({
  rig: Rig,
  max_polecats: z.number().int().min(1).max(20).nullable(),
  model_override: z.string().nullable(),
  custom_instructions: z.string().nullable(),
  version: RowVersion,
});
export type RigConfig = z.infer<typeof RigConfig>;

export const CredentialState = z.enum(['valid', 'expired', 'revoked', 'error', 'unknown']);
export type CredentialState = z.infer<typeof CredentialState>;

export const CredentialStatus = z.object({
  rig_id: Id,
  rig_name: z.string(),
  source: z.enum(['integration', 'manual_token']),
  integration_id: z.string().nullable(),
  status: CredentialState,
  last_resolved_at: Timestamp.nullable(),
  token_expires_at: Timestamp.nullable(),
  last_error: z.string().nullable(),
  last_verified_at: Timestamp.nullable(),
  verification: z.enum(['ok', 'failed']).nullable(),
});
export type CredentialStatus = z.infer<typeof CredentialStatus>;

export const CredentialEvent = z.object({
  id: Id,
  rig_id: Id,
  integration_id: z.string().nullable(),
  kind: z.enum(['resolve', 'refresh', 'verify']),
  outcome: z.enum(['success', 'failure']),
  error: z.string().nullable(),
  token_expires_at: Timestamp.nullable(),
  created_at: Timestamp,
});
export type CredentialEvent = z.infer<typeof CredentialEvent>;

export const TownConfigResponse = z.object({
  config: TownConfig,
  rigs: z.array(RigConfig),
  credentials: z.array(CredentialStatus),
  credential_events: z.array(CredentialEvent),
  /** Failed git push/pull/clone operations across agents, newest first. */
  git_failures: z.array(GitOperation),
});
export type TownConfigResponse = z.infer<typeof TownConfigResponse>;
