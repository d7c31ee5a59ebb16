import { API_PREFIX } from '../../src/api/endpoints';
import type { Host } from '../host';
import { authenticateAdmin } from '../http/auth';
import { errorResponse, json } from '../http/errors';
import { QueryParams } from '../http/params';
import { Router } from '../http/router';
import { actionRoutes } from './actions';
import { agentEventRoutes } from './agent-events';
import { auditRoutes } from './audit';
import type { AdminContext } from './context';
import { townRoutes } from './towns';
import { userRoutes } from './users';

const router = new Router<AdminContext>();
userRoutes(router);
townRoutes(router);
agentEventRoutes(router);
auditRoutes(router);
actionRoutes(router);

const TOWN_IN_PATH = /^\/towns\/([0-9a-fA-F-]{36})(?:\/|$)/;

/**
 * `/api/admin/*`: bearer token → admin check → route. Authentication comes before routing, so an
 * unauthenticated caller learns nothing about which paths or ids exist.
 */
export async function handleAdmin(request: Request, host: Host, url: URL): Promise<Response> {
  try {
    const path = url.pathname.slice(API_PREFIX.length) || '/';
    const townId = TOWN_IN_PATH.exec(path)?.[1]?.toLowerCase();
    const { admin, townOwner } = await authenticateAdmin(request, host, townId);
    const query = new QueryParams(url);
    const { handler, params } = router.match(request.method, path);
    const body = await handler({ host, url, request, query, admin, townOwner }, params);
    return body instanceof Response ? body : json(body);
  } catch (error) {
    return errorResponse(error);
  }
}
