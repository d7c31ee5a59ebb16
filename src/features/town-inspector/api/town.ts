import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, endpoints, queryKeys } from '../../../api';
import { LIVE_QUERY, useRefetchInterval } from '../../../lib/live-refresh';

export const townQuery = (townId: string) =>
  queryOptions({ queryKey: queryKeys.townSummary(townId), queryFn: ({ signal }) => apiClient.get(endpoints.town(townId), signal) });

/** The town summary behind the header and its health findings; polls while live refresh is on. */
export const useTown = (townId: string) => useQuery({ ...townQuery(townId), ...LIVE_QUERY, refetchInterval: useRefetchInterval() });
