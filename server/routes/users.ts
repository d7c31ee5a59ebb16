import type { LinkedIntegrationList, UserDetail, UserSearchResult } from '../../src/api/schemas';
import type { RigList, TownList } from '../contract-types';
import { notFound } from '../http/errors';
import { userIdParam } from '../http/params';
import type { Router } from '../http/router';
import type { AdminContext } from './context';

export function userRoutes(router: Router<AdminContext>): void {
  router
    .get('/session', async (ctx) => ({ user: ctx.admin }))
    .get('/users', async (ctx): Promise<UserSearchResult> => {
      const q = ctx.query.text('q', 200)?.trim();
      return q ? ctx.host.objects.directory().searchUsers(q) : { items: [], total: 0 };
    })
    .get('/users/:userId', async (ctx, p): Promise<UserDetail> => {
      const userId = userIdParam(p.userId!);
      const user = await ctx.host.objects.directory().getUser(userId);
      if (!user) throw notFound('user', userId);
      return { user, ...(await ctx.host.objects.user(userId).counts()) };
    })
    .get('/users/:userId/towns', async (ctx, p): Promise<TownList> => {
      const userId = await requireUser(ctx, p.userId!);
      const towns = await ctx.host.objects.user(userId).towns();
      // One TownDO per town, asked in parallel; a user has a handful of towns.
      const summaries = await Promise.all(towns.map((t) => ctx.host.objects.town(t.id).summary()));
      return { items: summaries.filter((s) => s !== null) };
    })
    .get('/users/:userId/integrations', async (ctx, p): Promise<LinkedIntegrationList> => {
      const userId = await requireUser(ctx, p.userId!);
      return { items: await ctx.host.objects.directory().integrationsOf(userId) };
    })
    .get('/users/:userId/rigs', async (ctx, p): Promise<RigList> => {
      const userId = await requireUser(ctx, p.userId!);
      return { items: await ctx.host.objects.user(userId).rigs() };
    });
}

async function requireUser(ctx: AdminContext, raw: string): Promise<string> {
  const userId = userIdParam(raw);
  if (!(await ctx.host.objects.directory().getUser(userId))) throw notFound('user', userId);
  return userId;
}
