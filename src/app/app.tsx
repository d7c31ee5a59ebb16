import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { RouterProvider } from 'react-router';
import type { User } from '../api';
import { EmbedContext, useEmbedHost, type EmbedHost } from './embed/embed-host';
import { createRouter } from './router';
import { SessionGate } from './session-gate';

function AdminRouter({ admin, basename }: { admin: User; basename: string }) {
  const router = useMemo(() => createRouter(admin, basename), [admin, basename]);
  const embed = useEmbedHost();
  useEffect(() => embed?.connectRouter(router), [embed, router]);
  return <RouterProvider router={router} />;
}

/** The whole app: query client, session gate, router; `embed` when a dashboard hosts it. */
export function App({ queryClient, basename, embed = null }: { queryClient: QueryClient; basename: string; embed?: EmbedHost | null }) {
  return (
    <EmbedContext value={embed}>
      <QueryClientProvider client={queryClient}>
        <SessionGate>{(admin) => <AdminRouter admin={admin} basename={basename} />}</SessionGate>
      </QueryClientProvider>
    </EmbedContext>
  );
}
