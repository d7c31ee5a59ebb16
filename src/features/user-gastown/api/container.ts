import { queryOptions } from '@tanstack/react-query';
import { apiClient, endpoints, queryKeys } from '../../../api';

/** The town's container state; its `version` is what a container intervention sends as If-Match. */
export const townContainerQuery = (townId: string) =>
  queryOptions({ queryKey: queryKeys.container(townId), queryFn: ({ signal }) => apiClient.get(endpoints.container(townId), signal) });
