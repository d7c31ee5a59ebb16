import { useQueryClient, type Query, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

/** After this long without an answer a loading state says so and offers Cancel and Retry. */
export const WAIT_NOTICE_MS = 10_000;

/** What a loading state needs of its query (a `useQuery` or `useInfiniteQuery` result). */
export type WaitingQuery = Pick<UseQueryResult, 'refetch' | 'failureCount'>;

/**
 * A request that has not answered in WAIT_NOTICE_MS: "Still waiting (20 s)…" with Cancel and Retry.
 * Before, a hung endpoint spun 65–70 s (a 20 s timeout, tried three times) before any word.
 * Cancel aborts the request (the rest of the page stays as shown) and says so, with Retry.
 */
export function useWaiting(query: WaitingQuery | undefined) {
  const client = useQueryClient();
  const [since, setSince] = useState(() => Date.now());
  const [now, setNow] = useState(since);
  const [cancelled, setCancelled] = useState(false);
  const waiting = query !== undefined && !cancelled;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [waiting]);
  if (!query) return null;
  // The query behind this result: its observer's bound `refetch` is the result's `refetch`, so the
  // component needs no query key to cancel exactly its own request.
  const own = (q: Query) => q.observers.some((o) => o.refetch === query.refetch);
  return {
    elapsedMs: now - since,
    overdue: now - since >= WAIT_NOTICE_MS,
    attempt: query.failureCount + 1,
    cancelled,
    cancel: () => {
      setCancelled(true);
      void client.cancelQueries({ predicate: own });
    },
    retry: () => {
      const t = Date.now();
      setSince(t);
      setNow(t);
      setCancelled(false);
      // Without data, refetch would join the hung request: drop it first, then ask afresh.
      void client.cancelQueries({ predicate: own }).then(() => query.refetch());
    },
  };
}

export type Waiting = NonNullable<ReturnType<typeof useWaiting>>;
