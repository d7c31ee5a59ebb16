/**
 * `If-None-Match` names the tag: weak comparison, as RFC 9110 asks for GET. `*` is not honoured: the
 * tag is computed before the route validates its ids, so "any version exists" cannot be promised.
 */
export function matchesTag(header: string | null, etag: string): boolean {
  if (!header) return false;
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  const want = opaque(etag);
  return header.split(',').some((t) => opaque(t) === want);
}

/**
 * 304: no body; the tag again (with the read's other headers, e.g. the town's time), and no caching by
 * the browser (the client keeps the last body itself).
 */
export function notModified(headers: { etag: string } & Record<string, string>): Response {
  return new Response(null, { status: 304, headers: { ...headers, 'cache-control': 'no-store' } });
}
