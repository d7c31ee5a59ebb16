/**
 * Links to the platform's own consoles for a town, from URL templates set at build time:
 *   VITE_PLATFORM_LINK_WORKER_LOGS      e.g. https://dash.cloudflare.com/<acct>/workers/services/view/gastown/production/logs?filter={townId}
 *   VITE_PLATFORM_LINK_CONTAINER        e.g. https://dash.cloudflare.com/<acct>/containers/{instanceId}
 *   VITE_PLATFORM_LINK_TOWN_DO_LOGS     e.g. https://logs.example/query?do=TownDO&id={townId}
 * Placeholders: {townId}, {userId}, {instanceId}. Values are URL-encoded; only http(s) results are used.
 */
export const PLATFORM_LINKS = [
  { id: 'worker-logs', label: 'Worker logs', env: 'VITE_PLATFORM_LINK_WORKER_LOGS' },
  { id: 'container', label: 'Container instance', env: 'VITE_PLATFORM_LINK_CONTAINER' },
  { id: 'town-do-logs', label: 'TownDO logs', env: 'VITE_PLATFORM_LINK_TOWN_DO_LOGS' },
] as const;

export type PlatformLinkId = (typeof PLATFORM_LINKS)[number]['id'];

export interface PlatformLink {
  id: PlatformLinkId;
  label: string;
  href: string | null;
  /** Why the link is disabled, for its tooltip. */
  unavailable: string | null;
}

export type Templates = Partial<Record<(typeof PLATFORM_LINKS)[number]['env'], string | undefined>>;

export function fillTemplate(template: string, values: Record<string, string | null | undefined>): string | null {
  let missing = false;
  const filled = template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = values[key];
    if (!v) {
      missing = true;
      return '';
    }
    return encodeURIComponent(v);
  });
  if (missing) return null;
  try {
    const url = new URL(filled);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

export function buildPlatformLinks(
  templates: Templates,
  values: { townId: string; userId: string; instanceId: string | null },
): PlatformLink[] {
  return PLATFORM_LINKS.map(({ id, label, env }) => {
    const template = templates[env]?.trim();
    if (!template) return { id, label, href: null, unavailable: `Not configured: set ${env} to a URL template` };
    const href = fillTemplate(template, values);
    if (href) return { id, label, href, unavailable: null };
    const needsInstance = template.includes('{instanceId}') && !values.instanceId;
    return {
      id,
      label,
      href: null,
      unavailable: needsInstance ? 'The container has no running instance' : `${env} is not a valid http(s) URL template`,
    };
  });
}

/** The templates this build was configured with. */
export function configuredTemplates(): Templates {
  const env = import.meta.env as Record<string, string | undefined>;
  return Object.fromEntries(PLATFORM_LINKS.map((l) => [l.env, env[l.env]])) as Templates;
}
