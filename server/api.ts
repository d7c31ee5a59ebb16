import { API_PREFIX } from '../src/api/endpoints';
import type { AdminTokenConfig } from './auth/admin-token';
import { capabilitiesOf, type Profile } from './capabilities';
import type { Host } from './host';
import { preflight, withCors } from './http/cors';
import { json } from './http/errors';
import { handleAdmin } from './routes/admin';
import { handleDev, type DevOptions } from './routes/dev';
import { ReadMemo } from './http/read-memo';

export interface AdminApiOptions {
  /** The dev-only routes under `/api/dev/` (seeding, audit bench and probes); off in any deploy. */
  dev: DevOptions;
  /** How admin tokens are verified: issuer, audience, keys by kid, wall clock (server/auth/admin-token.ts). */
  auth: AdminTokenConfig;
  /** Which deployment this backend plays (server/capabilities.ts); `reference` unless told. */
  profile?: Profile;
  /** Dashboard origins that may call the admin API from their page (CORS, server/http/cors.ts); none by default. */
  corsOrigins?: readonly string[];
  /**
   * Whether a read may wait on the same view's build another request started (server/http/read-memo.ts);
   * true unless told. The Worker says false: it keeps one API per isolate, and a build in a request the
   * platform cancelled would never answer the requests waiting on it.
   */
  shareInFlightReads?: boolean;
}

/**
 * The reference admin API as one request handler, whichever host runs it: `/api/admin/*` (the contract,
 * docs/admin-api.md) and, when enabled, `/api/dev/*`.
 */
export function createAdminApi(host: Host, options: AdminApiOptions): (request: Request) => Promise<Response> {
  const capabilities = capabilitiesOf(options.profile ?? 'reference');
  const origins = options.corsOrigins ?? [];
  const memo = new ReadMemo(undefined, undefined, options.shareInFlightReads ?? true);
  return async (request) => {
    const url = new URL(request.url);
    if (url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`)) {
      // Only the admin API answers other origins; the dev routes stay same-origin (dev-gate.ts).
      if (!origins.length) return handleAdmin(request, host, url, options.auth, capabilities, memo);
      const answer = preflight(request, origins) ?? (await handleAdmin(request, host, url, options.auth, capabilities, memo));
      return withCors(request, answer, origins);
    }
    if (url.pathname.startsWith('/api/dev/')) {
      // Seeding and the test hooks rewrite state, some behind the change counter the tags read: start over.
      if (request.method !== 'GET' && request.method !== 'HEAD') memo.clear();
      return handleDev(request, host, url, options.dev, options.auth);
    }
    return json({ error: { code: 'not_found', message: `No API route ${url.pathname.slice(0, 200)}.` } }, 404);
  };
}
