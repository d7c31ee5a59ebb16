import type { QueryClient } from '@tanstack/react-query';
import { apiClient, endpoints, queryKeys, type ActionTarget } from '../../../api';
import type { TargetRead } from '../model/target-facts';

/** The query (key and fetcher) that holds a target's state, shared with the inspectors that show it. */
function targetQuery(townId: string, target: ActionTarget) {
  switch (target.kind) {
    case 'agent':
      return {
        queryKey: queryKeys.agent(townId, target.id),
        read: async (signal?: AbortSignal): Promise<TargetRead> => ({
          kind: 'agent',
          data: await apiClient.get(endpoints.agent(townId, target.id), signal),
        }),
      };
    case 'bead':
    case 'convoy':
      return {
        queryKey: queryKeys.bead(townId, target.id),
        read: async (signal?: AbortSignal): Promise<TargetRead> => ({
          kind: 'bead',
          data: await apiClient.get(endpoints.bead(townId, target.id), signal),
        }),
      };
    case 'review':
      return {
        queryKey: queryKeys.reviewQueue(townId),
        read: async (signal?: AbortSignal): Promise<TargetRead> => ({
          kind: 'review',
          data: await apiClient.get(endpoints.reviewQueue(townId), signal),
        }),
      };
    case 'container':
      return {
        queryKey: queryKeys.container(townId),
        read: async (signal?: AbortSignal): Promise<TargetRead> => ({
          kind: 'container',
          data: await apiClient.get(endpoints.container(townId), signal),
        }),
      };
    case 'rig':
    case 'credential':
    case 'town':
    case 'config':
      return {
        queryKey: queryKeys.config(townId),
        read: async (signal?: AbortSignal): Promise<TargetRead> => ({
          kind: 'config',
          data: await apiClient.get(endpoints.config(townId), signal),
        }),
      };
  }
}

const KIND_OF: Record<ActionTarget['kind'], TargetRead['kind']> = {
  agent: 'agent',
  bead: 'bead',
  convoy: 'bead',
  review: 'review',
  container: 'container',
  rig: 'config',
  credential: 'config',
  town: 'config',
  config: 'config',
};

/**
 * The target as the admin saw it: the data the inspectors rendered from (the query cache), or null when
 * nothing is cached (then a fresh read is the best there is).
 */
export function readCachedTarget(queryClient: QueryClient, townId: string, target: ActionTarget): TargetRead | null {
  const data = queryClient.getQueryData(targetQuery(townId, target).queryKey);
  return data === undefined ? null : ({ kind: KIND_OF[target.kind], data } as TargetRead);
}

/** The target as it is now on the server (bypasses the cache, leaves it alone). */
export function readFreshTarget(townId: string, target: ActionTarget, signal?: AbortSignal): Promise<TargetRead> {
  return targetQuery(townId, target).read(signal);
}
