import { createAdminApi } from '../server/api';
import { parseProfile } from '../server/capabilities';
import { parseOrigins } from '../server/http/cors';
import { authOf, hostOf, type Env } from './env';

export { AgentDO, DirectoryDO, GastownOrgDO, GastownUserDO, TownDO } from './objects';

/**
 * The reference admin API on Cloudflare. Static assets (the SPA) are served by the platform before this
 * runs; only `/api/*` reaches the Worker (`run_worker_first` in wrangler.jsonc).
 */
export default {
  async fetch(request, env): Promise<Response> {
    const api = createAdminApi(hostOf(env), {
      dev: {
        enabled: env.DEV_ROUTES === 'on',
        instance: env.DEV_INSTANCE,
        testHooks: env.TEST_HOOKS === 'on',
        signingKid: env.DEV_ROUTES === 'on' ? env.ADMIN_TOKEN_SIGNING_KID : undefined,
      },
      auth: authOf(env),
      profile: parseProfile(env.PROFILE),
      corsOrigins: parseOrigins(env.EMBED_ALLOWED_ORIGINS),
    });
    return api(request);
  },
} satisfies ExportedHandler<Env>;
