import { queryOptions, useInfiniteQuery, useQueries, useQuery } from '@tanstack/react-query';
import { apiClient, endpoints, queryKeys, type AuditQuery } from '../../../api';
import { LIVE_QUERY, useRefetchInterval } from '../../../lib/live-refresh';

const PAGE = 200;

/**
 * Audit entries newest first, across towns or for one town, paged by cursor. A town's log is live while
 * one page is loaded (recovery verdicts appear beside their entries); older pages are never refetched
 * under the reader.
 */
export function useAuditEntries(query: AuditQuery, townId?: string) {
  const interval = useRefetchInterval(5_000);
  return useInfiniteQuery({
    ...LIVE_QUERY,
    queryKey: townId ? queryKeys.townAudit(townId, query) : queryKeys.audit(query),
    queryFn: ({ signal, pageParam }) => {
      const q = { ...query, limit: PAGE, before: pageParam };
      return apiClient.get(townId ? endpoints.townAudit(townId, q) : endpoints.audit(q), signal);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    refetchInterval: (q) => (townId && interval && (q.state.data?.pages.length ?? 0) <= 1 ? interval : false),
  });
}

export const auditVerifyQuery = (townId: string) =>
  queryOptions({ queryKey: queryKeys.auditVerify(townId), queryFn: ({ signal }) => apiClient.get(endpoints.verifyAudit(townId), signal) });

/** The recovery verdicts of a town's entries (each appended beside its entry), live like the log. */
export function useRecoveryObservations(townId: string | undefined) {
  const interval = useRefetchInterval(5_000);
  return useQuery({
    queryKey: queryKeys.recoveryObservations(townId ?? ''),
    queryFn: ({ signal }) => apiClient.get(endpoints.recoveryObservations(townId!), signal),
    enabled: Boolean(townId),
    ...LIVE_QUERY,
    refetchInterval: interval,
  });
}

/**
 * The verdicts beside `/audit`'s entries: one read per town whose entries are shown (the verdicts live
 * with each town, as its entries do). Merged into one map by audit entry id.
 */
export function useRecoveryVerdictsAcross(townIds: readonly string[]) {
  const interval = useRefetchInterval(5_000);
  return useQueries({
    queries: townIds.map((townId) => ({
      queryKey: queryKeys.recoveryObservations(townId),
      queryFn: ({ signal }: { signal: AbortSignal }) => apiClient.get(endpoints.recoveryObservations(townId), signal),
      ...LIVE_QUERY,
      refetchInterval: interval,
    })),
    combine: (results) => new Map(results.flatMap((r) => (r.data?.items ?? []).map((o) => [o.audit_id, o] as const))),
  });
}

export const useAuditVerify = (townId: string) => useQuery({ ...auditVerifyQuery(townId), enabled: townId !== '' });

/** Every town's chain, verified against its signed head (`/audit` across towns). */
export const useAuditVerifyAll = (enabled = true) =>
  useQuery({
    queryKey: queryKeys.auditVerifyAll(),
    queryFn: ({ signal }) => apiClient.get(endpoints.verifyAllAudit(), signal),
    enabled,
  });
