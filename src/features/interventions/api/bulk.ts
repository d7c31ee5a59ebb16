import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import {
  ApiError,
  apiClient,
  batchesPath,
  batchRunPath,
  batchStreamPath,
  BulkPreview,
  BulkRunLine,
  BulkRunPage,
  queryKeys,
  type BulkPrepareRequest,
  type BulkRunRequest,
  type BulkTargetOutcome,
} from '../../../api';

/** Previews a batch: the server resolves the selection, dry-runs every target and keeps the batch. */
export const prepareBatch = (townId: string, request: BulkPrepareRequest, signal?: AbortSignal) =>
  apiClient.post(batchesPath(townId), request, BulkPreview, signal);

/** Acts on the batch's next `limit` targets in one answer (or its failed ones again); the panel uses the stream. */
export const runBatchStep = (townId: string, batchKey: string, request: BulkRunRequest, signal?: AbortSignal) =>
  apiClient.post(batchRunPath(townId, batchKey), request, BulkRunPage, signal);

/** Where a run stands, as the stream reports it: the batch's totals and this dialog's targets in the order done. */
export interface RunProgress {
  total: number;
  applied: number;
  failed: number;
  pending: number;
  /** Every failed target of the batch with its reason (a retried one leaves the list once applied). */
  failures: BulkTargetOutcome[];
  /** The targets done while this dialog ran the batch, oldest first. */
  outcomes: BulkTargetOutcome[];
  /** The server said the run is over (every target done, or nothing left it could take). */
  finished: boolean;
}

/** The progress after one line of the run's stream. */
export function applyRunLine(state: RunProgress, line: BulkRunLine): RunProgress {
  if (line.type === 'error') throw new ApiError(0, line.code, line.message, true, 'POST batch stream');
  if (line.type === 'done') {
    const { total, applied, failed, pending, failures } = line.page;
    return { ...state, total, applied, failed, pending, failures, finished: true };
  }
  const { outcome, total, applied, failed, pending } = line;
  const failures = state.failures.filter((f) => f.target_id !== outcome.target_id);
  if (outcome.status === 'failed') failures.push(outcome);
  return { total, applied, failed, pending, failures, outcomes: [...state.outcomes, outcome], finished: false };
}

/**
 * Runs a batch to its end over the stream route, reporting each target as it completes; then refetches
 * the town and the logs so every view shows what the batch did. `from` is where the dialog stands
 * (its targets so far), so a retry or a continue adds to the same list.
 */
export function useRunBatch(townId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    async (
      batchKey: string,
      options: {
        confirmCount: number;
        retryFailed: boolean;
        from: RunProgress;
        onProgress: (progress: RunProgress) => void;
        signal: AbortSignal;
      },
    ) => {
      let progress = { ...options.from, finished: false };
      try {
        await apiClient.stream(
          batchStreamPath(townId, batchKey),
          BulkRunLine,
          (line) => {
            progress = applyRunLine(progress, line);
            options.onProgress(progress);
          },
          options.signal,
          { body: { confirm_count: options.confirmCount, retry_failed: options.retryFailed } },
        );
        return progress;
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
