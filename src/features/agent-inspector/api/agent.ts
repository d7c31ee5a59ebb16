import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, endpoints, queryKeys, type SdkEventQuery } from '../../../api';
import { LIVE_QUERY, useRefetchInterval } from '../../../lib/live-refresh';

export const agentQuery = (townId: string, agentId: string) =>
  queryOptions({
    queryKey: queryKeys.agent(townId, agentId),
    queryFn: ({ signal }) => apiClient.get(endpoints.agent(townId, agentId), signal),
  });

/** The agent's status, history and stream size: live while the page is visible. */
export const useAgent = (townId: string, agentId: string) =>
  useQuery({ ...agentQuery(townId, agentId), ...LIVE_QUERY, refetchInterval: useRefetchInterval() });

/** One event's full payload, fetched when its row is expanded (payloads are never bulk-loaded). */
export const agentEventQuery = (townId: string, agentId: string, eventId: number) =>
  queryOptions({
    queryKey: queryKeys.agentEvent(townId, agentId, eventId),
    queryFn: ({ signal }) => apiClient.get(endpoints.agentEvent(townId, agentId, eventId), signal),
    // An event never changes once written.
    staleTime: Infinity,
  });

export const useAgentEvent = (townId: string, agentId: string, eventId: number) => useQuery(agentEventQuery(townId, agentId, eventId));

/** A page of full events: the newest ones (Mayor conversation) or a server-side search (`q`). */
export const agentEventsQuery = (townId: string, agentId: string, query: SdkEventQuery) =>
  queryOptions({
    queryKey: queryKeys.agentEvents(townId, agentId, query),
    queryFn: ({ signal }) => apiClient.get(endpoints.agentEvents(townId, agentId, query), signal),
  });

export const useAgentEvents = (townId: string, agentId: string, query: SdkEventQuery, enabled = true) =>
  useQuery({ ...agentEventsQuery(townId, agentId, query), enabled, placeholderData: keepPreviousData });

/** The newest page (the Mayor's conversation), live while the page is visible. */
export const useLiveAgentEvents = (townId: string, agentId: string, query: SdkEventQuery) =>
  useQuery({
    ...agentEventsQuery(townId, agentId, query),
    ...LIVE_QUERY,
    refetchInterval: useRefetchInterval(),
    placeholderData: keepPreviousData,
  });
