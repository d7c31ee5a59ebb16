import { infiniteQueryOptions, keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, endpoints, queryKeys, type SdkEventQuery } from '../../../api';

export const beadQuery = (townId: string, beadId: string) =>
  queryOptions({
    queryKey: queryKeys.bead(townId, beadId),
    queryFn: ({ signal }) => apiClient.get(endpoints.bead(townId, beadId), signal),
  });

export const useBead = (townId: string, beadId: string) => useQuery(beadQuery(townId, beadId));

export const beadEventsQuery = (townId: string, beadId: string) =>
  queryOptions({
    queryKey: queryKeys.beadEvents(townId, beadId),
    queryFn: ({ signal }) => apiClient.get(endpoints.beadEvents(townId, beadId), signal),
  });

export const useBeadEvents = (townId: string, beadId: string) => useQuery(beadEventsQuery(townId, beadId));

/** The dependency neighbourhood of `focusId`; `depth` null means the whole connected graph. */
export const beadGraphQuery = (townId: string, focusId: string, depth: number | null) =>
  queryOptions({
    queryKey: queryKeys.beadGraph(townId, focusId, depth),
    queryFn: ({ signal }) => apiClient.get(endpoints.beadGraph(townId, focusId, depth), signal),
  });

/** Keeps the previous graph on screen while a new focus or depth loads, so the canvas never blanks. */
export const useBeadGraph = (townId: string, focusId: string, depth: number | null) =>
  useQuery({ ...beadGraphQuery(townId, focusId, depth), placeholderData: keepPreviousData });

/** Agent names for actors in the history (bead events carry only agent ids). */
export const agentsQuery = (townId: string) =>
  queryOptions({ queryKey: queryKeys.agents(townId), queryFn: ({ signal }) => apiClient.get(endpoints.agents(townId), signal) });

export const useAgents = (townId: string) => useQuery(agentsQuery(townId));

/** 500 = AgentDO's page cap. */
export const CONVERSATION_PAGE = 500;

/** An agent's SDK events inside one assignment window, oldest first, a page at a time. */
export const conversationQuery = (townId: string, agentId: string, window: { since: string; until: string | null }) =>
  infiniteQueryOptions({
    queryKey: [...queryKeys.agentEvents(townId, agentId), 'window', window.since, window.until] as const,
    initialPageParam: 0,
    queryFn: ({ signal, pageParam }) => {
      const query: SdkEventQuery = { since: window.since, after: pageParam, limit: CONVERSATION_PAGE };
      if (window.until) query.until = window.until;
      return apiClient.get(endpoints.agentEvents(townId, agentId, query), signal);
    },
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });

/** The town (for rig names); same key and endpoint as the Town Inspector's, so the cache is shared. */
export const townDetailQuery = (townId: string) =>
  queryOptions({ queryKey: queryKeys.townSummary(townId), queryFn: ({ signal }) => apiClient.get(endpoints.town(townId), signal) });

export const useTownDetail = (townId: string) => useQuery(townDetailQuery(townId));
