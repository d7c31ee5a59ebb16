import type { SdkEvent, SdkEventIndexPage, SdkEventPage } from '../../src/api/schemas';
import { badParam, notFound } from '../http/errors';
import { uuidParam } from '../http/params';
import type { Router } from '../http/router';
import { requireTown, type AdminContext } from './context';

/** The contract's page bounds: 500 events per page, 20,000 compact index rows. */
const MAX_EVENTS = 500;
const MAX_INDEX_ROWS = 20_000;

async function requireAgent(ctx: AdminContext, rawTown: string, rawAgent: string): Promise<string> {
  const townId = requireTown(ctx, rawTown);
  const agentId = uuidParam('agentId', rawAgent);
  if (!(await ctx.host.objects.town(townId).hasAgent(agentId))) throw notFound('agent', agentId);
  return agentId;
}

export function agentEventRoutes(router: Router<AdminContext>): void {
  router
    .get('/towns/:townId/agents/:agentId/events', async (ctx, p): Promise<SdkEventPage> => {
      const agentId = await requireAgent(ctx, p.townId!, p.agentId!);
      const q = ctx.query;
      const since = q.time('since');
      const until = q.time('until');
      if (since && until && since > until) throw badParam('since', 'must not be after until');
      return ctx.host.objects.agent(agentId).page({
        after: q.int('after', { min: 0 }),
        before: q.int('before', { min: 1 }),
        since,
        until,
        limit: q.limit(100, MAX_EVENTS),
        q: q.text('q', 200),
        type: q.text('type', 100),
      });
    })
    .get('/towns/:townId/agents/:agentId/events/:eventId', async (ctx, p): Promise<SdkEvent> => {
      const agentId = await requireAgent(ctx, p.townId!, p.agentId!);
      const raw = p.eventId!;
      if (!/^\d{1,15}$/.test(raw)) throw badParam('eventId', 'must be a positive integer');
      const event = await ctx.host.objects.agent(agentId).event(Number(raw));
      if (!event) throw notFound('event', raw);
      return event;
    })
    .get('/towns/:townId/agents/:agentId/event-index', async (ctx, p): Promise<SdkEventIndexPage> => {
      const agentId = await requireAgent(ctx, p.townId!, p.agentId!);
      return ctx.host.objects.agent(agentId).index(ctx.query.int('after', { min: 0 }) ?? 0, ctx.query.limit(5000, MAX_INDEX_ROWS));
    });
}
