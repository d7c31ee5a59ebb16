import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import {
  apiClient,
  batchesPath,
  batchRunPath,
  BulkPreview,
  BulkRunPage,
  queryKeys,
  type BulkPrepareRequest,
  type BulkRunRequest,
} from '../../../api';

/** Previews a batch: the server resolves the selection, dry-runs every target and keeps the batch. */
export const prepareBatch = (townId: string, request: BulkPrepareRequest, signal?: AbortSignal) =>
  apiClient.post(batchesPath(townId), request, BulkPreview, signal);

/** Acts on the batch's next targets (or its failed ones again). */
export const runBatchStep = (townId: string, batchKey: string, request: BulkRunRequest, signal?: AbortSignal) =>
  apiClient.post(batchRunPath(townId, batchKey), request, BulkRunPage, signal);

/** How many targets one run request takes: small enough that progress moves target by target on screen. */
export const RUN_STEP = 25;

/**
 * Runs a batch to its end in steps, reporting each step's page; then refetches the town and the
 * logs so every view shows what the batch did.
 */
export function useRunBatch(townId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    async (
      batchKey: string,
      options: { confirmCount: number; retryFailed: boolean; onStep: (page: BulkRunPage) => void; signal: AbortSignal },
    ) => {
      try {
        let page: BulkRunPage;
        let retryFailed = options.retryFailed;
        do {
          page = await runBatchStep(
            townId,
            batchKey,
            { confirm_count: options.confirmCount, retry_failed: retryFailed, limit: RUN_STEP },
            options.signal,
          );
          // Only the first step puts the failed targets back in line; the next steps take them in turn.
          retryFailed = false;
          options.onStep(page);
        } while (page.results.length > 0 && page.pending > 0);
        return page;
      } finally {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: queryKeys.town(townId) }),
          queryClient.invalidateQueries({ queryKey: queryKeys.audit() }),
        ]);
      }
    },
    [queryClient, townId],
  );
}
