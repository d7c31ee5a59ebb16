// @vitest-environment node
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { DEV_KEYS } from '../../../server/auth/dev-tokens';
import { DEV_TOKENS } from '../../test/tokens';
import { createApiClient } from '../client';
import {
  actionPath,
  batchesPath,
  batchRunPath,
  batchStreamPath,
  endpoints,
  savedViewPath,
  savedViewsPath,
  toSearchParams,
  townSearchPath,
} from '../endpoints';
import { ALL_ACTIONS } from '../schemas/capabilities';
import { runSeededWorker } from './seeded-worker';

/**
 * Attacks on every route of the reference worker, as a stranger or another web site would try them:
 * no token, a bad token, a non-admin's token, a request from another origin, and the `no-cors`
 * text/plain POST a page on any site can send. The admin routes come from the contract itself
 * (`endpoints`, every action, the batch routes), so a route added there is attacked here too: the
 * argument table below is typed against `endpoints`, and a new endpoint without a row fails typecheck.
 * Runs with the test hooks on, so the tamper/truncate/fault hooks are attacked as well.
 */
const worker = runSeededWorker('gastown-attacks-', { testHooks: true });
const ATTACKER = 'https://attacker.example';

/** Real ids, so a route that answered would answer with real data (and the checks below would see it). */
function ids() {
  const seed = worker.world().towns.find((t) => t.town.name === 'payments-api')!;
  return {
    town: seed.town.id,
    user: seed.town.owner_user_id,
    bead: seed.beads[0]!.id,
    agent: seed.agents[0]!.id,
    townName: seed.town.name,
    sessions: seed.processes.map((x) => x.process_id),
  };
}

type Args = { [K in keyof typeof endpoints]: (i: ReturnType<typeof ids>) => Parameters<(typeof endpoints)[K]> };
const ARGS: Args = {
  session: () => [],
  capabilities: () => [],
  searchUsers: () => ['dana'],
  user: (i) => [i.user],
  userTowns: (i) => [i.user],
  userRigs: (i) => [i.user],
  userIntegrations: (i) => [i.user],
  town: (i) => [i.town],
  beads: (i) => [i.town, { limit: 5 }],
  bead: (i) => [i.town, i.bead],
  beadEvents: (i) => [i.town, i.bead],
  beadGraph: (i) => [i.town, i.bead, 2],
  agents: (i) => [i.town],
  agent: (i) => [i.town, i.agent],
  agentEvents: (i) => [i.town, i.agent, { limit: 5 }],
  agentEvent: (i) => [i.town, i.agent, 1],
  agentEventIndex: (i) => [i.town, i.agent],
  dispatchAttempts: (i) => [i.town],
  gitOperations: (i) => [i.town],
  usage: (i) => [i.town],
  cost: (i) => [i.town],
  compare: (i) => [i.town, 'session', i.sessions[0]!, i.sessions[1]!],
  sessions: (i) => [i.town],
  reviewQueue: (i) => [i.town],
  escalations: (i) => [i.town],
  container: (i) => [i.town],
  config: (i) => [i.town],
  timeline: (i) => [i.town],
  townAudit: (i) => [i.town],
  verifyAudit: (i) => [i.town],
  recovery: (i) => [i.town, 'aud_1'],
  recoveryObservations: (i) => [i.town],
  audit: () => [],
  verifyAllAudit: () => [],
  savedViews: () => ['beads'],
};

interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
}

function adminRoutes(): Route[] {
  const i = ids();
  const reads = (Object.keys(endpoints) as (keyof typeof endpoints)[]).map((name) => {
    const spec = (endpoints[name] as (...a: unknown[]) => { path: string; query?: Parameters<typeof toSearchParams>[0] })(...ARGS[name](i));
    return { method: 'GET' as const, url: spec.path + toSearchParams(spec.query) };
  });
  const action = (a: string) => ({
    method: 'POST' as const,
    url: actionPath(i.town, a as never),
    body: { target: { kind: 'town', id: i.town }, params: {}, reason: 'an attacker', dryRun: false },
  });
  return [
    ...reads,
    ...ALL_ACTIONS.map(action),
    { method: 'POST', url: batchesPath(i.town), body: { action: 'bead.force_close', selection: { kind: 'filter', filter: {} } } },
    { method: 'POST', url: batchRunPath(i.town, 'k'), body: {} },
    { method: 'POST', url: batchStreamPath(i.town, 'k'), body: {} },
    // Saved views (the admin's own preferences) are written with PUT, PATCH and DELETE too.
    { method: 'POST', url: savedViewsPath(), body: { scope: 'beads', name: 'an attacker', query: 'status=open' } },
    { method: 'PUT', url: `${savedViewsPath()}/last-used`, body: { scope: 'beads', view_id: null } },
    { method: 'PATCH', url: savedViewPath(crypto.randomUUID()), body: { name: 'an attacker' } },
    { method: 'DELETE', url: savedViewPath(crypto.randomUUID()) },
    // Town-wide search streams NDJSON, so it is a path of its own rather than a read endpoint.
    { method: 'GET', url: townSearchPath(i.town, 'secret') },
    // Authentication comes before routing: an unknown path teaches an anonymous caller nothing.
    { method: 'GET', url: '/api/admin/no-such-route' },
  ];
}

/** The dev routes are not in the contract (the panel never calls them): this is every one server/routes/dev.ts serves. */
function devRoutes(): Route[] {
  const town = ids().town;
  return [
    { method: 'GET', url: '/api/dev/status' },
    { method: 'GET', url: '/api/dev/interventions' },
    { method: 'GET', url: '/api/dev/clock' },
    { method: 'POST', url: '/api/dev/clock', body: { advanceMs: 60_000 } },
    { method: 'POST', url: '/api/dev/patrol', body: { mode: 'manual' } },
    { method: 'POST', url: '/api/dev/seed', body: { force: true } },
    { method: 'POST', url: '/api/dev/sdk-events', body: { town_id: town, events: [] } },
    { method: 'POST', url: '/api/dev/fault', body: { town_id: town, fault: 'crash_after_commit' } },
    { method: 'POST', url: '/api/dev/audit/tamper', body: { town_id: town, seq: 1, reason: 'rewritten' } },
    { method: 'POST', url: '/api/dev/audit/truncate', body: { town_id: town, keep: 0 } },
    { method: 'POST', url: '/api/dev/audit/seed', body: { town_id: town, count: 5 } },
    { method: 'POST', url: '/api/dev/audit/probe', body: { town_id: town } },
  ];
}

const label = (r: Route) => `${r.method} ${r.url}`;

async function send(route: Route, headers: Record<string, string>, body?: string) {
  const res = await worker.fetch(`${worker.base()}${route.url}`, {
    method: route.method,
    headers,
    ...(route.method !== 'GET' && route.method !== 'DELETE' ? { body: body ?? JSON.stringify(route.body ?? {}) } : {}),
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** Refused with one of `statuses`, and the answer is an error and nothing else: no town, user or email in it. */
function expectRefused(route: Route, result: Awaited<ReturnType<typeof send>>, statuses: number[], how: string) {
  expect(statuses, `${label(route)} ${how}: status ${result.status}`).toContain(result.status);
  const body = JSON.parse(result.text) as Record<string, unknown>;
  expect(Object.keys(body), `${label(route)} ${how}`).toEqual(['error']);
  for (const secret of [ids().townName, ids().town, 'acme-robotics', 'Dana'])
    expect(result.text, `${label(route)} ${how}`).not.toContain(secret);
}

const JSON_TYPE = { 'content-type': 'application/json' };
const notAdmin = { ...JSON_TYPE, authorization: `Bearer ${DEV_TOKENS.nonAdmin}` };
const admin = () => createApiClient({ baseUrl: worker.base(), getToken: () => DEV_TOKENS.admin, fetch: worker.fetch });

async function forged() {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ email: 'admin@kilo.dev', is_admin: true })
    .setProtectedHeader({ alg: 'HS256', kid: DEV_KEYS.current_kid })
    .setSubject('usr_attacker')
    .setIssuer(DEV_KEYS.issuer)
    .setAudience(DEV_KEYS.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(new TextEncoder().encode('a key the attacker made up, long enough for HS256'));
}

/** What the worker holds that an attack could change: each town's audit entry count and its chain's verdict. */
const auditState = async () => (await admin().get(endpoints.verifyAllAudit())).items.map((v) => [v.town_id, v.entries, v.verified]);

describe('every route refuses strangers and other web sites', () => {
  it('enumerates the whole contract: every read endpoint, every action, the batch routes, the search', () => {
    const routes = adminRoutes();
    expect(routes.filter((r) => r.method === 'GET').length).toBe(Object.keys(endpoints).length + 2);
    expect(routes.filter((r) => r.url.includes('/actions/')).length).toBe(ALL_ACTIONS.length);
    expect(new Set(routes.map(label)).size).toBe(routes.length);
  });

  it('no token, a garbage token, a forged token: 401 and no data, on every admin and dev route', async () => {
    const before = await auditState();
    const bad = await forged();
    for (const route of [...adminRoutes(), ...devRoutes()]) {
      expectRefused(route, await send(route, JSON_TYPE), [401], 'without a token');
      expectRefused(route, await send(route, { ...JSON_TYPE, authorization: 'Bearer not-a-token' }), [401], 'with a garbage token');
      expectRefused(route, await send(route, { ...JSON_TYPE, authorization: `Bearer ${bad}` }), [401], 'with a forged token');
      expectRefused(route, await send(route, { ...JSON_TYPE, authorization: 'Basic YWRtaW46YWRtaW4=' }), [401], 'with Basic auth');
    }
    expect(await auditState()).toEqual(before);
  });

  it("a non-admin's valid token: 403 and no data, on every admin and dev route", async () => {
    const before = await auditState();
    for (const route of [...adminRoutes(), ...devRoutes()]) {
      expectRefused(route, await send(route, notAdmin), [403], 'as a non-admin');
    }
    expect(await auditState()).toEqual(before);
  });

  it('another site: no token reaches the API from its page, and no answer carries CORS headers for it', async () => {
    const before = await auditState();
    const site = { origin: ATTACKER, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'cors' };
    for (const route of [...adminRoutes(), ...devRoutes()]) {
      const plain = await send(route, { ...JSON_TYPE, ...site });
      expectRefused(route, plain, [401, 403], 'from another site');
      expect(plain.headers.get('access-control-allow-origin'), label(route)).toBeNull();
    }
    // Even a stolen token used from that site's page: dev routes refuse it; admin answers carry no CORS
    // header for that origin, so the browser hands the page nothing.
    for (const route of devRoutes()) {
      const res = await send(route, { ...JSON_TYPE, ...site, authorization: `Bearer ${DEV_TOKENS.admin}` });
      expectRefused(route, res, [403], 'from another site with the admin token');
    }
    for (const route of adminRoutes().filter((r) => r.method === 'GET')) {
      const res = await send(route, { ...site, authorization: `Bearer ${DEV_TOKENS.admin}` });
      expect(res.headers.get('access-control-allow-origin'), label(route)).toBeNull();
    }
    const preflight = await worker.fetch(`${worker.base()}${actionPath(ids().town, 'bead.force_close')}`, {
      method: 'OPTIONS',
      headers: { origin: ATTACKER, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
    expect(await auditState()).toEqual(before);
  });

  it('a no-cors text/plain POST (what any page can send without asking): refused, nothing changes', async () => {
    const before = await auditState();
    const noCors = {
      'content-type': 'text/plain;charset=UTF-8',
      origin: ATTACKER,
      'sec-fetch-site': 'cross-site',
      'sec-fetch-mode': 'no-cors',
    };
    for (const route of [...adminRoutes(), ...devRoutes()].filter((r) => r.method === 'POST')) {
      expectRefused(route, await send(route, noCors), [401, 403, 415], 'as a no-cors text/plain POST');
      // A form post carries no Origin check of its own: the same body without Origin is refused too.
      expectRefused(route, await send(route, { 'content-type': 'text/plain;charset=UTF-8' }), [401, 415], 'as text/plain');
    }
    expect(await auditState()).toEqual(before);
  });

  it('the admin token from the panel itself still works, so the refusals above are the gate and not a broken worker', async () => {
    const i = ids();
    expect((await admin().get(endpoints.town(i.town))).name).toBe(i.townName);
    const res = await send({ method: 'GET', url: '/api/dev/status' }, { authorization: `Bearer ${DEV_TOKENS.admin}` });
    expect(res.status).toBe(200);
  });
});
