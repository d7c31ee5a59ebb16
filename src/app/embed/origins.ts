/**
 * The dashboard origins allowed to embed the panel: one list drives the bridge's origin check and
 * the CSP `frame-ancestors` header, so the two cannot disagree. Configured with
 * `VITE_EMBED_ALLOWED_ORIGINS` (comma or space separated), e.g. `https://admin.kilo.ai`.
 */
export interface AllowedOrigins {
  origins: string[];
  /** Entries refused, with the reason (a wildcard, a path, not a URL…). */
  rejected: { entry: string; reason: string }[];
}

export function parseAllowedOrigins(raw: string | undefined | null): AllowedOrigins {
  const origins: string[] = [];
  const rejected: AllowedOrigins['rejected'] = [];
  for (const entry of (raw ?? '').split(/[\s,]+/).filter(Boolean)) {
    if (entry.includes('*')) {
      rejected.push({ entry, reason: 'wildcards are not allowed: list each dashboard origin' });
      continue;
    }
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      rejected.push({ entry, reason: 'not a URL origin such as https://admin.example.com' });
      continue;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      rejected.push({ entry, reason: `scheme ${url.protocol} cannot host the dashboard` });
      continue;
    }
    if (url.origin !== entry.replace(/\/$/, '')) {
      rejected.push({ entry, reason: `an origin has no path, query or credentials (use ${url.origin})` });
      continue;
    }
    if (!origins.includes(url.origin)) origins.push(url.origin);
  }
  return { origins, rejected };
}

export function isAllowedOrigin(origin: string, allowed: readonly string[]): boolean {
  return origin !== 'null' && allowed.includes(origin);
}

/** The CSP the panel is served with: only the configured dashboards may frame it (none when unset). */
export function contentSecurityPolicy(allowed: readonly string[]): string {
  const ancestors = allowed.length > 0 ? allowed.join(' ') : "'none'";
  return [`frame-ancestors ${ancestors}`, "base-uri 'self'", "object-src 'none'"].join('; ');
}
