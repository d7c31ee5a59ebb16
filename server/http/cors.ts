/**
 * CORS for the dashboards allowed to embed the panel (the same list as the build's
 * `VITE_EMBED_ALLOWED_ORIGINS`, given to the worker as `EMBED_ALLOWED_ORIGINS`): a module-federated
 * panel runs in the dashboard's page and calls the API cross-origin. Exactly those origins get CORS
 * headers (and a preflight answer); any other origin gets none, so its page cannot read an answer.
 * The bearer token travels in `Authorization` (no cookies), so credentials are never allowed.
 */
export function parseOrigins(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(/[\s,]+/)
    .map((o) => o.trim().replace(/\/$/, ''))
    .filter((o) => o !== '' && !o.includes('*'));
}

const ALLOW_HEADERS = 'authorization, content-type, idempotency-key, if-match, if-none-match';
const EXPOSE_HEADERS = 'etag, x-town-time';

/** The preflight answer for an allowed origin, null for any other request. */
export function preflight(request: Request, allowed: readonly string[]): Response | null {
  if (request.method !== 'OPTIONS' || !request.headers.has('access-control-request-method')) return null;
  const origin = request.headers.get('origin');
  // A preflight from an origin that is not allowed gets an answer with no CORS headers: the browser refuses.
  if (!origin || !allowed.includes(origin)) return new Response(null, { status: 204, headers: { vary: 'Origin' } });
  return new Response(null, {
    status: 204,
    headers: {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
      'access-control-allow-headers': ALLOW_HEADERS,
      'access-control-max-age': '600',
      vary: 'Origin',
    },
  });
}

/** Adds the CORS headers to an answer for an allowed origin (and `Vary: Origin` to every answer). */
export function withCors(request: Request, response: Response, allowed: readonly string[]): Response {
  const origin = request.headers.get('origin');
  const headers = new Headers(response.headers);
  headers.append('vary', 'Origin');
  if (origin && allowed.includes(origin)) {
    headers.set('access-control-allow-origin', origin);
    headers.set('access-control-expose-headers', EXPOSE_HEADERS);
  }
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
