import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, endpoints, queryKeys } from '../../../api';

export const townQuery = (townId: string) =>
  queryOptions({ queryKey: queryKeys.townSummary(townId), queryFn: ({ signal }) => apiClient.get(endpoints.town(townId), signal) });

export const useTown = (townId: string) => useQuery(townQuery(townId));
