import { queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { apiClient, endpoints, queryKeys, type AuditQuery } from '../../../api';

const PAGE = 200;

/** Audit entries newest first, across towns or for one town, paged by cursor. */
export function useAuditEntries(query: AuditQuery, townId?: string) {
  return useInfiniteQuery({
    queryKey: townId ? queryKeys.townAudit(townId, query) : queryKeys.audit(query),
    queryFn: ({ signal, pageParam }) => {
      const q = { ...query, limit: PAGE, before: pageParam };
      return apiClient.get(townId ? endpoints.townAudit(townId, q) : endpoints.audit(q), signal);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}

export const auditVerifyQuery = (townId: string) =>
  queryOptions({ queryKey: queryKeys.auditVerify(townId), queryFn: ({ signal }) => apiClient.get(endpoints.verifyAudit(townId), signal) });

export const useAuditVerify = (townId: string) => useQuery({ ...auditVerifyQuery(townId), enabled: townId !== '' });

/** Every town's chain, verified against its signed head (`/audit` across towns). */
export const useAuditVerifyAll = (enabled = true) =>
  useQuery({
    queryKey: queryKeys.auditVerifyAll(),
    queryFn: ({ signal }) => apiClient.get(endpoints.verifyAllAudit(), signal),
    enabled,
  });
