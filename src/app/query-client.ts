import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, queryKeys } from '../api';

/**
 * Retries only what may succeed on retry (timeouts, offline, 5xx), twice.
 * A 401 anywhere (a read or an intervention) re-checks the session, which puts the "session expired"
 * prompt over the page (the page and its unsaved drafts stay; see SessionGate).
 */
export function createQueryClient(): QueryClient {
  const recheckSession = () => void client.invalidateQueries({ queryKey: queryKeys.session() });
  const client: QueryClient = new QueryClient({
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isApiError(error) && error.status === 401) recheckSession();
      },
    }),
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isApiError(error) && error.status === 401 && query.queryKey[1] !== 'session') {
          recheckSession();
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
