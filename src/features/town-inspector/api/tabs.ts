import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, endpoints, queryKeys } from '../../../api';
import { LIVE_QUERY, useRefetchInterval } from '../../../lib/live-refresh';

export const agentsQuery = (townId: string) =>
  queryOptions({ queryKey: queryKeys.agents(townId), queryFn: ({ signal }) => apiClient.get(endpoints.agents(townId), signal) });
export const reviewQueueQuery = (townId: string) =>
  queryOptions({ queryKey: queryKeys.reviewQueue(townId), queryFn: ({ signal }) => apiClient.get(endpoints.reviewQueue(townId), signal) });
export const containerQuery = (townId: string) =>
  queryOptions({ queryKey: queryKeys.container(townId), queryFn: ({ signal }) => apiClient.get(endpoints.container(townId), signal) });
export const configQuery = (townId: string) =>
  queryOptions({ queryKey: queryKeys.config(townId), queryFn: ({ signal }) => apiClient.get(endpoints.config(townId), signal) });

/** The tab queries poll while live refresh is on. */
export const useAgents = (townId: string) => useQuery({ ...agentsQuery(townId), ...LIVE_QUERY, refetchInterval: useRefetchInterval() });
export const useReviewQueue = (townId: string) =>
  useQuery({ ...reviewQueueQuery(townId), ...LIVE_QUERY, refetchInterval: useRefetchInterval() });
export const useContainer = (townId: string) =>
  useQuery({ ...containerQuery(townId), ...LIVE_QUERY, refetchInterval: useRefetchInterval() });
export const useTownConfig = (townId: string) => useQuery({ ...configQuery(townId), ...LIVE_QUERY, refetchInterval: useRefetchInterval() });

export const costQuery = (townId: string) =>
  queryOptions({ queryKey: queryKeys.cost(townId), queryFn: ({ signal }) => apiClient.get(endpoints.cost(townId), signal) });
export const useTownCost = (townId: string) => useQuery({ ...costQuery(townId), ...LIVE_QUERY, refetchInterval: useRefetchInterval() });
