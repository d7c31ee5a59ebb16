import { useMemo } from 'react';
import { buildPlatformLinks, configuredTemplates, type Templates } from '../model/platform-links';

/** Links to the platform's own logs and consoles; disabled with the reason when not configured. */
export function PlatformLinks({
  townId,
  userId,
  instanceId,
  templates,
}: {
  townId: string;
  userId: string;
  instanceId: string | null;
  templates?: Templates;
}) {
  const links = useMemo(
    () => buildPlatformLinks(templates ?? configuredTemplates(), { townId, userId, instanceId }),
    [templates, townId, userId, instanceId],
  );
  return (
    <nav className="platform-links" aria-label="Platform links">
      <span className="muted small">Platform:</span>
      {links.map((l) =>
        l.href ? (
          <a key={l.id} className="button button-small" href={l.href} target="_blank" rel="noopener noreferrer">
            {l.label} ↗
          </a>
        ) : (
          // A disabled link has no href; the reason is its tooltip and its accessible description.
          <span
            key={l.id}
            className="button button-small platform-link-disabled"
            role="link"
            aria-disabled="true"
            title={l.unavailable ?? undefined}
            tabIndex={0}
          >
            {l.label}
            <span className="visually-hidden"> ({l.unavailable})</span>
          </span>
        ),
      )}
    </nav>
  );
}
