// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_HEADERS, emptyAssetsDir, seed, startWranglerInRange, type LocalServer } from '../../../scripts/lib/wrangler.mjs';
import { DEV_TOKENS } from '../../test/tokens';
import { server as mswServer } from '../../mocks/node';
import { createApiClient } from '../client';
import { ApiError } from '../errors';
import { endpoints } from '../endpoints';
import { versionOf } from './lookups';

/**
 * Faults against the reference worker, with its own state folder so it can be killed and started again:
 * a town that crashes between its commit and the copy into the user's GastownUserDO (the outbox, retried
 * by alarm and on a replay of the same Idempotency-Key), a receiver that applied a message the town never
 * marked delivered, and a SIGKILL of the whole runtime followed by a restart on the same state.
 */
let local: LocalServer | null = null;
let stateDir = '';
const realFetch = globalThis.fetch;
const start = async () => {
  local = await startWranglerInRange(8790, 8799, { persistTo: stateDir, assets: emptyAssetsDir(), testHooks: true });
};

beforeAll(async () => {
  mswServer.close();
  stateDir = mkdtempSync(join(tmpdir(), 'gastown-faults-'));
  await start();
  await seed(local!.base, { now: Date.now() });
}, 120_000);

afterAll(async () => {
  await local?.stop();
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

const api = () => createApiClient({ baseUrl: local!.base, getToken: () => DEV_TOKENS.admin, fetch: realFetch });

async function armFault(townId: string, fault: 'crash_after_commit' | 'crash_before_ack') {
  const res = await realFetch(`${local!.base}/api/dev/fault`, {
    method: 'POST',
    headers: DEV_HEADERS,
    body: JSON.stringify({ town_id: townId, fault }),
  });
  expect(res.status).toBe(200);
}

/**
 * A rig of Dana's towns and an active integration it may be re-linked to (the organization-wide
 * installation of its account), one the earlier tests have not used.
 */
const used = new Set<string>();
async function relinkTarget() {
  const [owner] = (await api().get(endpoints.searchUsers('dana.whitfield'))).items;
  const integrations = (await api().get(endpoints.userIntegrations(owner!.id))).items;
  for (const town of (await api().get(endpoints.userTowns(owner!.id))).items) {
    for (const { rig } of (await api().get(endpoints.config(town.id))).rigs) {
      const to = integrations.find(
        (i) =>
          i.status === 'active' &&
          i.repositories === 'all' &&
          i.account === rig.integration?.account &&
          i.id !== rig.platform_integration_id,
      );
      if (to && !used.has(rig.id)) {
        used.add(rig.id);
        return { town, rig, to };
      }
    }
  }
  throw new Error('no rig left to re-link in the scenario');
}

const mirrored = async (ownerId: string, rigId: string) =>
  (await api().get(endpoints.userRigs(ownerId))).items.find((r) => r.id === rigId)!;
const townRig = async (townId: string, rigId: string) =>
  (await api().get(endpoints.config(townId))).rigs.find((r) => r.rig.id === rigId)!.rig;

async function relink(townId: string, rigId: string, integrationId: string, key: string, ifMatch: number) {
  return api().act(
    townId,
    'credential.relink_integration',
    {
      target: { kind: 'rig', id: rigId },
      params: { integration_id: integrationId },
      reason: 'Support #7781: relink after suspension',
      dryRun: false,
    },
    { idempotencyKey: key, ifMatch },
  );
}

/** The request died in the town (the armed crash): a 500, not a refusal. */
async function expectCrash(request: Promise<unknown>) {
  const error = await request.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).message).toBe('The admin API failed unexpectedly.');
}

/** Polls until `read` passes `check` (the outbox's alarm runs on its own schedule), at most `ms`. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('cross-object writes survive crashes (reference worker)', () => {
  it('a crash after the commit, retried with the same key: one change, one entry, and the user’s rig list converges', async () => {
    const { town, rig, to: active } = await relinkTarget();
    const entries = (await api().get(endpoints.verifyAudit(town.id))).entries;
    const version = (await versionOf(api(), town.id, 'rig', rig.id))!;
    await armFault(town.id, 'crash_after_commit');
    const key = crypto.randomUUID();

    const crashed = await relink(town.id, rig.id, active.id, key, version).catch((error: unknown) => error);
    expect(crashed).toBeInstanceOf(ApiError);
    expect((crashed as ApiError).status).toBe(500);
    // The town committed; the user's copy has not heard of it yet.
    expect((await townRig(town.id, rig.id)).platform_integration_id).toBe(active.id);

    const retried = await relink(town.id, rig.id, active.id, key, version);
    expect(retried.dry_run).toBe(false);
    expect((await mirrored(town.owner_user_id, rig.id)).platform_integration_id).toBe(active.id);
    const verify = await api().get(endpoints.verifyAudit(town.id));
    expect(verify).toMatchObject({ verified: true, entries: entries + 1 });
    expect(verify.anchor?.seq).toBe(entries + 1);
  });

  it('without any retry, the alarm delivers what a crash left in the outbox', async () => {
    const { town, rig, to: other } = await relinkTarget();
    await armFault(town.id, 'crash_after_commit');
    const version = (await versionOf(api(), town.id, 'rig', rig.id))!;
    await expectCrash(relink(town.id, rig.id, other.id, crypto.randomUUID(), version));
    const copy = await eventually(
      () => mirrored(town.owner_user_id, rig.id),
      (r) => r.platform_integration_id === other.id,
    );
    expect(copy.platform_integration_id).toBe(other.id);
  });

  it('a receiver that applied a message the town never marked delivered gets it again, and applies it once', async () => {
    const { town, rig, to } = await relinkTarget();
    const entries = (await api().get(endpoints.verifyAudit(town.id))).entries;
    await armFault(town.id, 'crash_before_ack');
    const version = (await versionOf(api(), town.id, 'rig', rig.id))!;
    const key = crypto.randomUUID();
    // The crash comes after the first receiver (the signed head) answered, before the town deleted the row.
    await expectCrash(relink(town.id, rig.id, to.id, key, version));
    await relink(town.id, rig.id, to.id, key, version);
    expect((await mirrored(town.owner_user_id, rig.id)).platform_integration_id).toBe(to.id);
    expect(await api().get(endpoints.verifyAudit(town.id))).toMatchObject({
      verified: true,
      entries: entries + 1,
      anchor: { seq: entries + 1 },
    });
  });

  it('SIGKILL right after a crashed commit, then a restart on the same state: everything persists and the copy converges', async () => {
    const { town, rig, to } = await relinkTarget();
    const before = (await api().get(endpoints.verifyAllAudit())).items;
    await armFault(town.id, 'crash_after_commit');
    const version = (await versionOf(api(), town.id, 'rig', rig.id))!;
    await expectCrash(relink(town.id, rig.id, to.id, crypto.randomUUID(), version));

    const child = local!.child;
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid!, 'SIGKILL');
    await exited;
    await local!.stop();
    await start();

    const copy = await eventually(
      () => mirrored(town.owner_user_id, rig.id),
      (r) => r.platform_integration_id === to.id,
    );
    expect(copy.platform_integration_id).toBe(to.id);
    const after = (await api().get(endpoints.verifyAllAudit())).items;
    expect(after.every((v) => v.verified)).toBe(true);
    const entriesOf = (items: typeof after) => Object.fromEntries(items.map((v) => [v.town_id, v.entries]));
    expect(entriesOf(after)).toEqual({ ...entriesOf(before), [town.id]: entriesOf(before)[town.id]! + 1 });
    expect(after.find((v) => v.town_id === town.id)?.anchor).toMatchObject({ seq: entriesOf(before)[town.id]! + 1, signed: true });
  }, 90_000);

  it('a retry whose body has its keys in another order is the same request (canonical fingerprint), not a reused key', async () => {
    const { town, rig, to } = await relinkTarget();
    const version = (await versionOf(api(), town.id, 'rig', rig.id))!;
    const key = crypto.randomUUID();
    const send = (body: unknown) =>
      realFetch(`${local!.base}/api/admin/towns/${town.id}/actions/credential.relink_integration`, {
        method: 'POST',
        headers: { ...DEV_HEADERS, 'idempotency-key': key, 'if-match': String(version) },
        body: JSON.stringify(body),
      });
    const reason = 'Support #7790: relink, sent twice by a flaky proxy';
    const first = await send({ target: { kind: 'rig', id: rig.id }, params: { integration_id: to.id }, reason, dryRun: false });
    expect(first.status).toBe(200);
    const again = await send({ dryRun: false, reason, params: { integration_id: to.id }, target: { id: rig.id, kind: 'rig' } });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await first.json());
  });
});
