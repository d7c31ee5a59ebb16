import { API_PREFIX } from '../../src/api/endpoints';
import type { Host } from '../host';
import { errorResponse, HttpError, json } from '../http/errors';
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
    const header = request.headers.get('authorization') ?? '';
    const token = /^Bearer (\S{1,512})$/i.exec(header.trim())?.[1];
    if (!token) throw new HttpError(401, 'unauthorized', 'No admin session: send Authorization: Bearer <token>.');
    const townId = TOWN_IN_PATH.exec(path)?.[1]?.toLowerCase();
    const { user, townOwner } = await host.objects.directory().authenticate(token, townId);
    if (!user) throw new HttpError(401, 'unauthorized', 'The admin session is not valid or has expired.');
    if (!user.is_admin) throw new HttpError(403, 'forbidden', 'Gastown Admin is for Kilo admins only.');
    const query = new QueryParams(url);
    const { handler, params } = router.match(request.method, path);
    const body = await handler({ host, url, request, query, admin: user, townOwner }, params);
    return body instanceof Response ? body : json(body);
  } catch (error) {
    return errorResponse(error);
  }
}
