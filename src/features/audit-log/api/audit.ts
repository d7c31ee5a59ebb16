import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, endpoints, queryKeys, type AuditQuery } from '../../../api';

export const auditQuery = (query: AuditQuery) =>
  queryOptions({ queryKey: queryKeys.audit(query), queryFn: ({ signal }) => apiClient.get(endpoints.audit(query), signal) });

export const useAudit = (query: AuditQuery) => useQuery(auditQuery(query));
