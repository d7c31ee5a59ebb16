import { minutesAgo } from '../random';
import type { TownBuilder } from '../town-builder';

/**
 * How the town reaches its repositories: each rig's GitHub App integration, its credential status and
 * the history of token resolutions (production keeps none of it yet; the reference worker does).
 */

const HOUR = 60;

/**
 * The healthy baseline: every rig's installation token was resolved hourly over the last day, last
 * 12 minutes ago, and is valid for another 48 (GitHub App installation tokens live an hour).
 */
export function resolveCredentials(b: TownBuilder) {
  for (const rig of b.seed.rigs) {
    b.seed.credentials.push({
      rig_id: rig.id,
      rig_name: rig.name,
      source: 'integration',
      integration_id: rig.platform_integration_id,
      status: 'valid',
      last_resolved_at: b.ago(12),
      token_expires_at: minutesAgo(b.now, -48),
      last_error: null,
      last_verified_at: b.ago(12),
      verification: 'ok',
    });
    for (let m = 23 * HOUR + 12; m >= 12; m -= HOUR) {
      b.seed.credential_events.push({
        id: b.rng.uuid(),
        rig_id: rig.id,
        integration_id: rig.platform_integration_id,
        kind: 'resolve',
        outcome: 'success',
        error: null,
        token_expires_at: minutesAgo(b.now, m - 60),
        created_at: b.ago(m),
      });
    }
  }
}
