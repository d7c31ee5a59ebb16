import { COMPARE_ERROR_LIMIT, COMPARE_KINDS, type CompareKind, type CompareSide, type Comparison } from '../../src/api/schemas';
import { badParam, HttpError, truncate } from '../http/errors';
import type { Router } from '../http/router';
import type { Host } from '../host';
import type { AdminContext } from './context';
import { requireTown } from './context';

const KIND_NAMES: Record<CompareKind, string> = { attempt: 'dispatch attempt', assignment: 'assignment', session: 'agent session' };
/** What each kind's id looks like: an attempt's UUID, an assignment's row number, a process id. */
const ID_SHAPES: Record<CompareKind, [RegExp, string]> = {
  attempt: [/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'a dispatch attempt id (a UUID)'],
  assignment: [/^[1-9]\d{0,14}$/, 'an assignment number'],
  session: [/^[A-Za-z0-9_.:-]{1,100}$/, 'a session (process) id'],
};

/**
 * `GET /towns/:townId/compare?kind=&a=&b=` (issue 15): two runs of one kind side by side. The TownDO
 * gives each run's window, agent, bead, usage and town-side errors; the agent's AgentDO reads the same
 * window of its SDK events. A side that is not in this town is a 404 naming the side and the id.
 */
export function compareRoutes(router: Router<AdminContext>): void {
  router
    .get('/towns/:townId/compare', async (ctx, p): Promise<Comparison> => {
      const townId = requireTown(ctx, p.townId!);
      const kind = ctx.query.oneOf('kind', COMPARE_KINDS);
      if (!kind) throw badParam('kind', `say what to compare: one of ${COMPARE_KINDS.join(', ')}`, { allowed: COMPARE_KINDS });
      if (kind === 'attempt' && ctx.capabilities.feeds.dispatch_attempts?.recorded === false)
        throw new HttpError(404, 'not_recorded', 'This deployment does not record dispatch attempts.', { feed: 'dispatch_attempts' });
      const a = sideId(ctx, kind, 'a');
      const b = sideId(ctx, kind, 'b');
      if (a === b) throw badParam('b', `pick a second ${KIND_NAMES[kind]}: a and b are the same`);
      const [left, right] = await Promise.all([compareSide(ctx, townId, kind, a, 'a'), compareSide(ctx, townId, kind, b, 'b')]);
      return { kind, a: left, b: right };
    })
    .get('/towns/:townId/sessions', async (ctx, p) =>
      ctx.host.objects.town(requireTown(ctx, p.townId!)).sessions(ctx.query.uuid('agent_id') ?? null),
    );
}

function sideId(ctx: AdminContext, kind: CompareKind, side: 'a' | 'b'): string {
  const id = ctx.query.text(side, 100);
  if (!id) throw badParam(side, `name the ${side === 'a' ? 'first' : 'second'} ${KIND_NAMES[kind]} to compare`);
  const [shape, what] = ID_SHAPES[kind];
  if (!shape.test(id)) throw badParam(side, `must be ${what}`);
  return kind === 'attempt' ? id.toLowerCase() : id;
}

async function compareSide(ctx: AdminContext, townId: string, kind: CompareKind, id: string, side: 'a' | 'b'): Promise<CompareSide> {
  const run = await ctx.host.objects.town(townId).compareRun(kind, id);
  if (!run)
    throw new HttpError(404, 'not_found', `No ${KIND_NAMES[kind]} with id ${truncate(id)} in this town (side ${side}).`, {
      resource: KIND_NAMES[kind],
      id: truncate(id),
      side,
    });
  const digest = run.agent
    ? await agentDigest(ctx.host, run.agent.id, run.started_at, run.ended_at ?? new Date(ctx.host.clock.now()).toISOString())
    : null;
  const unrecorded = (source: string) =>
    (source === 'git' && ctx.capabilities.feeds.git_operations?.recorded === false) ||
    (source === 'dispatch' && ctx.capabilities.feeds.dispatch_attempts?.recorded === false);
  const errors = [...run.errors, ...(digest?.errors ?? [])].filter((e) => !unrecorded(e.source)).sort((x, y) => y.at.localeCompare(x.at));
  return {
    ...run,
    events_in_window: digest?.events_in_window ?? 0,
    events_read: digest?.events_read ?? 0,
    tool_calls: digest?.tool_calls ?? [],
    errors: errors.slice(0, COMPARE_ERROR_LIMIT),
    errors_total: errors.length,
    last_message: digest?.last_message ?? null,
  };
}

function agentDigest(host: Host, agentId: string, since: string, until: string) {
  return host.objects.agent(agentId).digest(since, until);
}
