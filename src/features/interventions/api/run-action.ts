import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, queryKeys, type ActionName, type ActionRequest, type ActionResult, type ActionTarget } from '../../../api';

export interface RunActionInput {
  townId: string;
  action: ActionName;
  target: ActionTarget;
  params: Record<string, unknown>;
  reason: string;
  dryRun: boolean;
  idempotencyKey: string;
  /** If-Match: the target's version, or for a target read without one (production) the dry run's `target_tag`. */
  version: number | string | null;
}

export function runAction(input: RunActionInput, signal?: AbortSignal): Promise<ActionResult> {
  const request: ActionRequest = { target: input.target, params: input.params, reason: input.reason, dryRun: input.dryRun };
  return apiClient.act(input.townId, input.action, request, {
    idempotencyKey: input.idempotencyKey,
    ifMatch: input.version,
    ...(signal ? { signal } : {}),
  });
}

/**
 * Runs an intervention; on success everything under the town (and the cross-town audit log and the
 * owner's town list) is refetched, so every view shows the verified new state.
 */
export function useRunAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RunActionInput) => runAction(input),
    onSuccess: async (_result, input) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.town(input.townId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.audit() }),
        queryClient.invalidateQueries({ queryKey: [...queryKeys.all, 'user'] }),
      ]);
    },
  });
}
