import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { onTestFinished } from 'vitest';
import { apiClient, sessionStore, setSessionToken } from '../api';
import { App } from '../app/app';
import type { EmbedHost } from '../app/embed/embed-host';
import { createQueryClient } from '../app/query-client';
import { routes } from '../app/router';
import { ActionDialogHost } from '../features/interventions';
import { USERS } from '../../scenarios/users';
import { getStore } from '../mocks/handlers';
import { DEV_TOKENS } from './tokens';

export const TEST_API_BASE = 'http://localhost';

/** Points the app's client at MSW with a token (the dev admin's unless told otherwise). */
export function configureTestApi(token: string | null = DEV_TOKENS.admin) {
  // Build MSW's world before the UI mounts: its anchor time (whole seconds) then never lies after
  // the UI's clock, which would make "stalled 47 min" read "46 min" when a second ticks in between.
  getStore();
  if (token) setSessionToken(token);
  apiClient.configure({ baseUrl: TEST_API_BASE, getToken: () => token, timeoutMs: 2_000 });
}

export function createTestQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity, gcTime: Infinity } } });
}

/**
 * Gives every element a 1000×600 client box (jsdom lays nothing out, and virtualizers measure their
 * scroll element) and a `scrollTo` that moves `scrollTop`. Returns the restore.
 */
export function stubLayout(): () => void {
  const proto = HTMLElement.prototype;
  const saved = {
    h: Object.getOwnPropertyDescriptor(proto, 'clientHeight'),
    w: Object.getOwnPropertyDescriptor(proto, 'clientWidth'),
    scrollTo: Element.prototype.scrollTo,
  };
  Object.defineProperty(proto, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(proto, 'clientWidth', { configurable: true, get: () => 1000 });
  Element.prototype.scrollTo = function scrollTo(this: Element, options?: ScrollToOptions | number) {
    if (typeof options === 'object' && options.top !== undefined) this.scrollTop = options.top;
  } as Element['scrollTo'];
  return () => {
    if (saved.h) Object.defineProperty(proto, 'clientHeight', saved.h);
    if (saved.w) Object.defineProperty(proto, 'clientWidth', saved.w);
    Element.prototype.scrollTo = saved.scrollTo;
  };
}

export interface RenderAppOptions {
  /** The session token (the dev admin's by default; null for none). */
  token?: string | null;
  /** Routes instead of the app's own (`routes(USERS.admin)`). */
  routes?: RouteObject[];
  /**
   * Renders this element alone (a feature component, no shell) at the route `path` (any path by
   * default), inside the intervention dialog host the shell would provide.
   */
  element?: ReactElement;
  path?: string;
  /** Stubs layout (`stubLayout`) for this test, for components that virtualize; restored when the test ends. */
  layout?: boolean;
  /**
   * Renders the whole app as `main.tsx` starts it when a dashboard embeds it: session gate, browser
   * router at `url`, and the token handed over by the host (`token`, or none).
   */
  embed?: EmbedHost;
  /**
   * Renders the whole app as `main.tsx` starts it standalone: the app's own query client, session
   * gate and browser router at `url`, the session token read from the session store per request.
   */
  standalone?: boolean;
}

/**
 * The one render helper of component tests: the real app routes at `url` through the real providers,
 * on MSW's scenario towns (or, with options, a single feature component, or the embedded app).
 * Component tests assert what an operator sees, not implementation details.
 */
export function renderApp(url: string, options: RenderAppOptions & { embed: EmbedHost }): RenderResult & { queryClient: QueryClient };
export function renderApp(url: string, options: RenderAppOptions & { standalone: true }): RenderResult & { queryClient: QueryClient };
export function renderApp(
  url: string,
  options?: RenderAppOptions & { embed?: undefined; standalone?: false },
): ReturnType<typeof renderInRouter>;
export function renderApp(url: string, options: RenderAppOptions = {}) {
  if (options.layout) onTestFinished(stubLayout());
  const queryClient = createTestQueryClient();
  if (options.embed) return { ...renderEmbedded(url, options.embed, options.token ?? null, queryClient), queryClient };
  if (options.standalone) return renderStandalone(url, options.token === undefined ? DEV_TOKENS.admin : options.token);
  configureTestApi(options.token === undefined ? DEV_TOKENS.admin : options.token);
  const routeObjects = options.element
    ? [{ path: options.path ?? '*', element: <ActionDialogHost>{options.element}</ActionDialogHost> }]
    : (options.routes ?? routes(USERS.admin));
  return renderInRouter(url, routeObjects, queryClient);
}

function renderInRouter(url: string, routeObjects: RouteObject[], queryClient: QueryClient) {
  const router = createMemoryRouter(routeObjects, { initialEntries: [url] });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  /** The query string the router shows now, parsed. */
  const search = () => new URLSearchParams(router.state.location.search);
  return { ...view, router, queryClient, search };
}

function renderEmbedded(url: string, host: EmbedHost, token: string | null, queryClient: QueryClient) {
  configureTestApi(null);
  // As in the app: every request carries the token the host handed over, read when it is sent.
  apiClient.configure({ getToken: () => sessionStore.getState().token });
  sessionStore.setState({ token, source: token ? 'host' : 'none' });
  window.history.replaceState(null, '', url);
  return render(<App queryClient={queryClient} basename="/" embed={host} />);
}

function renderStandalone(url: string, token: string | null) {
  configureTestApi(null);
  apiClient.configure({ getToken: () => sessionStore.getState().token });
  if (token) setSessionToken(token);
  window.history.replaceState(null, '', url);
  const queryClient = createQueryClient();
  return { ...render(<App queryClient={queryClient} basename="/" />), queryClient };
}

/** Scenario town by name from the MSW store (ids are stable for the store's anchor time). */
export function scenarioTown(name: string) {
  const town = getStore().world.towns.find((t) => t.town.name === name);
  if (!town) throw new Error(`no scenario town named ${name}`);
  return town;
}
