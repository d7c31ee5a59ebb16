import { createBrowserRouter, data, Navigate, useLocation, type RouteObject } from 'react-router';
import type { User } from '../api';
import { isTownTab } from '../lib/paths';
import { NotFound, RouteError, type NotFoundData } from './route-error';
import { Shell } from './shell';
import { Loading } from '../components/states';

function UnknownPath() {
  const location = useLocation();
  return <NotFound what={`page ${location.pathname}`} />;
}

/**
 * Every route of the app. The paths are the deep-link contract with the host dashboard
 * (ARCHITECTURE.md): keep them stable. Inspectors load lazily with their heavy libraries.
 */
export function routes(admin: User): RouteObject[] {
  return [
    {
      element: <Shell admin={admin} />,
      errorElement: <RouteError />,
      // While the first route's code loads (lazy routes), instead of a blank page.
      HydrateFallback: () => <Loading label="Loading Gastown Admin" />,
      children: [
        { index: true, element: <Navigate to="/users" replace /> },
        {
          path: 'users',
          lazy: () => import('../pages/users-page').then((m) => ({ Component: m.UsersPage })),
          errorElement: <RouteError />,
        },
        {
          path: 'users/:userId',
          lazy: () => import('../pages/user-page').then((m) => ({ Component: m.UserPage })),
          errorElement: <RouteError />,
        },
        { path: 'towns/:townId', element: <Navigate to="state" replace /> },
        {
          path: 'towns/:townId/:tab',
          loader: ({ params }) => {
            // Not a Response: its statusText takes Latin-1 only, and the tab comes from the URL.
            if (!isTownTab(params.tab))
              throw data<NotFoundData>(
                { what: `town tab “${params.tab}”`, back: { to: `/towns/${params.townId}/state`, label: 'Open the town’s State tab' } },
                { status: 404 },
              );
            return null;
          },
          lazy: () => import('../pages/town-page').then((m) => ({ Component: m.TownPage })),
          errorElement: <RouteError />,
        },
        {
          path: 'towns/:townId/beads/:beadId',
          lazy: () => import('../pages/bead-page').then((m) => ({ Component: m.BeadPage })),
          errorElement: <RouteError />,
        },
        {
          path: 'towns/:townId/agents/:agentId',
          lazy: () => import('../pages/agent-page').then((m) => ({ Component: m.AgentPage })),
          errorElement: <RouteError />,
        },
        {
          path: 'audit',
          lazy: () => import('../pages/audit-page').then((m) => ({ Component: m.AuditPage })),
          errorElement: <RouteError />,
        },
        // Mock builds only: fixed-size graphs for the dependency-graph benchmark (tree-shaken otherwise).
        ...(__MOCK_API__
          ? [
              {
                path: '__fixtures/graph',
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
