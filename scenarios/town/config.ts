import type { TownBuilder } from '../town-builder';
import type { EnvSeed, TownSeed } from '../types';

/** The town config and env vars every scenario town starts from; a scenario changes only what its story needs. */

const DAY = 24 * 60;

export function defaultConfig(b: Pick<TownBuilder, 'ago'>): TownSeed['config'] {
  return {
    default_model: 'anthropic/claude-sonnet-4.6',
    role_models: { mayor: 'anthropic/claude-opus-4.5', refinery: 'anthropic/claude-sonnet-4.6' },
    small_model: 'anthropic/claude-haiku-4.5',
    max_polecats_per_rig: 5,
    merge_strategy: 'pr',
    refinery: {
      gates: ['npm test', 'npm run lint'],
      auto_merge: true,
      require_clean_merge: true,
      code_review: true,
      review_mode: 'always',
    },
    // Production's patrol timings: GUPP nudge at 30 min, escalation at 1 h, PRs polled every 60 s.
    alarm_intervals: { patrol_seconds: 60, gupp_nudge_seconds: 1800, escalation_seconds: 3600, pr_poll_seconds: 60 },
    container: { sleep_after_minutes: 30 },
    custom_instructions: { polecat: 'Run the full test suite before submitting. Keep commits small.' },
    // Through the first rig's GitHub App integration, linked by the builder once the rigs exist.
    git_auth: { provider: 'github', mode: 'integration', platform_integration_id: null },
    version: 3,
    updated_at: b.ago(6 * DAY),
  };
}

/** Secret values are stored in clear, as production stores them; every API response masks them. */
export function defaultEnv(b: Pick<TownBuilder, 'rng'>): EnvSeed[] {
  return [
    { key: 'NODE_ENV', value: 'production', secret: false },
    { key: 'KILO_LOG_LEVEL', value: 'info', secret: false },
    { key: 'GIT_AUTHOR_NAME', value: 'Gastown', secret: false },
    { key: 'GITHUB_TOKEN', value: `ghs_${b.rng.hex(36)}`, secret: true },
    { key: 'ANTHROPIC_API_KEY', value: `sk-ant-api03-${b.rng.hex(40)}`, secret: true },
    { key: 'SENTRY_DSN', value: `https://${b.rng.hex(32)}@o4507.ingest.sentry.io/45`, secret: true },
  ];
}
