import type { LinkedIntegrationList, User, UserDetail, UserSearchResult } from '../../src/api/schemas';
import type { RigList, TownList } from '../contract-types';
import { notFound } from '../http/errors';
import { userIdParam } from '../http/params';
import type { Router } from '../http/router';
import type { AdminContext } from './context';
import { userShares } from './user-towns';

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
      const { memberships, shares } = await userShares(ctx.host, user);
      return {
        user,
        town_count: shares.reduce((n, s) => n + s.towns.length, 0),
        rig_count: shares.reduce((n, s) => n + s.rigs.length, 0),
        organizations: memberships,
      };
    })
    .get('/users/:userId/towns', async (ctx, p): Promise<TownList> => {
      const user = await requireUser(ctx, p.userId!);
      const { shares } = await userShares(ctx.host, user);
      const towns = shares.flatMap((s) => s.towns.map((t) => ({ id: t.id, owned_by: s.owned_by })));
      // One TownDO per town, asked in parallel; a user has a handful of towns.
      const summaries = await Promise.all(towns.map((t) => ctx.host.objects.town(t.id).summary()));
      return { items: summaries.flatMap((s, i) => (s === null ? [] : [{ ...s, owned_by: towns[i]!.owned_by }])) };
    })
    .get('/users/:userId/integrations', async (ctx, p): Promise<LinkedIntegrationList> => {
      const user = await requireUser(ctx, p.userId!);
      return { items: await ctx.host.objects.directory().integrationsOf(user.id) };
    })
    .get('/users/:userId/rigs', async (ctx, p): Promise<RigList> => {
      const user = await requireUser(ctx, p.userId!);
      const { shares } = await userShares(ctx.host, user);
      return { items: shares.flatMap((s) => s.rigs) };
    });
}

async function requireUser(ctx: AdminContext, raw: string): Promise<User> {
  const userId = userIdParam(raw);
  const user = await ctx.host.objects.directory().getUser(userId);
  if (!user) throw notFound('user', userId);
  return user;
}
