import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, endpoints, queryKeys, type CompareKind } from '../../../api';
import { LIVE_QUERY, useRefetchInterval } from '../../../lib/live-refresh';

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
/** Live while the page is visible: a restarted agent's new session goes from starting to running here too. */
export const useSessions = (townId: string, agentId?: string) =>
  useQuery({ ...sessionsQuery(townId, agentId), ...LIVE_QUERY, refetchInterval: useRefetchInterval() });
