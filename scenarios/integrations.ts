import type { LinkedIntegration } from '../src/api/schemas';
import { createRng, hashString } from './random';
import type { TownSeed } from './types';

/** `owner/name` of a rig's repository (`https://github.com/acme-robotics/mobile-app.git` → `acme-robotics/mobile-app`). */
export const repositoryOf = (gitUrl: string): string => gitUrl.replace(/^https:\/\/[^/]+\//, '').replace(/\.git$/, '');

/**
 * The platform integrations the scenario users installed. Each rig is linked to an installation that
 * reaches only its own repository (GitHub's "selected repositories"); each customer also has one
 * installation on their organization that reaches every repository, the one an admin re-links a rig to
 * when its own installation is suspended or cannot reach a repository the work needs.
 */
export function buildIntegrations(towns: readonly TownSeed[]): LinkedIntegration[] {
  const byId = new Map<string, LinkedIntegration>();
  const orgs = new Map<string, { owner: string; account: string; created_at: string }>();
  for (const town of towns) {
    for (const rig of town.rigs) {
      if (!rig.platform_integration_id || !rig.integration) continue;
      byId.set(rig.platform_integration_id, {
        id: rig.platform_integration_id,
        provider: rig.integration.provider,
        account: rig.integration.account,
        status: rig.integration.status,
        repositories: [repositoryOf(rig.git_url)],
        owner_user_id: town.town.owner_user_id,
        created_at: rig.integration.linked_at,
      });
      const key = `${town.town.owner_user_id}/${rig.integration.provider}/${rig.integration.account}`;
      const known = orgs.get(key);
      if (!known || rig.integration.linked_at < known.created_at)
        orgs.set(key, { owner: town.town.owner_user_id, account: rig.integration.account, created_at: rig.integration.linked_at });
    }
  }
  for (const [key, org] of orgs) {
    const id = `ghi_${createRng(hashString(`integration:${key}`)).int(60_000_000, 69_999_999)}`;
    byId.set(id, {
      id,
      provider: 'github',
      account: org.account,
      status: 'active',
      repositories: 'all',
      owner_user_id: org.owner,
      created_at: org.created_at,
    });
  }
  return [...byId.values()];
}
