import { checkActionSupported } from '../capabilities';
import { json } from '../http/errors';
import type { Router } from '../http/router';
import { readJson } from './actions';
import { requireTown, type AdminContext } from './context';

/**
 * Bulk actions (issue 15). `POST /towns/:townId/batches` previews one: the server resolves the
 * selection (a filter, or rows the admin ticked), dry-runs the action on every target and keeps the
 * batch under its key. `POST /towns/:townId/batches/:batchKey/run` acts on its next targets, each
 * through the one engine with its own audit entry; the client calls it until nothing is pending,
 * showing progress target by target.
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
    });
}
