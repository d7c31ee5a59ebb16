// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../client';
import { endpoints } from '../endpoints';
import { runSeededWorker } from './seeded-worker';
import { DEV_TOKENS } from '../../../scenarios';

/**
 * The reference worker's dev seed route, as `npm start` calls it (worker/routes/dev.ts).
 * `npm start` asks the dev seed route to re-anchor a stale seed: the scenario towns' evidence is
 * relative to their seed time, so a day-old seed shows every town as silent. State that holds an
 * admin's interventions is never thrown away.
 */
const worker = runSeededWorker('gastown-seed-');
const HOUR = 3_600_000;
const REFRESH_AFTER = 30 * 60_000;

async function seed(body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await worker.fetch(`${worker.base()}/api/dev/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
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
    await seed({ force: true });
  });
});
