import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { apiClient, sessionStore, setSessionToken } from '../../api';
import { App } from '../app';
import { PortalContainerContext } from '../../components/portal-container';
import { createQueryClient } from '../query-client';
import { followStylesheets } from './css-registry';
import { followRoutes, type EmbedHost, type EmbeddableRouter } from './embed-host';
import type { Theme } from './messages';

/** What a React host passes to `mount` (module-federation mode). */
export interface MountOptions {
  /** The host path the panel lives under, e.g. `/admin/users/usr_1/gastown`; deep links continue it. */
  basePath: string;
  /** Origin (and path prefix) of the admin API, '' for the host's own origin. */
  apiBase: string;
  /** The admin's token, from the host's session; called again when the API answers 401. */
  getToken: () => string | null | Promise<string | null>;
  /** Called with the in-app path (e.g. `/towns/<id>/state`) after every route change. */
  onNavigate?: (path: string) => void;
  theme?: Theme;
}

interface Mounted {
  element: HTMLElement;
  root: Root;
  /** The panel's own children of `element`: the React root and the portal container. */
  nodes: HTMLElement[];
  style: HTMLStyleElement;
  stopStyles: () => void;
  queryClient: ReturnType<typeof createQueryClient>;
  router: EmbeddableRouter | null;
}

/** The scope class the federation build prefixes every panel style with. */
export const SCOPE_CLASS = 'gastown-admin';

let mounted: Mounted | null = null;

function normalizeBasePath(basePath: string): string {
  if (!basePath.startsWith('/')) throw new Error(`gastown-admin mount: basePath must start with "/" (got "${basePath}")`);
  return basePath.replace(/\/+$/, '') || '/';
}

async function fetchToken(getToken: MountOptions['getToken']): Promise<string | null> {
  try {
    return (await getToken()) || null;
  } catch (error) {
    console.error('[gastown-admin embed] the host’s getToken() failed', error);
    return null;
  }
}

/**
 * Renders the panel into `element` inside the host's page. The router continues the host's URL
 * under `basePath` (so the deep link is in the address bar and back/forward work); the API is
 * called with the host's token only, kept in memory. The panel's stylesheets (scoped to the mount
 * element by the federation build) go into one <style> element that leaves with the panel.
 */
export function mountPanel(element: HTMLElement, options: MountOptions): void {
  if (mounted) throw new Error('gastown-admin mount: the panel is already mounted; call unmount() first');
  const basename = normalizeBasePath(options.basePath);

  const style = document.createElement('style');
  style.dataset.gastownAdmin = '';
  document.head.append(style);
  const stopStyles = followStylesheets((css) => style.append(document.createTextNode(`${css}\n`)));
  const app = document.createElement('div');
  const portals = document.createElement('div');
  portals.dataset.gastownAdminPortals = '';
  element.append(app, portals);
  element.classList.add(SCOPE_CLASS);
  element.dataset.embedded = 'federation';
  if (options.theme) element.dataset.theme = options.theme;

  apiClient.configure({ baseUrl: options.apiBase.replace(/\/+$/, ''), getToken: () => sessionStore.getState().token });
  sessionStore.setState({ token: null, source: 'none' });
  const state: Mounted = {
    element,
    root: createRoot(app),
    nodes: [app, portals],
    style,
    stopStyles,
    queryClient: createQueryClient(),
    router: null,
  };
  mounted = state;

  const host: EmbedHost = {
    kind: 'federation',
    waitingHint: 'The host page’s getToken() returned no admin token.',
    renewSession: () => fetchToken(options.getToken),
    connectRouter(router) {
      // A replaced router (the admin's session was renewed) stops listening to the host's history.
      if (state.router && state.router !== router) state.router.dispose();
      state.router = router;
      return followRoutes(router, basename, (path) => options.onNavigate?.(path));
    },
  };

  state.root.render(
    <StrictMode>
      <PortalContainerContext value={portals}>
        <App queryClient={state.queryClient} basename={basename} embed={host} />
      </PortalContainerContext>
    </StrictMode>,
  );
  void fetchToken(options.getToken).then((token) => {
    if (mounted === state && token) setSessionToken(token, 'host');
  });
}

/** Removes the panel and everything it added to the host's page: DOM, styles, history listeners, cached data. */
export function unmountPanel(element?: HTMLElement): void {
  const state = mounted;
  if (!state || (element && element !== state.element)) return;
  mounted = null;
  state.root.unmount();
  state.router?.dispose();
  state.queryClient.clear();
  for (const node of state.nodes) node.remove();
  state.stopStyles();
  state.style.remove();
  state.element.classList.remove(SCOPE_CLASS);
  if (state.element.classList.length === 0) state.element.removeAttribute('class');
  delete state.element.dataset.embedded;
  delete state.element.dataset.theme;
  sessionStore.setState({ token: null, source: 'none' });
}

/** Changes the theme of the mounted panel (the host's light/dark switch). */
export function setPanelTheme(theme: Theme): void {
  if (mounted) mounted.element.dataset.theme = theme;
}
