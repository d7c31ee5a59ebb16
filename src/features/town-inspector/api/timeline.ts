import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient, endpoints, queryKeys, type TimelineQuery } from '../../../api';
import { LIVE_QUERY, useRefetchInterval } from '../../../lib/live-refresh';

/** Rows per "load older" page (the API's cap). */
export const TIMELINE_PAGE_SIZE = 1000;

export const timelineQuery = (townId: string, query: TimelineQuery) =>
  infiniteQueryOptions({
    queryKey: queryKeys.timeline(townId, query),
    queryFn: ({ pageParam, signal }) => apiClient.get(endpoints.timeline(townId, { ...query, before: pageParam }), signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });

/** Newest first; older pages load on demand. Polls only while one page is loaded, so "load older" state is never refetched under the reader. */
export function useTimeline(townId: string, query: TimelineQuery) {
  const interval = useRefetchInterval();
  return useInfiniteQuery({
    ...timelineQuery(townId, query),
    ...LIVE_QUERY,
    refetchInterval: (q) => (interval && (q.state.data?.pages.length ?? 0) <= 1 ? interval : false),
  });
}
