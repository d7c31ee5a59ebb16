import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, endpoints, queryKeys } from '../../../api';

export const userSearchQuery = (q: string) =>
  queryOptions({
    queryKey: queryKeys.userSearch(q),
    queryFn: ({ signal }) => apiClient.get(endpoints.searchUsers(q), signal),
    enabled: q.trim().length > 0,
    staleTime: 60_000,
  });

export const useUserSearch = (q: string) => useQuery(userSearchQuery(q));

export const userQuery = (userId: string) =>
  queryOptions({ queryKey: queryKeys.user(userId), queryFn: ({ signal }) => apiClient.get(endpoints.user(userId), signal) });

export const useUser = (userId: string) => useQuery(userQuery(userId));
