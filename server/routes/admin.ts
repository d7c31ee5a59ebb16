import { API_PREFIX, TOWN_TIME_HEADER } from '../../src/api/endpoints';
import type { Capabilities } from '../../src/api/schemas';
import type { AdminTokenConfig } from '../auth/admin-token';
import { checkCapability, withoutUnrecorded } from '../capabilities';
import type { Host } from '../host';
import { authenticateAdmin } from '../http/auth';
import { errorResponse, json, JSON_HEADERS } from '../http/errors';
import { matchesTag, notModified } from '../http/etag';
import type { ReadMemo } from '../http/read-memo';
import { QueryParams } from '../http/params';
import { Router } from '../http/router';
import { actionRoutes } from './actions';
import { agentEventRoutes } from './agent-events';
import { auditRoutes } from './audit';
import { batchRoutes } from './batches';
import { compareRoutes } from './compare';
import type { AdminContext } from './context';
import { savedViewRoutes } from './saved-views';
import { searchRoutes } from './search';
import { readTag } from './tags';
import { townRoutes } from './towns';
import { userRoutes } from './users';

const router = new Router<AdminContext>();
userRoutes(router);
townRoutes(router);
agentEventRoutes(router);
auditRoutes(router);
actionRoutes(router);
batchRoutes(router);
savedViewRoutes(router);
searchRoutes(router);
compareRoutes(router);
router.get('/capabilities', async (ctx) => ctx.capabilities);

const TOWN_IN_PATH = /^\/towns\/([0-9a-fA-F-]{36})(?:\/|$)/;

/**
 * `/api/admin/*`: bearer token → admin check → route. Authentication comes before routing, so an
 * unauthenticated caller learns nothing about which paths or ids exist.
 */
export async function handleAdmin(
  request: Request,
  host: Host,
  url: URL,
  auth: AdminTokenConfig,
  capabilities: Capabilities,
  memo?: ReadMemo,
): Promise<Response> {
  try {
    const path = url.pathname.slice(API_PREFIX.length) || '/';
    const townId = TOWN_IN_PATH.exec(path)?.[1]?.toLowerCase();
    const { admin, townOwner } = await authenticateAdmin(request, host, auth, townId);
    const query = new QueryParams(url);
    const { handler, params } = router.match(request.method, path);
    checkCapability(capabilities, request.method, path);
    const ctx = { host, url, request, query, admin, townOwner, capabilities };
    // Live views poll: the version comes first, so an unchanged view costs a counter read, not its body.
    const read = request.method === 'GET' ? await readTag(ctx, path) : null;
    if (!read) {
      const body = await handler(ctx, params);
      return body instanceof Response ? body : json(withoutUnrecorded(capabilities, path, body));
    }
    const etag = read.etag;
    // The town's time rides on every tagged answer, 304s included (src/api/town-clock.ts).
    const headers = { etag, [TOWN_TIME_HEADER]: read.times.map((t) => `${t.townId}=${t.now}`).join(', ') };
    if (matchesTag(request.headers.get('if-none-match'), etag)) return notModified(headers);
    // A changed view is built once per tag however many admins poll it (server/http/read-memo.ts).
    const build = async (): Promise<string | Response> => {
      const body = await handler(ctx, params);
      return body instanceof Response ? body : JSON.stringify(withoutUnrecorded(capabilities, path, body));
    };
    const answer = (memo ? await memo.get(`${path}${url.search}`, etag, build) : null) ?? (await build());
    return typeof answer === 'string' ? new Response(answer, { status: 200, headers: { ...JSON_HEADERS, ...headers } }) : answer;
  } catch (error) {
    return errorResponse(error);
  }
}
