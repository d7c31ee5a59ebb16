import { checkActionSupported } from '../capabilities';
import type { BulkRunLine, BulkRunPage } from '../../src/api/schemas';
import { json } from '../http/errors';
import { ndjsonResponse } from '../http/ndjson';
import type { Router } from '../http/router';
import { readJson } from './actions';
import { requireTown, type AdminContext } from './context';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Bulk actions (issue 15). `POST /towns/:townId/batches` previews one: the server resolves the
 * selection (a filter, or rows the admin ticked), dry-runs the action on every target and keeps the
 * batch under its key. `POST /towns/:townId/batches/:batchKey/run` acts on its next targets, each
 * through the one engine with its own audit entry. `.../stream` runs all of them and says so target by
 * target (NDJSON), which is what the panel shows.
 */
export function batchRoutes(router: Router<AdminContext>): void {
  router
    .post('/towns/:townId/batches', async (ctx, p) => {
      const townId = requireTown(ctx, p.townId!);
      const body = await readJson(ctx.request);
      // Held to the profile like the single-action route: a bulk run is many of the same action.
      checkActionSupported(ctx.capabilities, (body as { action?: unknown } | null)?.action);
      const outcome = await ctx.host.objects.town(townId).prepareBatch({ body, admin: ctx.admin });
      return json(outcome.body, outcome.status);
    })
    .post('/towns/:townId/batches/:batchKey/run', async (ctx, p) => {
      const townId = requireTown(ctx, p.townId!);
      const outcome = await ctx.host.objects.town(townId).runBatch(p.batchKey!, { body: await readJson(ctx.request), admin: ctx.admin });
      return json(outcome.body, outcome.status);
    })
    .post('/towns/:townId/batches/:batchKey/stream', async (ctx, p) => {
      const townId = requireTown(ctx, p.townId!);
      const town = ctx.host.objects.town(townId);
      const body = await readJson(ctx.request);
      // One target a call to the TownDO, so each line goes out as its target completes. Only the first
      // call puts the failed targets back in line; a body that is not an object is refused as it is.
      const step = (first: boolean) => (isRecord(body) ? { ...body, limit: 1, retry_failed: first && body.retry_failed === true } : body);
      const runOne = () => town.runBatch(p.batchKey!, { body: step(false), admin: ctx.admin });
      // Refusals (no such batch, the count not confirmed, a bad body) answer with their status, before any line.
      const first = await town.runBatch(p.batchKey!, { body: step(true), admin: ctx.admin });
      if (first.status !== 200) return json(first.body, first.status);
      return ndjsonResponse(async (emit: (line: BulkRunLine) => void, signal) => {
        let page = first.body as BulkRunPage;
        for (;;) {
          for (const outcome of page.results)
            emit({ type: 'target', outcome, total: page.total, applied: page.applied, failed: page.failed, pending: page.pending });
          if (page.results.length === 0 || page.pending === 0 || signal.aborted) break;
          const next = await runOne();
          if (next.status !== 200) {
            const error = (next.body as { error?: { code?: string; message?: string } }).error;
            emit({ type: 'error', code: error?.code ?? 'internal', message: error?.message ?? 'The run stopped.' });
            return;
          }
          page = next.body as BulkRunPage;
        }
        emit({ type: 'done', page });
      });
    });
}
