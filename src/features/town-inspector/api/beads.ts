import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apiClient, endpoints, queryKeys, type BeadListQuery } from '../../../api';
import { LIVE_QUERY, useRefetchInterval } from '../../../lib/live-refresh';

/** 1000 is the API's page cap: a 10k-bead town loads in ~10 requests. */
export const BEAD_PAGE_SIZE = 1000;
// Oldest first, so beads created while paging land on the last page instead of shifting the earlier ones.
const ALL_BEADS: BeadListQuery = { sort: 'created_at', limit: BEAD_PAGE_SIZE };

export const allBeadsQuery = (townId: string) =>
  infiniteQueryOptions({
    queryKey: queryKeys.beads(townId, ALL_BEADS),
    queryFn: ({ pageParam, signal }) => apiClient.get(endpoints.beads(townId, { ...ALL_BEADS, cursor: pageParam }), signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });

/** Every bead of the town: pages through the list until all are loaded, and polls while live refresh is on. */
export function useAllBeads(townId: string) {
  // A 10k-bead town is ~10 pages, asked again one by one (each a 304 while nothing changed): poll it
  // less often than the small tabs.
  const interval = useRefetchInterval(5_000);
  const query = useInfiniteQuery({ ...allBeadsQuery(townId), ...LIVE_QUERY, refetchInterval: interval });
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isError, fetchNextPage]);
  return query;
}
