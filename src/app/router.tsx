import { createBrowserRouter, data, Navigate, useLocation, type RouteObject } from 'react-router';
import type { User } from '../api';
import { isTownTab, paths } from '../lib/paths';
import { NotFound, RouteError, type NotFoundData } from './route-error';
import { Shell } from './shell';
import { Loading } from '../components/states';

function UnknownPath() {
  const location = useLocation();
  return <NotFound what={`page ${location.pathname}`} />;
}

/**
 * Every route of the app, each at its pattern from `paths` (lib/paths.ts), the same table every link
 * is built from. The paths are the deep-link contract with the host dashboard (ARCHITECTURE.md): keep
 * them stable. Inspectors load lazily with their heavy libraries.
 */
export function routes(admin: User): RouteObject[] {
  return [
    {
      element: <Shell admin={admin} />,
      errorElement: <RouteError />,
      // While the first route's code loads (lazy routes), instead of a blank page.
      HydrateFallback: () => <Loading label="Loading Gastown Admin" />,
      children: [
        { path: paths.home.path, element: <Navigate to={paths.users.getHref()} replace /> },
        {
          path: paths.users.path,
          lazy: () => import('../pages/users-page').then((m) => ({ Component: m.UsersPage })),
          errorElement: <RouteError />,
        },
        {
          path: paths.user.path,
          lazy: () => import('../pages/user-page').then((m) => ({ Component: m.UserPage })),
          errorElement: <RouteError />,
        },
        { path: paths.townRoot.path, element: <Navigate to="state" replace /> },
        {
          path: paths.townSearch.path,
          lazy: () => import('../pages/town-search-page').then((m) => ({ Component: m.TownSearchPage })),
          errorElement: <RouteError />,
        },
        {
          path: paths.compare.path,
          lazy: () => import('../pages/compare-page').then((m) => ({ Component: m.ComparePage })),
          errorElement: <RouteError />,
        },
        {
          path: paths.town.path,
          loader: ({ params }) => {
            // Not a Response: its statusText takes Latin-1 only, and the tab comes from the URL.
            if (!isTownTab(params.tab))
              throw data<NotFoundData>(
                {
                  what: `town tab “${params.tab}”`,
                  back: { to: paths.town.getHref(params.townId ?? '', 'state'), label: 'Open the town’s State tab' },
                },
                { status: 404 },
              );
            return null;
          },
          lazy: () => import('../pages/town-page').then((m) => ({ Component: m.TownPage })),
          errorElement: <RouteError />,
        },
        {
          path: paths.bead.path,
          lazy: () => import('../pages/bead-page').then((m) => ({ Component: m.BeadPage })),
          errorElement: <RouteError />,
        },
        {
          path: paths.agent.path,
          lazy: () => import('../pages/agent-page').then((m) => ({ Component: m.AgentPage })),
          errorElement: <RouteError />,
        },
        {
          path: paths.audit.path,
          lazy: () => import('../pages/audit-page').then((m) => ({ Component: m.AuditPage })),
          errorElement: <RouteError />,
        },
        // Mock builds only: fixed-size graphs for the dependency-graph benchmark (tree-shaken otherwise).
        ...(__MOCK_API__
          ? [
              {
                path: paths.graphFixture.path,
                lazy: () => import('../pages/graph-fixture-page').then((m) => ({ Component: m.GraphFixturePage })),
              },
            ]
          : []),
        { path: '*', element: <UnknownPath /> },
      ],
    },
  ];
}

export function createRouter(admin: User, basename: string) {
  return createBrowserRouter(routes(admin), { basename });
}
