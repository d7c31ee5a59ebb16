import { Id, SavedViewCreate, SavedViewLastUsed, SavedViewScope, SavedViewUpdate, SAVED_VIEWS_PER_SCOPE } from '../../src/api/schemas';
import { badParam, HttpError, json, notFound } from '../http/errors';
import { uuidParam } from '../http/params';
import { parseOr, type SafeParser } from '../parse-body';
import type { Router } from '../http/router';
import type { SavedViewRefusal } from '../directory/saved-views';
import { readJson } from './actions';
import type { AdminContext } from './context';

/**
 * Saved views (issue 15), per admin: the admin is the verified token's (ctx.admin.id), so a view is
 * never read or changed by another admin. They are preferences, not interventions: no reason, no
 * Idempotency-Key, no audit entry.
 */
export function savedViewRoutes(router: Router<AdminContext>): void {
  router
    .get('/saved-views', async (ctx) => {
      const scope = ctx.query.oneOf('scope', SavedViewScope.options);
      if (!scope) throw badParam('scope', `is required: one of ${SavedViewScope.options.join(', ')}`, { allowed: SavedViewScope.options });
      const townId = ctx.query.text('town_id', 100) ?? null;
      if (townId !== null && !Id.safeParse(townId).success) throw badParam('town_id', 'must be a town id (a UUID)');
      return ctx.host.objects.directory().savedViews(ctx.admin.id, scope, townId);
    })
    .post('/saved-views', async (ctx) => {
      const input = parseBody(SavedViewCreate, await readJson(ctx.request));
      const created = await ctx.host.objects.directory().createSavedView(ctx.admin.id, { ...input, id: ctx.host.ids.uuid(), at: now(ctx) });
      if ('refused' in created) throw refusalError(created, input.scope);
      return json(created, 201);
    })
    .put('/saved-views/last-used', async (ctx) => {
      const input = parseBody(SavedViewLastUsed, await readJson(ctx.request));
      const refused = await ctx.host.objects.directory().setLastUsedView(ctx.admin.id, input.scope, input.view_id);
      if (refused) throw notFound('saved view', input.view_id ?? '');
      return input;
    })
    .patch('/saved-views/:viewId', async (ctx, p) => {
      const viewId = uuidParam('viewId', p.viewId!);
      const input = parseBody(SavedViewUpdate, await readJson(ctx.request));
      const updated = await ctx.host.objects.directory().updateSavedView(ctx.admin.id, viewId, { ...input, at: now(ctx) });
      if ('refused' in updated) throw refusalError(updated, null, viewId);
      return updated;
    })
    .delete('/saved-views/:viewId', async (ctx, p) => {
      const viewId = uuidParam('viewId', p.viewId!);
      const refused = await ctx.host.objects.directory().deleteSavedView(ctx.admin.id, viewId);
      if (refused) throw refusalError(refused, null, viewId);
      return { deleted: viewId };
    });
}

const now = (ctx: AdminContext) => new Date(ctx.host.clock.now()).toISOString();

const parseBody = <T>(schema: SafeParser<T>, body: unknown): T => parseOr(schema, body, (field, message) => badParam(field, message));

function refusalError(refusal: SavedViewRefusal, scope: string | null, viewId = ''): HttpError {
  switch (refusal.refused) {
    case 'name_taken':
      return new HttpError(
        409,
        'conflict',
        `You already have a saved view named “${refusal.name}”${scope ? ` for ${scope.replace('_', ' ')}` : ''}. Choose another name, or rename or delete that view first.`,
        { field: 'name', name: refusal.name },
      );
    case 'too_many':
      return new HttpError(422, 'too_many_views', `At most ${SAVED_VIEWS_PER_SCOPE} saved views per view: delete one you no longer use.`, {
        parameter: 'scope',
      });
    case 'not_found':
      return notFound('saved view', viewId);
  }
}
