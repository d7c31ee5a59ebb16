import { useQuery } from '@tanstack/react-query';
import { apiClient, endpoints, queryKeys } from '../../../api';
import { LIVE_QUERY, useRefetchInterval } from '../../../lib/live-refresh';

/** How the town is recovering after one intervention: live until the verdict is in, then still. */
export function useRecoveryWatch(townId: string, auditId: string) {
  const interval = useRefetchInterval();
  return useQuery({
    queryKey: queryKeys.recovery(townId, auditId),
    queryFn: ({ signal }) => apiClient.get(endpoints.recovery(townId, auditId), signal),
    ...LIVE_QUERY,
    refetchInterval: (q) => (q.state.data?.observation ? false : interval),
  });
}
