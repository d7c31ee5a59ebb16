import { createAdminApi } from '../server/api';
import { parseProfile } from '../server/capabilities';
import { parseOrigins } from '../server/http/cors';
import { authOf, hostOf, type Env } from './env';

export { AgentDO, DirectoryDO, GastownOrgDO, GastownUserDO, TownDO } from './objects';

/**
 * One API per isolate (per `env`), not per request: the API keeps the live views' read memo
 * (server/http/read-memo.ts), which a per-request API would start empty every time, so twenty admins
 * polling the same changed view each rebuilt it. Its entries are keyed by the view's ETag, read from the
 * town for every request, so an isolate's memo can only answer a body for the state it was built from.
 */
const apis = new WeakMap<Env, (request: Request) => Promise<Response>>();

function apiOf(env: Env): (request: Request) => Promise<Response> {
  let api = apis.get(env);
  if (!api) {
    api = createAdminApi(hostOf(env), {
      dev: {
        enabled: env.DEV_ROUTES === 'on',
        instance: env.DEV_INSTANCE,
        testHooks: env.TEST_HOOKS === 'on',
        signingKid: env.DEV_ROUTES === 'on' ? env.ADMIN_TOKEN_SIGNING_KID : undefined,
      },
      auth: authOf(env),
      profile: parseProfile(env.PROFILE),
      corsOrigins: parseOrigins(env.EMBED_ALLOWED_ORIGINS),
      shareInFlightReads: false,
    });
    apis.set(env, api);
  }
  return api;
}

/**
 * The reference admin API on Cloudflare. Static assets (the SPA) are served by the platform before this
 * runs; only `/api/*` reaches the Worker (`run_worker_first` in wrangler.jsonc).
 */
export default {
  async fetch(request, env): Promise<Response> {
    return apiOf(env)(request);
  },
} satisfies ExportedHandler<Env>;
