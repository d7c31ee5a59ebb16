import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, endpoints, queryKeys, type CompareKind } from '../../../api';

/** Two runs side by side; read once (a comparison is looked at, not watched). */
export const compareQuery = (townId: string, kind: CompareKind, a: string, b: string) =>
  queryOptions({
    queryKey: queryKeys.compare(townId, kind, a, b),
    queryFn: ({ signal }) => apiClient.get(endpoints.compare(townId, kind, a, b), signal),
  });
export const useCompare = (townId: string, kind: CompareKind, a: string, b: string) => useQuery(compareQuery(townId, kind, a, b));

/** The town's agent sessions newest first, or one agent's. */
export const sessionsQuery = (townId: string, agentId?: string) =>
  queryOptions({
    queryKey: queryKeys.sessions(townId, agentId),
    queryFn: ({ signal }) => apiClient.get(endpoints.sessions(townId, agentId ? { agent_id: agentId } : {}), signal),
  });
export const useSessions = (townId: string, agentId?: string) => useQuery(sessionsQuery(townId, agentId));
