import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, queryKeys } from '../api';

/**
 * Retries only what may succeed on retry (timeouts, offline, 5xx), twice.
 * A 401 anywhere re-checks the session, which swaps the app for the "session expired" page.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isApiError(error) && error.status === 401 && query.queryKey[1] !== 'session') {
          void client.invalidateQueries({ queryKey: queryKeys.session() });
        }
      },
    }),
    defaultOptions: {
      queries: {
        retry: (count, error) => isApiError(error) && error.retryable && count < 2,
        retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 5000),
        staleTime: 15_000,
        refetchOnWindowFocus: false,
      },
    },
  });
  return client;
}
