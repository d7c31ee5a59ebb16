import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  apiClient,
  endpoints,
  isActionSupported,
  isFeedRecorded,
  NOT_SUPPORTED,
  queryKeys,
  type ActionName,
  type Feed,
} from '../../../api';

/**
 * What the deployment records and supports (`GET /capabilities`), read once per session. A backend
 * without the route (an older one) answers an error: callers then treat every feed as recorded and
 * every action as supported (`isFeedRecorded(undefined, …)`), as the panel did before it asked.
 */
export const capabilitiesQuery = () =>
  queryOptions({
    queryKey: queryKeys.capabilities(),
    queryFn: ({ signal }) => apiClient.get(endpoints.capabilities(), signal),
    staleTime: Infinity,
    retry: false,
  });

/** Whether this deployment records `feed` (true until the capabilities say otherwise). */
export function useFeedRecorded(feed: Feed): boolean {
  return isFeedRecorded(useQuery(capabilitiesQuery()).data, feed);
}

/** The reason an action cannot run here (`not supported by this deployment`), or null when it can. */
export function useActionUnsupported(action: ActionName): string | null {
  return isActionSupported(useQuery(capabilitiesQuery()).data, action) ? null : NOT_SUPPORTED;
}

/** The same for many actions at once (a bulk dialog's list): the reason each cannot run here, or null. */
export function useActionsUnsupported(): (action: ActionName) => string | null {
  const caps = useQuery(capabilitiesQuery()).data;
  return (action) => (isActionSupported(caps, action) ? null : NOT_SUPPORTED);
}

/** What the deployment keeps of a recorded feed ("newest 10,000 events per agent"), or null for everything. */
export function useFeedRetention(feed: Feed): string | null {
  return useQuery(capabilitiesQuery()).data?.feeds[feed]?.retention ?? null;
}
