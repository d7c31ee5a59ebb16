import type { AdminTokenConfig } from '../auth/admin-token';
import type { Host } from '../host';
import { authenticateAdmin } from '../http/auth';
import { HttpError } from '../http/errors';

/**
 * What every dev route checks before it routes, so no web page can reach one and no unauthenticated
 * caller learns which exist:
 * - **same origin only**: a browser marks a request from another site (`Sec-Fetch-Site`, `Origin`);
 *   the panel itself never calls a dev route, so anything but `same-origin`/`none` is refused;
 * - **JSON only**: a body must be `application/json`, which a cross-site form or a `no-cors` fetch
 *   cannot send without a CORS preflight (the API answers none);
 * - **the admin token**, through the same check the admin API uses (`authenticateAdmin`).
 */
export async function guardDevRequest(request: Request, host: Host, url: URL, auth: AdminTokenConfig): Promise<void> {
  checkDevOrigin(request, url);
  await authenticateAdmin(request, host, auth);
}

/** The same-origin and JSON-only half of the gate (the dev token route has only this half: it is how a session starts). */
export function checkDevOrigin(request: Request, url: URL): void {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin' && site !== 'none')
    throw new HttpError(403, 'cross_origin', `Dev routes refuse requests from another site (Sec-Fetch-Site: ${site.slice(0, 40)}).`);
  const origin = request.headers.get('origin');
  if (origin !== null && originOf(origin) !== url.origin)
    throw new HttpError(403, 'cross_origin', `Dev routes answer only their own origin, not ${origin.slice(0, 80)}.`);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json')
      throw new HttpError(415, 'unsupported_media_type', 'Dev routes take a JSON body: send Content-Type: application/json.', {
        content_type: type.slice(0, 80) || null,
      });
  }
}

function originOf(value: string): string | null {
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}
