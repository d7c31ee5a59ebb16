import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { apiClient, setSessionToken } from '../api';
import { routes } from '../app/router';
import { ActionDialogHost } from '../features/interventions';
import { USERS } from '../../scenarios/users';
import { getStore } from '../mocks/handlers';

export const TEST_API_BASE = 'http://localhost';

/** Points the app's client at MSW with a token (the dev admin's unless told otherwise). */
export function configureTestApi(token: string | null = 'dev-admin-token') {
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
 * Renders the real app routes at `url` through the real providers, on MSW's scenario towns.
 * Component tests assert what an operator sees, not implementation details.
 */
export function renderApp(url: string, options: { token?: string | null; routes?: RouteObject[] } = {}) {
  configureTestApi(options.token === undefined ? 'dev-admin-token' : options.token);
  const queryClient = createTestQueryClient();
  const router = createMemoryRouter(options.routes ?? routes(USERS.admin), { initialEntries: [url] });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, router, queryClient };
}

/** Renders a single component with a query client, router and intervention dialog host (for feature components). */
export function renderWithProviders(ui: ReactElement, url = '/') {
  configureTestApi();
  const queryClient = createTestQueryClient();
  const router = createMemoryRouter([{ path: '*', element: <ActionDialogHost>{ui}</ActionDialogHost> }], { initialEntries: [url] });
  return {
    ...render(
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    ),
    router,
    queryClient,
  };
}

/** Scenario town by name from the MSW store (ids are stable for the store's anchor time). */
export function scenarioTown(name: string) {
  const town = getStore().world.towns.find((t) => t.town.name === name);
  if (!town) throw new Error(`no scenario town named ${name}`);
  return town;
}
