import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { RouterProvider } from 'react-router';
import type { User } from '../api';
import { createRouter } from './router';
import { SessionGate } from './session-gate';

function AdminRouter({ admin, basename }: { admin: User; basename: string }) {
  const router = useMemo(() => createRouter(admin, basename), [admin, basename]);
  return <RouterProvider router={router} />;
}

/** The whole app: query client, session gate, router. */
export function App({ queryClient, basename }: { queryClient: QueryClient; basename: string }) {
  return (
    <QueryClientProvider client={queryClient}>
      <SessionGate>{(admin) => <AdminRouter admin={admin} basename={basename} />}</SessionGate>
    </QueryClientProvider>
  );
}
