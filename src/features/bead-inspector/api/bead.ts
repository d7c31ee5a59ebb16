import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, endpoints, queryKeys } from '../../../api';

export const beadQuery = (townId: string, beadId: string) =>
  queryOptions({ queryKey: queryKeys.bead(townId, beadId), queryFn: ({ signal }) => apiClient.get(endpoints.bead(townId, beadId), signal) });

export const useBead = (townId: string, beadId: string) => useQuery(beadQuery(townId, beadId));
