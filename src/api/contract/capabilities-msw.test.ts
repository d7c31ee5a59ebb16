// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MockBackend } from '../../mocks/host';
import { USERS } from '../../../scenarios/users';
import { DEV_TOKENS } from '../../test/tokens';
import { createApiClient } from '../client';
import { batchesPath, batchRunPath, endpoints } from '../endpoints';
import { BulkPreview, BulkRunPage, type BulkPrepareRequest } from '../schemas';
import { isApiError } from '../errors';

/**
 * Declared capabilities (server/capabilities.ts) on the MSW host: the reference profile records and
 * supports everything; the production-today profile records only what production records and runs
 * only production's admin procedures, and its routes hold to what it declares.
 */
function api(profile: 'reference' | 'production-today') {
  const backend = new MockBackend({ profile });
  const fetch = ((input: RequestInfo | URL, init?: RequestInit) => backend.handle(new Request(input, init))) as typeof globalThis.fetch;
  return createApiClient({ baseUrl: 'http://localhost', getToken: () => DEV_TOKENS.admin, fetch });
}
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (isApiError(e) ? e : null),
  );

async function paymentsApi(client: ReturnType<typeof api>) {
  return (await client.get(endpoints.userTowns(USERS.dana.id))).items.find((t) => t.name === 'payments-api')!;
}

describe('GET /capabilities', () => {
  it('the reference profile records every feed and supports every action', async () => {
    const caps = await api('reference').get(endpoints.capabilities());
    expect(caps.profile).toBe('reference');
    expect(Object.values(caps.feeds).every((f) => f?.recorded)).toBe(true);
    expect(caps.actions).toContain('mayor.force_restart');
  });

  it('production-today declares what production records: SDK events newest 10,000 per agent, no audit, the five procedures of production', async () => {
    const caps = await api('production-today').get(endpoints.capabilities());
    expect(caps.feeds.sdk_events).toEqual({ recorded: true, retention: 'newest 10,000 events per agent', retention_count: 10_000 });
    for (const feed of ['dispatch_attempts', 'container_events', 'git_operations', 'credential_events', 'admin_audit_log'])
      expect(caps.feeds[feed]?.recorded, feed).toBe(false);
    expect([...caps.actions].sort()).toEqual([
      'agent.force_reset',
      'bead.delete',
      'bead.force_close',
      'bead.force_fail',
      'container.force_restart',
    ]);
  });
});

describe('the production-today profile holds to what it declares', () => {
  const client = api('production-today');

  it('a feed it does not record answers 404 not_recorded, not an empty list', async () => {
    const town = await paymentsApi(client);
    expect(await failure(client.get(endpoints.dispatchAttempts(town.id)))).toMatchObject({ status: 404, code: 'not_recorded' });
    expect(await failure(client.get(endpoints.townAudit(town.id)))).toMatchObject({ status: 404, code: 'not_recorded' });
    expect(await failure(client.get(endpoints.audit()))).toMatchObject({ status: 404, code: 'not_recorded' });
  });

  it('lists of unrecorded feeds inside other answers are empty; what production records is there', async () => {
    const town = await paymentsApi(client);
    const container = await client.get(endpoints.container(town.id));
    expect(container.events).toEqual([]);
    expect(container.processes.length).toBeGreaterThan(0);
    const timeline = await client.get(endpoints.timeline(town.id, { limit: 1000 }));
    expect(new Set(timeline.items.map((r) => r.kind))).toEqual(new Set(['bead', 'agent']));
    const toast = (await client.get(endpoints.agents(town.id))).items.find((a) => a.name === 'Toast')!;
    const detail = await client.get(endpoints.agent(town.id, toast.id));
    expect(detail.dispatch_attempts).toEqual([]);
    expect(detail.status_history.length).toBeGreaterThan(0);
  });

  it('an action production’s worker lacks answers 422 not_supported and changes nothing; one it has runs, guarded by the dry run’s row tag', async () => {
    const town = await paymentsApi(client);
    const toast = (await client.get(endpoints.agents(town.id))).items.find((a) => a.name === 'Toast')!;
    // Production's rows carry no version: the reads say so (null), and the action is guarded by the server's row tag.
    expect(toast.version).toBeNull();
    const request = { target: { kind: 'agent' as const, id: toast.id }, params: {}, reason: 'prod profile test', dryRun: false };
    expect(
      await failure(client.act(town.id, 'agent.force_kill', request, { idempotencyKey: crypto.randomUUID(), ifMatch: toast.version })),
    ).toMatchObject({
      status: 422,
      code: 'not_supported',
    });
    expect((await client.get(endpoints.agent(town.id, toast.id))).agent.status).toBe(toast.status);
    expect(
      await failure(client.act(town.id, 'agent.force_reset', request, { idempotencyKey: crypto.randomUUID(), ifMatch: null })),
      'no version and no tag',
    ).toMatchObject({ status: 428, code: 'precondition_required' });
    const preview = await client.act(town.id, 'agent.force_reset', { ...request, dryRun: true }, { idempotencyKey: crypto.randomUUID() });
    expect(preview.target_tag).toMatch(/^row:[0-9a-f]{32}$/);
    const reset = await client.act(town.id, 'agent.force_reset', request, {
      idempotencyKey: crypto.randomUUID(),
      ifMatch: preview.target_tag,
    });
    expect(reset.dry_run).toBe(false);
    expect(reset.target_tag, 'the row changed, so did its tag').not.toBe(preview.target_tag);
    expect((await client.get(endpoints.agent(town.id, toast.id))).agent.status).toBe('idle');
    // The preview's tag is stale once the row changed: a second admin deciding on it gets 409, and nothing is applied twice.
    const stale = await failure(
      client.act(town.id, 'agent.force_reset', request, { idempotencyKey: crypto.randomUUID(), ifMatch: preview.target_tag }),
    );
    expect(stale).toMatchObject({
      status: 409,
      code: 'conflict',
      details: { field: 'row_tag', expected: preview.target_tag, current: reset.target_tag },
    });
  });

  it('a bulk run is held to the same list: one of an action it lacks is refused before anything is dry-run; deleting beads by status runs', async () => {
    const town = await paymentsApi(client);
    const prepare = (townId: string, action: string, selection: BulkPrepareRequest['selection']) =>
      client.post(
        batchesPath(townId),
        { batch_key: crypto.randomUUID(), action, selection, reason: 'prod profile bulk test' },
        BulkPreview,
      );
    const run = (townId: string, key: string, count: number) =>
      client.post(batchRunPath(townId, key), { confirm_count: count }, BulkRunPage);
    expect(
      await failure(prepare(town.id, 'agent.force_kill', { by: 'filter', kind: 'agent', filter: { role: ['polecat'] } })),
    ).toMatchObject({ status: 422, code: 'not_supported', details: { action: 'agent.force_kill' } });
    // mobile-app: the stuck chain's blocker failed after its dispatch budget ran out.
    const mobile = (await client.get(endpoints.userTowns(USERS.dana.id))).items.find((t) => t.name === 'mobile-app')!;
    const failed = (await client.get(endpoints.beads(mobile.id, { status: ['failed'], limit: 1000 }))).items;
    expect(failed.length).toBeGreaterThan(0);
    const preview = await prepare(mobile.id, 'bead.delete', { by: 'filter', kind: 'bead', filter: { status: ['failed'] } });
    expect(preview.count).toBe(failed.length);
    let page = await run(mobile.id, preview.batch_key, preview.count);
    while (page.pending > 0) page = await run(mobile.id, preview.batch_key, preview.count);
    expect(page).toMatchObject({ applied: failed.length, failed: 0 });
    expect((await client.get(endpoints.beads(mobile.id, { status: ['failed'], limit: 1000 }))).items).toEqual([]);
  });
});
