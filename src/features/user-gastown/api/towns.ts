import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, endpoints, queryKeys } from '../../../api';
import { LIVE_QUERY, useRefetchInterval } from '../../../lib/live-refresh';

export const userTownsQuery = (userId: string) =>
  queryOptions({ queryKey: queryKeys.userTowns(userId), queryFn: ({ signal }) => apiClient.get(endpoints.userTowns(userId), signal) });

/** The towns with their health: live while the page is visible. */
export const useUserTowns = (userId: string) =>
  useQuery({ ...userTownsQuery(userId), ...LIVE_QUERY, refetchInterval: useRefetchInterval() });

export const userRigsQuery = (userId: string) =>
  queryOptions({ queryKey: queryKeys.userRigs(userId), queryFn: ({ signal }) => apiClient.get(endpoints.userRigs(userId), signal) });

export const useUserRigs = (userId: string) => useQuery(userRigsQuery(userId));
