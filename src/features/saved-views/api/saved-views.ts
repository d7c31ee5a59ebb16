import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  apiClient,
  endpoints,
  queryKeys,
  SavedView,
  SavedViewLastUsed,
  savedViewPath,
  savedViewsPath,
  type SavedViewScope,
} from '../../../api';
import { z } from 'zod';

/** The admin's saved views of one scope (for every town, and with a town those of that town), and the one used last. */
export const savedViewsQuery = (scope: SavedViewScope, townId: string | null) =>
  queryOptions({
    queryKey: queryKeys.savedViews(scope, townId),
    queryFn: ({ signal }) => apiClient.get(endpoints.savedViews(scope, townId), signal),
    // Only this admin changes them, and every change here refetches: no polling.
    staleTime: 60_000,
  });

export const useSavedViews = (scope: SavedViewScope, townId: string | null) => useQuery(savedViewsQuery(scope, townId));

const Deleted = z.object({ deleted: z.string() });

/** Create, rename/refilter, delete, and remember the view used last; each refetches the scope's list. */
export function useSavedViewMutations(scope: SavedViewScope) {
  const queryClient = useQueryClient();
  const onSettled = () => queryClient.invalidateQueries({ queryKey: queryKeys.savedViews(scope) });
  return {
    create: useMutation({
      mutationFn: (input: { name: string; query: string; town_id: string | null }) =>
        apiClient.post(savedViewsPath(), { scope, ...input }, SavedView),
      onSettled,
    }),
    update: useMutation({
      mutationFn: ({ id, ...patch }: { id: string; name?: string; query?: string }) =>
        apiClient.write('PATCH', savedViewPath(id), patch, SavedView),
      onSettled,
    }),
    remove: useMutation({
      mutationFn: (id: string) => apiClient.write('DELETE', savedViewPath(id), undefined, Deleted),
      onSettled,
    }),
    lastUsed: useMutation({
      mutationFn: (viewId: string | null) =>
        apiClient.write('PUT', `${savedViewsPath()}/last-used`, { scope, view_id: viewId }, SavedViewLastUsed),
      onSettled,
    }),
  };
}
