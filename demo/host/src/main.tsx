import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { Theme } from '../../../src/app/embed/messages';
import { USERS } from '../../../scenarios/users';
import { FederatedPanel } from './federated-panel';
import { IframePanel } from './iframe-panel';
import { basePath, hostUrl, parseHostLocation, type EmbedMode, type HostLocation } from './location';
import { PERSONAS, readPersona, storePersona, type PersonaId } from './personas';
import './host.css';

const PANEL_ORIGIN = __DEMO_PANEL_ORIGIN__;

function useHostLocation(): [HostLocation, (next: HostLocation, how: 'push' | 'replace') => void] {
  const [location, setLocation] = useState(() => parseHostLocation(window.location));
  useEffect(() => {
    const onPop = () => setLocation(parseHostLocation(window.location));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const go = useCallback((next: HostLocation, how: 'push' | 'replace') => {
    const url = hostUrl(next);
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
      if (how === 'push') history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }
    setLocation(next);
  }, []);
  return [location, go];
}

function customer(userId: string) {
  return Object.values(USERS).find((u) => u.id === userId) ?? { id: userId, name: 'Unknown user', email: '—', created_at: null };
}

/** A stand-in for Kilo's admin dashboard: the user detail page, with the Gastown section embedded. */
function HostPage() {
  const [location, go] = useHostLocation();
  const [personaId, setPersonaId] = useState<PersonaId>(readPersona);
  const [theme, setTheme] = useState<Theme>('light');
  const [open, setOpen] = useState(true);
  const persona = PERSONAS[personaId];
  const user = customer(location.userId);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  // The panel's deep link becomes this page's address (replace: the panel's own history has the entries).
  const onIframeRoute = useCallback((inner: string) => go({ ...location, mode: 'iframe', inner }, 'replace'), [go, location]);
  // Federated, the panel's router already wrote the URL; keep this page's state in step.
  const onFederatedRoute = useCallback((inner: string) => go({ ...location, mode: 'federation', inner }, 'replace'), [go, location]);

  const switchMode = (mode: EmbedMode) => go({ ...location, mode }, 'push');

  return (
    <div className="host">
      <aside className="host-nav" aria-label="Kilo Admin">
        <div className="host-logo">Kilo Admin</div>
        <nav>
          <a className="active" href={`/admin/users/${location.userId}`}>
            Users
          </a>
          <span>Organizations</span>
          <span>Billing</span>
          <span>Feature flags</span>
          <span>Abuse reports</span>
        </nav>
      </aside>
      <div className="host-main">
        <header className="host-top">
          <nav className="host-crumbs" aria-label="Breadcrumb">
            <span>Users</span> / <strong>{user.name}</strong>
          </nav>
          <span className="host-spacer" />
          <label className="host-field">
            Signed in as
            <select
              aria-label="Signed in as"
              value={personaId}
              onChange={(e) => {
                const next = e.target.value as PersonaId;
                storePersona(next);
                setPersonaId(next);
              }}
            >
              {Object.values(PERSONAS).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="host-button" onClick={() => setTheme(theme === 'light' ? 'dark' : 'light')}>
            {theme === 'light' ? 'Dark theme' : 'Light theme'}
          </button>
        </header>

        <section className="host-card host-user" aria-label="User">
          <div className="host-avatar" aria-hidden="true">
            {user.name
              .split(' ')
              .map((w) => w[0])
              .join('')
              .slice(0, 2)}
          </div>
          <div>
            <h1>{user.name}</h1>
            <p className="host-muted">
              {user.email} · <code>{user.id}</code>
            </p>
          </div>
          <dl className="host-facts">
            <div>
              <dt>Plan</dt>
              <dd>Teams</dd>
            </div>
            <div>
              <dt>Credits</dt>
              <dd>$412.80</dd>
            </div>
            <div>
              <dt>Joined</dt>
              <dd>
                {user.created_at
                  ? new Date(user.created_at).toLocaleDateString('en-GB', { year: 'numeric', month: 'short', day: 'numeric' })
                  : '—'}
              </dd>
            </div>
          </dl>
        </section>

        <section className="host-card host-gastown" aria-labelledby="gastown-heading">
          <div className="host-section-head">
            <h2 id="gastown-heading">Gastown</h2>
            <div className="host-segmented" role="group" aria-label="Embedded by">
              <button type="button" aria-pressed={location.mode === 'iframe'} onClick={() => switchMode('iframe')}>
                iframe
              </button>
              <button type="button" aria-pressed={location.mode === 'federation'} onClick={() => switchMode('federation')}>
                module federation
              </button>
            </div>
            <span className="host-spacer" />
            <code className="host-deeplink" data-testid="inner-path" title="The panel's deep link">
              {location.inner}
            </code>
            <button type="button" className="host-button" aria-expanded={open} onClick={() => setOpen(!open)}>
              {open ? 'Hide' : 'Show'}
            </button>
          </div>
          {open ? (
            location.mode === 'iframe' ? (
              <IframePanel
                key={persona.id}
                panelOrigin={PANEL_ORIGIN}
                initialPath={location.inner}
                persona={persona}
                theme={theme}
                onRoute={onIframeRoute}
              />
            ) : (
              <FederatedPanel
                key={persona.id}
                basePath={basePath(location.userId, 'federation')}
                apiBase={PANEL_ORIGIN}
                persona={persona}
                theme={theme}
                onRoute={onFederatedRoute}
              />
            )
          ) : (
            <p className="host-muted">The Gastown section is hidden.</p>
          )}
        </section>
      </div>
    </div>
  );
}

// Federated, the panel starts from this page's URL: make sure it names the inner view.
const initial = parseHostLocation(window.location);
history.replaceState(null, '', hostUrl(initial));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <HostPage />
  </StrictMode>,
);
