import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, endpoints, queryKeys } from '../../../api';

export const agentQuery = (townId: string, agentId: string) =>
  queryOptions({ queryKey: queryKeys.agent(townId, agentId), queryFn: ({ signal }) => apiClient.get(endpoints.agent(townId, agentId), signal) });

export const useAgent = (townId: string, agentId: string) => useQuery(agentQuery(townId, agentId));
