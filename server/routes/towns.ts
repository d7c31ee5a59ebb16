import { BeadStatus, BeadType, TimelineKind, type AgentDetail, type BeadGraph, type TownDetail } from '../../src/api/schemas';
import type { BeadEventList } from '../contract-types';
import { badParam, found, HttpError, notFound } from '../http/errors';
import { decodeCursor, uuidParam } from '../http/params';
import type { Router } from '../http/router';
import { BEAD_SORTS, type BeadSortColumn } from '../town/bead-list';
import { requireTown, type AdminContext } from './context';

export function townRoutes(router: Router<AdminContext>): void {
  router
    .get('/towns/:townId', async (ctx, p): Promise<TownDetail> => {
      const townId = requireTown(ctx, p.townId!);
      const town = ctx.host.objects.town(townId);
      const directory = ctx.host.objects.directory();
      const [summary, rigs, owner, org] = await Promise.all([
        town.summary(),
        town.rigs(),
        directory.getUser(ctx.townOwner!),
        directory.townOrg(townId),
      ]);
      if (!summary) throw notFound('town', townId);
      if (!owner) throw new HttpError(500, 'server_error', `The town's owner ${summary.owner_user_id} is not in the user directory.`);
      const owned_by = org
        ? { kind: 'org' as const, id: org.id, name: org.name }
        : { kind: 'user' as const, id: owner.id, name: owner.name };
      return { ...summary, owner, owned_by, rigs };
    })
    .get('/towns/:townId/beads', async (ctx, p) => {
      const townId = requireTown(ctx, p.townId!);
      const q = ctx.query;
      const sortText = q.text('sort', 40) ?? '-updated_at';
      const column = sortText.replace(/^-/, '');
      if (!(column in BEAD_SORTS)) throw badParam('sort', `cannot sort by "${column}"`, { allowed: Object.keys(BEAD_SORTS) });
      const cursor = decodeCursor('cursor', q.text('cursor', 1000), [
        column === 'priority' || column === 'status' || column === 'dispatch_attempts' ? 'number' : 'string',
        'string',
      ]);
      return ctx.host.objects.town(townId).beads({
        status: q.list('status', BeadStatus.options),
        type: q.list('type', BeadType.options),
        label: q.text('label', 200),
        q: q.text('q', 200),
        sort: { column: column as BeadSortColumn, descending: sortText.startsWith('-') },
        after: cursor as [string | number, string] | undefined,
        limit: q.limit(200, 1000),
      });
    })
    .get('/towns/:townId/beads/:beadId', async (ctx, p) => {
      const townId = requireTown(ctx, p.townId!);
      const beadId = uuidParam('beadId', p.beadId!);
      return found(await ctx.host.objects.town(townId).bead(beadId), 'bead', beadId);
    })
    .get('/towns/:townId/beads/:beadId/events', async (ctx, p): Promise<BeadEventList> => {
      const townId = requireTown(ctx, p.townId!);
      const beadId = uuidParam('beadId', p.beadId!);
      return found(await ctx.host.objects.town(townId).beadEvents(beadId), 'bead', beadId);
    })
    .get('/towns/:townId/beads/:beadId/graph', async (ctx, p): Promise<BeadGraph> => {
      const townId = requireTown(ctx, p.townId!);
      const beadId = uuidParam('beadId', p.beadId!);
      const depth = ctx.query.text('depth', 10) === 'all' ? null : (ctx.query.int('depth', { min: 1, max: 50 }) ?? 2);
      return found(await ctx.host.objects.town(townId).beadGraph(beadId, depth), 'bead', beadId);
    })
    .get('/towns/:townId/agents', async (ctx, p) => ctx.host.objects.town(requireTown(ctx, p.townId!)).agents())
    .get('/towns/:townId/agents/:agentId', async (ctx, p): Promise<AgentDetail> => {
      const townId = requireTown(ctx, p.townId!);
      const agentId = uuidParam('agentId', p.agentId!);
      const detail = await ctx.host.objects.town(townId).agent(agentId);
      if (!detail) throw notFound('agent', agentId);
      const stats = await ctx.host.objects.agent(agentId).stats();
      return { ...detail, event_count: stats.total };
    })
    .get('/towns/:townId/dispatch-attempts', async (ctx, p) =>
      ctx.host.objects.town(requireTown(ctx, p.townId!)).dispatchAttempts({
        bead_id: ctx.query.uuid('bead_id'),
        agent_id: ctx.query.uuid('agent_id'),
      }),
    )
    .get('/towns/:townId/git-operations', async (ctx, p) =>
      ctx.host.objects.town(requireTown(ctx, p.townId!)).gitOperations({
        agent_id: ctx.query.uuid('agent_id'),
        outcome: ctx.query.oneOf('outcome', ['success', 'failure'] as const),
      }),
    )
    .get('/towns/:townId/usage', async (ctx, p) => ctx.host.objects.town(requireTown(ctx, p.townId!)).usage())
    .get('/towns/:townId/cost', async (ctx, p) => ctx.host.objects.town(requireTown(ctx, p.townId!)).cost())
    .get('/towns/:townId/review-queue', async (ctx, p) => ctx.host.objects.town(requireTown(ctx, p.townId!)).reviewQueue())
    .get('/towns/:townId/escalations', async (ctx, p) => {
      const townId = requireTown(ctx, p.townId!);
      return found(await ctx.host.objects.town(townId).escalations(), 'town', townId);
    })
    .get('/towns/:townId/container', async (ctx, p) => {
      const townId = requireTown(ctx, p.townId!);
      return found(await ctx.host.objects.town(townId).container(), 'town', townId);
    })
    .get('/towns/:townId/config', async (ctx, p) => {
      const townId = requireTown(ctx, p.townId!);
      return found(await ctx.host.objects.town(townId).config(), 'town', townId);
    })
    .get('/towns/:townId/timeline', async (ctx, p) => {
      const townId = requireTown(ctx, p.townId!);
      const q = ctx.query;
      return ctx.host.objects.town(townId).timeline({
        before: decodeCursor('before', q.text('before', 1000), ['string', 'string']) as [string, string] | undefined,
        limit: q.limit(200, 1000),
        kinds: q.list('kind', TimelineKind.options),
        entity: q.uuid('entity'),
        from: q.time('from'),
        to: q.time('to'),
        q: q.text('q', 500)?.trim() || undefined,
      });
    });
}
