import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, endpoints, queryKeys } from '../../../api';

export const userTownsQuery = (userId: string) =>
  queryOptions({ queryKey: queryKeys.userTowns(userId), queryFn: ({ signal }) => apiClient.get(endpoints.userTowns(userId), signal) });

export const useUserTowns = (userId: string) => useQuery(userTownsQuery(userId));

export const userRigsQuery = (userId: string) =>
  queryOptions({ queryKey: queryKeys.userRigs(userId), queryFn: ({ signal }) => apiClient.get(endpoints.userRigs(userId), signal) });

export const useUserRigs = (userId: string) => useQuery(userRigsQuery(userId));
