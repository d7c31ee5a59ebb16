import { API_PREFIX } from '../src/api/endpoints';
import type { Env } from './env';
import { json } from './http/errors';
import { handleAdmin } from './routes/admin';
import { handleDev } from './routes/dev';

export { DirectoryDO } from './directory/directory-do';
export { GastownUserDO } from './user/gastown-user-do';
export { TownDO } from './town/town-do';
export { AgentDO } from './agent/agent-do';

/**
 * The reference admin API. Static assets (the SPA) are served by the platform before this runs;
 * only `/api/*` reaches the Worker (`run_worker_first` in wrangler.jsonc).
 */
export default {
  async fetch(request, env, _ctx): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`)) return handleAdmin(request, env, url);
    if (url.pathname.startsWith('/api/dev/')) return handleDev(request, env, url);
    return json({ error: { code: 'not_found', message: `No API route ${url.pathname.slice(0, 200)}.` } }, 404);
  },
} satisfies ExportedHandler<Env>;
