// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../client';
import { endpoints } from '../endpoints';
import { runSeededWorker } from './seeded-worker';
import { DEV_TOKENS } from '../../test/tokens';

/**
 * The reference worker's dev routes exactly as `npm start` serves them (no test hooks): the gate in
 * front of them (server/routes/dev-gate.ts), and the seed route (server/routes/dev.ts).
 * `npm start` asks the dev seed route to re-anchor a stale seed: the scenario towns' evidence is
 * relative to their seed time, so a day-old seed shows every town as silent. State that holds an
 * admin's interventions is never thrown away.
 */
const worker = runSeededWorker('gastown-seed-', { testHooks: false });
const HOUR = 3_600_000;
const REFRESH_AFTER = 30 * 60_000;

async function seed(body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await post('seed', body);
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

const admin = () => createApiClient({ baseUrl: worker.base(), getToken: () => DEV_TOKENS.admin, fetch: worker.fetch });

async function storefront() {
  const [user] = (await admin().get(endpoints.searchUsers('dana.whitfield'))).items;
  return (await admin().get(endpoints.userTowns(user!.id))).items.find((t) => t.name === 'storefront')!;
}

describe('re-anchoring the scenario towns on start', () => {
  it('leaves a fresh seed alone', async () => {
    const result = await seed({ refreshAfterMs: REFRESH_AFTER });
    expect(result.seeded).toBe(false);
    expect(result.stale).toBeUndefined();
  });

  it('re-anchors a three-hour-old seed nobody has acted on, so the healthy town is active again', async () => {
    await seed({ force: true, now: Date.now() - 3 * HOUR });
    const aged = await storefront();
    expect(Date.now() - Date.parse(aged.last_activity_at!)).toBeGreaterThan(2 * HOUR);

    const result = await seed({ refreshAfterMs: REFRESH_AFTER });
    expect(result.seeded).toBe(true);
    expect((result.refreshed as { age_ms: number }).age_ms).toBeGreaterThan(3 * HOUR - 60_000);
    const fresh = await storefront();
    expect(Date.now() - Date.parse(fresh.last_activity_at!)).toBeLessThan(30 * 60_000);
  });

  it('keeps an aged seed that holds an intervention, and says how old it is', async () => {
    await seed({ force: true, now: Date.now() - 3 * HOUR });
    const town = await storefront();
    const container = await admin().get(endpoints.container(town.id));
    await admin().act(
      town.id,
      'container.set_sleep_timeout',
      {
        target: { kind: 'container', id: town.id },
        params: { sleep_after_minutes: 45 },
        reason: 'Support case #5120: keep the container up during the demo',
        dryRun: false,
      },
      { idempotencyKey: crypto.randomUUID(), ifMatch: container.version },
    );

    const result = await seed({ refreshAfterMs: REFRESH_AFTER });
    expect(result.seeded).toBe(false);
    expect(result.stale).toMatchObject({ towns_with_interventions: 1 });
    expect((await admin().get(endpoints.townAudit(town.id))).items[0]?.reason).toBe(
      'Support case #5120: keep the container up during the demo',
    );
  });

  it('refuses to reseed a town that holds interventions, pointing to npm run reset-data', async () => {
    const town = await storefront();
    const before = await admin().get(endpoints.townAudit(town.id));
    expect(before.total).toBeGreaterThan(0);
    const res = await post('seed', { force: true });
    expect(res.status).toBe(409);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('interventions_present');
    expect(body.error.message).toContain('npm run reset-data');
    expect(await admin().get(endpoints.townAudit(town.id))).toEqual(before);
    expect(await admin().get(endpoints.verifyAudit(town.id))).toMatchObject({ verified: true, entries: before.total });
  });
});

const ADMIN = { authorization: `Bearer ${DEV_TOKENS.admin}` };
const JSON_BODY = { 'content-type': 'application/json' };

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return worker.fetch(`${worker.base()}/api/dev/${path}`, {
    method: 'POST',
    headers: { ...ADMIN, ...JSON_BODY, ...headers },
    body: JSON.stringify(body),
  });
}

/** Every dev route, with a body that would be accepted by an authorised same-origin caller. */
const DEV_ROUTES: { method: 'GET' | 'POST'; path: string; body?: unknown }[] = [
  { method: 'GET', path: 'status' },
  { method: 'GET', path: 'interventions' },
  { method: 'GET', path: 'clock' },
  { method: 'POST', path: 'clock', body: { advanceMs: 0 } },
  { method: 'POST', path: 'patrol', body: { mode: 'manual' } },
  { method: 'POST', path: 'seed', body: { force: true } },
  { method: 'POST', path: 'audit/tamper', body: { seq: 1, reason: 'rewritten' } },
  { method: 'POST', path: 'audit/seed', body: { count: 1 } },
  { method: 'POST', path: 'audit/probe', body: {} },
];

describe('dev routes gate (as npm start serves them)', () => {
  const call = (route: (typeof DEV_ROUTES)[number], headers: Record<string, string>, body?: string) =>
    worker.fetch(`${worker.base()}/api/dev/${route.path}`, {
      method: route.method,
      headers,
      ...(route.method === 'POST' ? { body: body ?? JSON.stringify(route.body) } : {}),
    });

  it('answers 401 without a token, and 403 to a non-admin, on every dev route, with no data', async () => {
    for (const route of DEV_ROUTES) {
      const anonymous = await call(route, JSON_BODY);
      expect(anonymous.status, `${route.method} ${route.path} without a token`).toBe(401);
      expect(Object.keys((await anonymous.json()) as object)).toEqual(['error']);
      const nonAdmin = await call(route, { ...JSON_BODY, authorization: `Bearer ${DEV_TOKENS.nonAdmin}` });
      expect(nonAdmin.status, `${route.method} ${route.path} as a non-admin`).toBe(403);
    }
  });

  it('refuses a request another site sends, even with the admin token', async () => {
    for (const route of DEV_ROUTES) {
      const fromOrigin = await call(route, { ...ADMIN, ...JSON_BODY, origin: 'https://attacker.example' });
      expect(fromOrigin.status, `${route.method} ${route.path} from another origin`).toBe(403);
      expect(((await fromOrigin.json()) as { error: { code: string } }).error.code).toBe('cross_origin');
      const crossSite = await call(route, { ...ADMIN, ...JSON_BODY, 'sec-fetch-site': 'cross-site' });
      expect(crossSite.status, `${route.method} ${route.path} cross-site`).toBe(403);
    }
    const sameOrigin = await call(DEV_ROUTES[0]!, { ...ADMIN, origin: worker.base(), 'sec-fetch-site': 'same-origin' });
    expect(sameOrigin.status).toBe(200);
  });

  it('refuses a body that is not JSON (what a no-cors fetch or a form sends)', async () => {
    for (const route of DEV_ROUTES.filter((r) => r.method === 'POST')) {
      const res = await call(route, { ...ADMIN, 'content-type': 'text/plain;charset=UTF-8' }, JSON.stringify(route.body));
      expect(res.status, `POST ${route.path} as text/plain`).toBe(415);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain('application/json');
    }
  });

  it('has no audit tamper, bulk-append or probe hook without the test harness', async () => {
    const town = await storefront();
    const before = await admin().get(endpoints.townAudit(town.id));
    for (const path of ['audit/tamper', 'audit/seed', 'audit/probe']) {
      const res = await post(path, { town_id: town.id, seq: 1, count: 5, reason: 'rewritten' });
      expect(res.status, path).toBe(404);
    }
    expect(await admin().get(endpoints.townAudit(town.id))).toEqual(before);
  });

  it('plants no hostile text without the test harness (the e2e corpus exists only there)', async () => {
    const town = await storefront();
    const before = await admin().get(endpoints.beads(town.id, { limit: 5 }));
    const res = await post('seed', { force: true, hostile: { texts: ['<img src=x onerror=alert(1)>'] } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('TEST_HOOKS');
    expect(await admin().get(endpoints.beads(town.id, { limit: 5 }))).toEqual(before);
  });
});
