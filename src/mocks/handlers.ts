import { delay, http, HttpResponse, type HttpResponseResolver, type PathParams } from 'msw';
import { API_PREFIX, type ActionResult, type AuditEntry as TownSeedAudit, type TimelineEvent, type User } from '../api';
import { createStore, type MockStore } from './db/store';
import {
  isSortable,
  lastEventAtByBead,
  pageTimeline,
  toAgentDetail,
  toAgentListItem,
  toBeadDetail,
  toBeadGraph,
  toBeadPage,
  toConfigResponse,
  toContainerState,
  toReviewQueue,
  toTimeline,
  toTownUsage,
} from './db/views';
import { toTownSummary } from './db/summary';
import { sdkEventAt, summarizeSdkEvent } from './scenarios';
import { EngineError, memoryAccess, runAction, verifyChain } from './scenarios/interventions';

/**
 * Test switches: make endpoints matching `path` (a substring or RegExp of the URL path) fail
 * the given way. `malformed` answers 200 with a payload that breaks the contract.
 */
export type FailureMode = 401 | 403 | 404 | 409 | 500 | 'malformed' | 'offline' | 'slow';
let failures: { path: string | RegExp; mode: FailureMode }[] = [];
let store: MockStore | null = null;
/** Idempotency keys already answered, per town: the same key never acts twice. */
let idempotent = new Map<string, { fingerprint: string; status: number; body: ActionResult }>();
const caches = new WeakMap<object, { timeline?: TimelineEvent[]; lastEvents?: Map<string, string> }>();

export function failWith(path: string | RegExp, mode: FailureMode) {
  failures.push({ path, mode });
}

/** Drops test switches and rebuilds the scenario world (called after each test). */
export function resetMockState() {
  failures = [];
  store = null;
  idempotent = new Map();
}

export function getStore(): MockStore {
  return (store ??= createStore());
}

const error = (status: number, code: string, message: string, details?: Record<string, unknown>) =>
  HttpResponse.json({ error: { code, message, ...(details ? { details } : {}) } }, { status });

function authenticate(request: Request): User | Response {
  const header = request.headers.get('authorization') ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : null;
  const world = getStore().world;
  const entry = token ? world.tokens.find((t) => t.token === token) : undefined;
  if (!entry)
    return error(
      401,
      'unauthorized',
      token ? 'The admin session is not valid or has expired.' : 'No admin session: sign in to the admin dashboard.',
    );
  const user = world.users.find((u) => u.id === entry.user_id)!;
  if (!user.is_admin) return error(403, 'forbidden', 'Gastown Admin is for Kilo admins only.');
  return user;
}

type Ctx = { request: Request; params: PathParams; url: URL; admin: User; store: MockStore };

/** Wraps a route: test switches, auth, then the handler. */
function route(handler: (ctx: Ctx) => Response | Promise<Response>): HttpResponseResolver {
  return async ({ request, params }) => {
    const url = new URL(request.url);
    for (const f of failures) {
      const hit = typeof f.path === 'string' ? url.pathname.includes(f.path) : f.path.test(url.pathname);
      if (!hit) continue;
      if (f.mode === 'offline') return HttpResponse.error();
      if (f.mode === 'slow') {
        await delay('infinite');
        continue;
      }
      if (f.mode === 'malformed') return HttpResponse.json({ items: [{ id: 42, unexpected: true }], total: 'many' });
      const messages = {
        401: ['unauthorized', 'The admin session is not valid or has expired.'],
        403: ['forbidden', 'Gastown Admin is for Kilo admins only.'],
        404: ['not_found', 'Not found.'],
        409: ['conflict', 'The target changed since it was read.'],
        500: ['internal', 'The admin API failed unexpectedly.'],
      } as const;
      const [code, message] = messages[f.mode];
      return error(f.mode, code, message);
    }
    const admin = authenticate(request);
    if (admin instanceof Response) return admin;
    // Malformed ids and oversized search text are bad requests on every route (the worker agrees).
    for (const name of ['townId', 'beadId', 'agentId'] as const) {
      const value = params[name];
      if (typeof value === 'string' && !UUID.test(value))
        return error(400, 'bad_request', `"${value.slice(0, 80)}" is not a valid ${name.slice(0, -2)} id (expected a UUID).`, {
          parameter: name,
        });
    }
    if ((url.searchParams.get('q')?.length ?? 0) > 200)
      return error(400, 'bad_request', 'Query parameter "q" is too long (200 characters at most).', { parameter: 'q' });
    return handler({ request, params: params as PathParams, url, admin, store: getStore() });
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function intParam(url: URL, name: string, fallback: number, min: number, max: number): number | Response {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    return error(400, 'bad_request', `Query parameter "${name}" must be an integer from ${min} to ${max}.`, { parameter: name });
  return n;
}

function withTown(ctx: Ctx) {
  const id = String(ctx.params.townId);
  if (!UUID.test(id)) return error(400, 'bad_request', `"${id}" is not a valid town id (expected a UUID).`, { parameter: 'townId' });
  const town = ctx.store.town(id);
  if (!town) return error(404, 'not_found', `No town with id ${id}.`, { resource: 'town', id });
  return town;
}

const P = `*${API_PREFIX}`;

function auditPage(entries: TownSeedAudit[], url: URL) {
  const s = url.searchParams;
  const q = (name: string) => s.get(name) || null;
  const [admin, action, target, from, to] = [q('admin'), q('action'), q('target'), q('from'), q('to')];
  const rows = entries
    .filter(
      (e) =>
        (!admin || e.admin_email.includes(admin) || e.admin_id === admin) &&
        (!action || e.action === action || e.action.startsWith(`${action}.`)) &&
        (!target || e.target.id === target || e.target.kind === target) &&
        (!from || e.at >= from) &&
        (!to || e.at <= to),
    )
    .sort((a, b) => (a.at === b.at ? b.seq - a.seq : b.at.localeCompare(a.at)));
  const limit = Math.min(1000, Math.max(1, Number(s.get('limit') ?? 200) || 200));
  const start = Number(s.get('before') ?? 0) || 0;
  return HttpResponse.json({
    items: rows.slice(start, start + limit),
    next_cursor: start + limit < rows.length ? String(start + limit) : null,
    total: rows.length,
  });
}
const list = (v: string | null) => (v ? v.split(',').filter(Boolean) : undefined);

export const handlers = [
  http.get(
    `${P}/session`,
    route(({ admin }) => HttpResponse.json({ user: admin })),
  ),
  http.get(
    `${P}/users`,
    route(({ url, store }) => {
      const q = (url.searchParams.get('q') ?? '').trim().toLowerCase();
      if (q.length > 200) return error(400, 'bad_request', 'Query parameter "q" is too long (200 characters at most).', { parameter: 'q' });
      const items = q
        ? store.world.users.filter((u) => u.id.toLowerCase() === q || u.email.toLowerCase().includes(q) || u.name.toLowerCase().includes(q))
        : [];
      return HttpResponse.json({ items, total: items.length });
    }),
  ),
  http.get(
    `${P}/users/:userId`,
    route(({ params, store }) => {
      const user = store.world.users.find((u) => u.id === params.userId);
      if (!user)
        return error(404, 'not_found', `No user with id ${String(params.userId)}.`, { resource: 'user', id: String(params.userId) });
      const towns = store.townsOf(user.id);
      return HttpResponse.json({ user, town_count: towns.length, rig_count: towns.reduce((s, t) => s + t.rigs.length, 0) });
    }),
  ),
  http.get(
    `${P}/users/:userId/towns`,
    route(({ params, store }) => {
      const user = store.world.users.find((u) => u.id === params.userId);
      if (!user)
        return error(404, 'not_found', `No user with id ${String(params.userId)}.`, { resource: 'user', id: String(params.userId) });
      return HttpResponse.json({ items: store.townsOf(user.id).map((t) => toTownSummary(t, Date.now())) });
    }),
  ),
  http.get(
    `${P}/users/:userId/rigs`,
    route(({ params, store }) => {
      const user = store.world.users.find((u) => u.id === params.userId);
      if (!user)
        return error(404, 'not_found', `No user with id ${String(params.userId)}.`, { resource: 'user', id: String(params.userId) });
      return HttpResponse.json({ items: store.townsOf(user.id).flatMap((t) => t.rigs) });
    }),
  ),
  http.get(
    `${P}/towns/:townId`,
    route((ctx) => {
      const town = withTown(ctx);
      if (town instanceof Response) return town;
      const owner = ctx.store.world.users.find((u) => u.id === town.town.owner_user_id)!;
      return HttpResponse.json({ ...toTownSummary(town, Date.now()), owner, rigs: town.rigs });
    }),
  ),
  http.get(
    `${P}/towns/:townId/beads`,
    route((ctx) => {
      const town = withTown(ctx);
      if (town instanceof Response) return town;
      const limit = intParam(ctx.url, 'limit', 200, 1, 1000);
      if (limit instanceof Response) return limit;
      const cursor = intParam(ctx.url, 'cursor', 0, 0, Number.MAX_SAFE_INTEGER);
      if (cursor instanceof Response) return cursor;
      const sort = ctx.url.searchParams.get('sort') ?? undefined;
      if (sort && !isSortable(sort)) return error(400, 'bad_request', `Cannot sort by "${sort}".`, { parameter: 'sort' });
      const cache = caches.get(town) ?? {};
      caches.set(town, cache);
      cache.lastEvents ??= lastEventAtByBead(town);
      const filter = {
        status: list(ctx.url.searchParams.get('status')),
        type: list(ctx.url.searchParams.get('type')),
        label: ctx.url.searchParams.get('label') ?? undefined,
        q: ctx.url.searchParams.get('q') ?? undefined,
        sort,
        cursor,
        limit,
      };
      return HttpResponse.json(toBeadPage(town, filter, cache.lastEvents));
    }),
  ),
  http.get(
    `${P}/towns/:townId/beads/:beadId`,
    route((ctx) => {
      const town = withTown(ctx);
      if (town instanceof Response) return town;
      const detail = toBeadDetail(town, String(ctx.params.beadId), Date.now());
      return detail
        ? HttpResponse.json(detail)
        : error(404, 'not_found', `No bead with id ${String(ctx.params.beadId)} in this town.`, {
            resource: 'bead',
            id: String(ctx.params.beadId),
          });
    }),
  ),
  http.get(
    `${P}/towns/:townId/beads/:beadId/events`,
    route((ctx) => {
      const town = withTown(ctx);
      if (town instanceof Response) return town;
      const id = String(ctx.params.beadId);
      if (!town.beads.some((b) => b.id === id))
        return error(404, 'not_found', `No bead with id ${id} in this town.`, { resource: 'bead', id });
      return HttpResponse.json({
        items: town.bead_events.filter((e) => e.bead_id === id).sort((a, b) => a.created_at.localeCompare(b.created_at)),
      });
    }),
  ),
  http.get(
    `${P}/towns/:townId/beads/:beadId/graph`,
    route((ctx) => {
      const town = withTown(ctx);
      if (town instanceof Response) return town;
      const raw = ctx.url.searchParams.get('depth') ?? '2';
      const depth = raw === 'all' ? null : Number(raw);
      if (depth !== null && (!Number.isInteger(depth) || depth < 1 || depth > 50))
        return error(400, 'bad_request', 'Query parameter "depth" must be 1–50 or "all".', { parameter: 'depth' });
      const graph = toBeadGraph(town, String(ctx.params.beadId), depth);
      return graph
        ? HttpResponse.json(graph)
        : error(404, 'not_found', `No bead with id ${String(ctx.params.beadId)} in this town.`, {
            resource: 'bead',
            id: String(ctx.params.beadId),
          });
    }),
  ),
  http.get(
    `${P}/towns/:townId/agents`,
    route((ctx) => {
      const town = withTown(ctx);
      if (town instanceof Response) return town;
      return HttpResponse.json({ items: town.agents.map((a) => toAgentListItem(town, a.id, Date.now())!) });
    }),
  ),
  http.get(
    `${P}/towns/:townId/agents/:agentId`,
    route((ctx) => {
      const town = withTown(ctx);
      if (town instanceof Response) return town;
      const detail = toAgentDetail(town, String(ctx.params.agentId), Date.now());
      return detail
        ? HttpResponse.json(detail)
        : error(404, 'not_found', `No agent with id ${String(ctx.params.agentId)} in this town.`, {
            resource: 'agent',
            id: String(ctx.params.agentId),
          });
    }),
  ),
  http.get(
    `${P}/towns/:townId/agents/:agentId/events`,
    route((ctx) => {
      const town = withTown(ctx);
      if (town instanceof Response) return town;
      const stream = town.sdk_streams.find((s) => s.agent_id === ctx.params.agentId);
      if (!stream)
        return error(404, 'not_found', `No agent with id ${String(ctx.params.agentId)} in this town.`, {
          resource: 'agent',
          id: String(ctx.params.agentId),
        });
      const limit = intParam(ctx.url, 'limit', 100, 1, 500);
      if (limit instanceof Response) return limit;
      const after = intParam(ctx.url, 'after', -1, 0, Number.MAX_SAFE_INTEGER);
      if (after instanceof Response) return after;
      const before = intParam(ctx.url, 'before', -1, 0, Number.MAX_SAFE_INTEGER);
      if (before instanceof Response) return before;
      const q = ctx.url.searchParams.get('q')?.toLowerCase() ?? '';
      const type = ctx.url.searchParams.get('type');
      const since = ctx.url.searchParams.get('since');
      const until = ctx.url.searchParams.get('until');
      const ascending = after >= 0;
      const items = [];
      let id = ascending ? after + 1 : before >= 0 ? Math.min(before - 1, stream.total) : stream.total;
      let scanned = 0;
      // Bounded scan so a rare search term cannot pin the mock forever.
      while (id >= 1 && id <= stream.total && items.length < limit && scanned < 200_000) {
        const event = sdkEventAt(stream, id);
        scanned++;
        const inWindow = (!since || event.created_at >= since) && (!until || event.created_at <= until);
        if (inWindow && (!type || event.event_type === type) && (!q || JSON.stringify(event.data).toLowerCase().includes(q)))
          items.push(event);
        id += ascending ? 1 : -1;
      }
      const more = id >= 1 && id <= stream.total;
      const last = items.at(-1);
      return HttpResponse.json({ items, next_cursor: more ? (last ? last.id : ascending ? id - 1 : id + 1) : null, total: stream.total });
    }),
  ),
  http.get(
    `${P}/towns/:townId/agents/:agentId/events/:eventId`,
    route((ctx) => {
      const town = withTown(ctx);
      if (town instanceof Response) return town;
      const stream = town.sdk_streams.find((s) => s.agent_id === ctx.params.agentId);
      const id = Number(ctx.params.eventId);
      if (!stream || !Number.isInteger(id) || id < 1 || id > stream.total)
        return error(404, 'not_found', `No event ${String(ctx.params.eventId)} for this agent.`, {
          resource: 'event',
          id: String(ctx.params.eventId),
        });
      return HttpResponse.json(sdkEventAt(stream, id));
    }),
  ),
  http.get(
    `${P}/towns/:townId/agents/:agentId/event-index`,
    route((ctx) => {
      const town = withTown(ctx);
      if (town instanceof Response) return town;
      const stream = town.sdk_streams.find((s) => s.agent_id === ctx.params.agentId);
      if (!stream)
        return error(404, 'not_found', `No agent with id ${String(ctx.params.agentId)} in this town.`, {
          resource: 'agent',
          id: String(ctx.params.agentId),
        });
      const limit = intParam(ctx.url, 'limit', 5000, 1, 20_000);
      if (limit instanceof Response) return limit;
      const after = intParam(ctx.url, 'after', 0, 0, Number.MAX_SAFE_INTEGER);
      if (after instanceof Response) return after;
      const rows: [number, number, string, string][] = [];
      for (let id = after + 1; id <= stream.total && rows.length < limit; id++) {
        const e = sdkEventAt(stream, id);
        rows.push([e.id, Date.parse(e.created_at), e.event_type, summarizeSdkEvent(e.event_type, e.data.properties)]);
      }
      const lastId = rows.at(-1)?.[0] ?? after;
      return HttpResponse.json({ rows, next_cursor: lastId < stream.total ? lastId : null, total: stream.total });
    }),
  ),
  http.get(
    `${P}/towns/:townId/dispatch-attempts`,
    route((ctx) => {
      const town = withTown(ctx);
      if (town instanceof Response) return town;
      const bead = ctx.url.searchParams.get('bead_id');
      const agent = ctx.url.searchParams.get('agent_id');
      return HttpResponse.json({
        items: town.dispatch_attempts
          .filter((d) => (!bead || d.bead_id === bead) && (!agent || d.agent_id === agent))
          .sort((a, b) => b.created_at.localeCompare(a.created_at)),
      });
    }),
  ),
  http.get(
    `${P}/towns/:townId/git-operations`,
    route((ctx) => {
      const town = withTown(ctx);
      if (town instanceof Response) return town;
      const agent = ctx.url.searchParams.get('agent_id');
      const outcome = ctx.url.searchParams.get('outcome');
      return HttpResponse.json({
        items: town.git_operations
          .filter((g) => (!agent || g.agent_id === agent) && (!outcome || g.outcome === outcome))
          .sort((a, b) => b.created_at.localeCompare(a.created_at)),
      });
    }),
  ),
  http.get(
    `${P}/towns/:townId/usage`,
    route((ctx) => {
      const town = withTown(ctx);
      return town instanceof Response ? town : HttpResponse.json(toTownUsage(town, Date.now()));
    }),
  ),
  http.get(
    `${P}/towns/:townId/review-queue`,
    route((ctx) => {
      const town = withTown(ctx);
      return town instanceof Response ? town : HttpResponse.json(toReviewQueue(town));
    }),
  ),
  http.get(
    `${P}/towns/:townId/container`,
    route((ctx) => {
      const town = withTown(ctx);
      return town instanceof Response ? town : HttpResponse.json(toContainerState(town));
    }),
  ),
  http.get(
    `${P}/towns/:townId/config`,
    route((ctx) => {
      const town = withTown(ctx);
      return town instanceof Response ? town : HttpResponse.json(toConfigResponse(town));
    }),
  ),
  http.get(
    `${P}/towns/:townId/timeline`,
    route((ctx) => {
      const town = withTown(ctx);
      if (town instanceof Response) return town;
      const limit = intParam(ctx.url, 'limit', 200, 1, 1000);
      if (limit instanceof Response) return limit;
      const cache = caches.get(town) ?? {};
      caches.set(town, cache);
      cache.timeline ??= toTimeline(town);
      const s = ctx.url.searchParams;
      return HttpResponse.json(
        pageTimeline(cache.timeline, {
          before: s.get('before') ?? undefined,
          limit,
          kind: list(s.get('kind')),
          entity: s.get('entity') ?? undefined,
          from: s.get('from') ?? undefined,
          to: s.get('to') ?? undefined,
        }),
      );
    }),
  ),
  http.get(
    `${P}/towns/:townId/audit`,
    route((ctx) => {
      const town = withTown(ctx);
      if (town instanceof Response) return town;
      return auditPage(town.audit_log, ctx.url);
    }),
  ),
  http.get(
    `${P}/towns/:townId/audit/verify`,
    route((ctx) => {
      const town = withTown(ctx);
      if (town instanceof Response) return town;
      const result = verifyChain(
        town.town.id,
        [...town.audit_log].sort((a, b) => a.seq - b.seq),
      );
      return HttpResponse.json({ ...result, entries: town.audit_log.length });
    }),
  ),
  http.get(
    `${P}/audit`,
    route(({ store, url }) => {
      const townId = url.searchParams.get('town_id');
      const towns = townId ? [store.town(townId)].filter((t) => t !== undefined) : store.world.towns;
      return auditPage(
        towns.flatMap((t) => t.audit_log),
        url,
      );
    }),
  ),
  http.post(
    `${P}/towns/:townId/actions/:action`,
    route(async (ctx) => {
      const town = withTown(ctx);
      if (town instanceof Response) return town;
      const key = ctx.request.headers.get('idempotency-key');
      if (!key)
        return error(400, 'bad_request', 'Idempotency-Key header is required for an intervention.', { parameter: 'Idempotency-Key' });
      let body: unknown;
      try {
        body = await ctx.request.json();
      } catch {
        return error(400, 'bad_request', 'The request body is not JSON.', { parameter: 'body' });
      }
      const fingerprint = `${String(ctx.params.action)} ${JSON.stringify(body)}`;
      const memo = idempotent.get(`${town.town.id}:${key}`);
      if (memo) {
        if (memo.fingerprint !== fingerprint)
          return error(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different request.', {
            parameter: 'Idempotency-Key',
          });
        return HttpResponse.json(memo.body, { status: memo.status });
      }
      try {
        const result = runAction(
          memoryAccess(town),
          {
            head: () => {
              const last = town.audit_log.at(-1);
              return last ? { seq: last.seq, hash: last.hash } : null;
            },
            append: (entry) => town.audit_log.push(entry),
          },
          {
            action: String(ctx.params.action),
            body,
            ifMatch: ctx.request.headers.get('if-match'),
            admin: ctx.admin,
            requestId: crypto.randomUUID(),
            now: new Date().toISOString(),
            newId: () => crypto.randomUUID(),
          },
        );
        if (!result.dry_run) {
          caches.delete(town);
          idempotent.set(`${town.town.id}:${key}`, { fingerprint, status: 200, body: result });
        }
        return HttpResponse.json(result);
      } catch (e) {
        if (e instanceof EngineError) return error(e.status, e.code, e.message, e.details);
        throw e;
      }
    }),
  ),
];
