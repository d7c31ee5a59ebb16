// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEV_TOKENS } from '../../test/tokens';
import { runSeededWorker } from './seeded-worker';
import { auditHash } from '../../../server/engine';
import { createApiClient } from '../client';
import { endpoints } from '../endpoints';
import { describeInterventionContract } from './interventions.contract';
import { describeEveryAction } from './actions.contract';
import { describeLiveContract } from './live.contract';

/**
 * The intervention contract against the reference worker (its own `wrangler dev` and state folder, so
 * its writes never meet the read suite's), plus what only the worker can show: a row rewritten
 * behind the triggers' back fails verification at that entry, and the triggers refuse UPDATE/DELETE.
 */
const worker = runSeededWorker('gastown-interventions-');

const client = (token: string) => createApiClient({ baseUrl: worker.base(), getToken: () => token, fetch: worker.fetch });
const clients = () => ({ admin: client(DEV_TOKENS.admin), nonAdmin: client(DEV_TOKENS.nonAdmin) });

async function dev(path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await worker.fetch(`${worker.base()}/api/dev/audit/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${DEV_TOKENS.admin}` },
    body: JSON.stringify(body),
  });
  expect(res.status, `/api/dev/audit/${path}`).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

describeInterventionContract('reference worker', clients);
describeEveryAction('reference worker', clients, worker.reseed);
describeLiveContract('reference worker', () => ({
  baseUrl: worker.base(),
  fetch: worker.fetch,
  adminToken: DEV_TOKENS.admin,
  admin: clients().admin,
}));

describe('audit chain (reference worker)', () => {
  const townNamed = (name: string) => worker.world().towns.find((t) => t.town.name === name)!.town.id;

  it('stores entries whose hash is the chain definition over their own fields', async () => {
    const { admin } = clients();
    const entry = (await admin.get(endpoints.townAudit(townNamed('payments-api')))).items[0]!;
    // The listing adds the global number and the names (read when listed, not part of the record).
    const { hash, global_seq: _global, names: _names, ...body } = entry;
    expect(auditHash(body)).toBe(hash);
  });

  /** Three interventions on the town's container (three new audit entries). */
  async function actThrice(townId: string) {
    const { admin } = clients();
    let version = (await admin.get(endpoints.container(townId))).version;
    for (const minutes of [20, 40, 60]) {
      const result = await admin.act(
        townId,
        'container.set_sleep_timeout',
        {
          target: { kind: 'container', id: townId },
          params: { sleep_after_minutes: minutes },
          reason: 'tuning sleep for the nightly batch',
          dryRun: false,
        },
        { idempotencyKey: crypto.randomUUID(), ifMatch: version },
      );
      version = result.target_version!;
    }
  }

  it('detects a row rewritten behind the triggers at that entry', async () => {
    const { admin } = clients();
    const townId = townNamed('storefront');
    const before = await admin.get(endpoints.verifyAudit(townId));
    expect(before.verified).toBe(true);
    await actThrice(townId);
    const n = before.entries;
    expect(await admin.get(endpoints.verifyAudit(townId))).toMatchObject({
      verified: true,
      verified_through: n + 3,
      entries: n + 3,
      broken_at: null,
    });
    expect(await dev('tamper', { town_id: townId, seq: n + 2, reason: 'nothing to see here' })).toEqual({ tampered: true });
    const after = await admin.get(endpoints.verifyAudit(townId));
    expect(after).toMatchObject({ verified: false, verified_through: n + 1, broken_at: n + 2, entries: n + 3 });
    expect(after.problem).toContain(`entry ${n + 2} was altered`);
  });

  it('detects the newest entries deleted behind the triggers: the signed head outside the town names them missing', async () => {
    const { admin } = clients();
    const townId = townNamed('docs-site');
    const n = (await admin.get(endpoints.verifyAudit(townId))).entries;
    await actThrice(townId);
    const intact = await admin.get(endpoints.verifyAudit(townId));
    expect(intact).toMatchObject({ verified: true, entries: n + 3, anchor: { seq: n + 3, signed: true } });

    expect(await dev('truncate', { town_id: townId, keep: n + 1 })).toEqual({ deleted: 2 });
    const after = await admin.get(endpoints.verifyAudit(townId));
    expect(after).toMatchObject({ verified: false, entries: n + 1, verified_through: n + 1, broken_at: n + 2 });
    expect(after.problem).toContain(`entries ${n + 2}–${n + 3} are missing`);

    // The fleet-wide verification finds the same, and only the towns that were broken on purpose.
    const all = (await admin.get(endpoints.verifyAllAudit())).items;
    expect(all.find((v) => v.town_id === townId)).toMatchObject({ verified: false, broken_at: n + 2 });
    const broken = all.filter((v) => !v.verified).map((v) => v.town_id);
    expect(broken.sort()).toEqual([townId, townNamed('storefront')].sort());
    expect(all.length).toBe(worker.world().towns.length);
  });

  it('the triggers refuse UPDATE and DELETE on the log', async () => {
    const townId = townNamed('payments-api');
    expect((await clients().admin.get(endpoints.townAudit(townId))).total).toBeGreaterThan(0);
    const probe = await dev('probe', { town_id: townId });
    expect(probe.update).toMatch(/^refused: .*append-only/);
    expect(probe.delete).toMatch(/^refused: .*append-only/);
  });

  it('dev audit routes do not exist on the admin API', async () => {
    const res = await worker.fetch(`${worker.base()}/api/admin/audit/tamper`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEV_TOKENS.admin}` },
    });
    expect(res.status).toBe(404);
  });
});
