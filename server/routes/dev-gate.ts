import { DEV_TOKENS } from '../../scenarios';
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
export async function guardDevRequest(request: Request, host: Host, url: URL): Promise<void> {
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
  try {
    await authenticateAdmin(request, host);
  } catch (error) {
    // Before the first seed the directory knows no token: the scenario admin's (the one that seed is
    // about to install) is the only one accepted, so the very first seed is gated too.
    if (!(error instanceof HttpError) || error.status !== 401 || !(await isBootstrap(request, host))) throw error;
  }
}

async function isBootstrap(request: Request, host: Host): Promise<boolean> {
  if ((request.headers.get('authorization') ?? '').trim() !== `Bearer ${DEV_TOKENS.admin}`) return false;
  return (await host.objects.directory().getMeta('seeded:world')) === null;
}

function originOf(value: string): string | null {
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}
