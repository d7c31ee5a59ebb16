import { describe, expect, it } from 'vitest';
import { createApiClient } from '../client';
import { batchesPath, batchRunPath, batchStreamPath, endpoints } from '../endpoints';
import { isApiError } from '../errors';
import { BulkPreview, BulkRunLine, BulkRunPage, type BulkPrepareRequest } from '../schemas';
import { getStore } from '../../mocks/handlers';
import { DEV_TOKENS } from '../../test/tokens';

const admin = createApiClient({ baseUrl: 'http://localhost', getToken: () => DEV_TOKENS.admin });

function town(name: string) {
  return getStore().world.towns.find((t) => t.town.name === name)!;
}

const prepare = (townId: string, body: BulkPrepareRequest) => admin.post(batchesPath(townId), body, BulkPreview);
const run = (townId: string, key: string, body: object) => admin.post(batchRunPath(townId, key), body, BulkRunPage);

async function stream(townId: string, key: string, body: object) {
  const lines: BulkRunLine[] = [];
  await admin.stream(batchStreamPath(townId, key), BulkRunLine, (line) => lines.push(line), undefined, { body });
  return lines;
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isApiError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

async function auditOf(townId: string) {
  return (await admin.get(endpoints.townAudit(townId, { limit: 1000 }))).items;
}

describe('bulk actions (MSW host)', () => {
  it('refuses an empty filter: a batch never takes a whole town by omission', async () => {
    const t = town('docs-site');
    const error = await refusal(
      prepare(t.town.id, {
        batch_key: crypto.randomUUID(),
        action: 'bead.force_close',
        selection: { by: 'filter', kind: 'bead', filter: {} },
        reason: 'cleanup after the incident',
      }),
    );
    expect(error.status).toBe(400);
    expect(error.details).toMatchObject({ parameter: 'selection.filter' });
    expect(error.message).toMatch(/needs a filter/);
  });

  it('previews all beads matching a filter (count, sample, warnings by kind), asks for the count, acts once per bead with one audit entry each under one batch id', async () => {
    const t = town('docs-site');
    const matching = t.beads.filter((b) => ['open', 'in_progress', 'in_review'].includes(b.status));
    const key = crypto.randomUUID();
    const request: BulkPrepareRequest = {
      batch_key: key,
      action: 'bead.change_priority',
      selection: { by: 'filter', kind: 'bead', filter: { status: ['open', 'in_progress', 'in_review'] } },
      params: { priority: 'critical' },
      reason: 'release freeze: everything in flight is critical',
    };
    const preview = await prepare(t.town.id, request);
    expect(preview.count).toBe(matching.length);
    expect(preview.confirm_required).toBe(matching.length > 10);
    expect(preview.sample.length).toBe(Math.min(10, matching.length));
    const inProgress = matching.filter((b) => b.status === 'in_progress').length;
    expect(preview.warnings).toContainEqual({
      kind: 'status:in_progress',
      count: inProgress,
      message: `${inProgress} of them are in progress`,
    });
    // A preview writes nothing but the batch.
    expect(await auditOf(t.town.id)).toHaveLength(0);

    const unconfirmed = await refusal(run(t.town.id, key, { limit: 5 }));
    expect(unconfirmed.details).toMatchObject({ parameter: 'confirm_count', expected: matching.length });

    let page = await run(t.town.id, key, { confirm_count: matching.length, limit: 7 });
    expect(page.results).toHaveLength(7);
    while (page.pending > 0) page = await run(t.town.id, key, { confirm_count: matching.length, limit: 7 });
    const alreadyCritical = matching.filter((b) => b.priority === 'critical').length;
    expect(page.applied + page.failed).toBe(matching.length);
    expect(page.failed).toBe(page.failures.length);
    expect(page.applied).toBe(matching.length - alreadyCritical);

    const entries = (await auditOf(t.town.id)).filter((e) => e.request_id === preview.batch_id);
    expect(entries).toHaveLength(page.applied);
    expect(new Set(entries.map((e) => e.target.id)).size).toBe(page.applied);
    for (const bead of matching) {
      const detail = await admin.get(endpoints.bead(t.town.id, bead.id));
      expect(detail.bead.priority).toBe('critical');
    }

    // The same batch again: nothing pending, nothing new in the log; the same key for another batch: refused.
    const again = await run(t.town.id, key, { confirm_count: matching.length });
    expect(again.results).toHaveLength(0);
    expect((await auditOf(t.town.id)).filter((e) => e.request_id === preview.batch_id)).toHaveLength(page.applied);
    const reused = await refusal(prepare(t.town.id, { ...request, reason: 'another batch under the same key' }));
    expect(reused.status).toBe(422);
  });

  it('lists partial failures with their reasons; retrying them runs only those', async () => {
    const t = town('mobile-app');
    const key = crypto.randomUUID();
    const preview = await prepare(t.town.id, {
      batch_key: key,
      action: 'bead.unhook',
      selection: { by: 'filter', kind: 'bead', filter: { status: ['open', 'in_progress'] } },
      reason: 'release every hooked polecat',
    });
    // Open beads hold no agent: the engine refuses to unhook them, and the preview says how many.
    const refused = preview.refusals.find((r) => r.kind === 'invalid_state')!;
    expect(refused.count).toBeGreaterThanOrEqual(t.beads.filter((b) => b.status === 'open' && !b.assignee_agent_bead_id).length);
    expect(preview.count - refused.count).toBeGreaterThan(0);
    const confirm = preview.count;
    const page = await run(t.town.id, key, { confirm_count: confirm, limit: 100 });
    expect(page.pending).toBe(0);
    expect(page.failed).toBe(refused.count);
    expect(page.applied).toBe(preview.count - refused.count);
    expect(page.failures.every((f) => f.error?.code === 'invalid_state' && f.error.message.length > 0)).toBe(true);

    const retry = await run(t.town.id, key, { confirm_count: confirm, retry_failed: true, limit: 100 });
    expect(retry.results.map((r) => r.target_id).sort()).toEqual(page.failures.map((f) => f.target_id).sort());
    // Still refused (they hold no agent), and the applied ones were not run twice.
    expect(retry.failed).toBe(page.failed);
    expect(retry.applied).toBe(page.applied);
    expect((await auditOf(t.town.id)).filter((e) => e.request_id === preview.batch_id)).toHaveLength(page.applied);
  });

  it('streams the run target by target: one line as each completes, failures listed, a second run and a retry act once per target', async () => {
    const t = town('storefront');
    const key = crypto.randomUUID();
    const preview = await prepare(t.town.id, {
      batch_key: key,
      action: 'bead.unhook',
      selection: { by: 'filter', kind: 'bead', filter: { status: ['open', 'in_progress'] } },
      reason: 'free the polecats for the release',
    });
    const refused = preview.refusals.find((r) => r.kind === 'invalid_state')?.count ?? 0;
    expect(refused).toBeGreaterThan(0);
    expect(preview.count - refused).toBeGreaterThan(0);
    const missing = await refusal(stream(t.town.id, crypto.randomUUID(), { confirm_count: preview.count }));
    expect(missing.status).toBe(404);

    const lines = await stream(t.town.id, key, { confirm_count: preview.count });
    const targets = lines.filter((l) => l.type === 'target');
    expect(targets).toHaveLength(preview.count);
    // Each line is one more target done, with the batch's totals at that moment.
    targets.forEach((l, i) => {
      expect(l.applied + l.failed).toBe(i + 1);
      expect(l.pending).toBe(preview.count - i - 1);
    });
    const done = lines.at(-1)!;
    if (done.type !== 'done') throw new Error('the stream did not end with done');
    expect(done.page).toMatchObject({ pending: 0, failed: refused, applied: preview.count - refused });
    expect(done.page.failures.map((f) => f.target_id).sort()).toEqual(
      targets
        .filter((l) => l.outcome.status === 'failed')
        .map((l) => l.outcome.target_id)
        .sort(),
    );
    const entries = (await auditOf(t.town.id)).filter((e) => e.request_id === preview.batch_id);
    expect(entries).toHaveLength(preview.count - refused);

    // Run again under the same key: nothing left to do. Retry the failed: only they run, and fail again.
    const again = await stream(t.town.id, key, { confirm_count: preview.count });
    expect(again.filter((l) => l.type === 'target')).toHaveLength(0);
    const retry = await stream(t.town.id, key, { confirm_count: preview.count, retry_failed: true });
    expect(retry.flatMap((l) => (l.type === 'target' ? [l.outcome.target_id] : [])).sort()).toEqual(
      done.page.failures.map((f) => f.target_id).sort(),
    );
    expect((await auditOf(t.town.id)).filter((e) => e.request_id === preview.batch_id)).toHaveLength(preview.count - refused);
  });

  it('takes ticked rows by id, and refuses ids that are not in the town', async () => {
    const t = town('storefront');
    const [a, b] = t.beads.filter((x) => x.status === 'closed');
    const preview = await prepare(t.town.id, {
      batch_key: crypto.randomUUID(),
      action: 'bead.force_fail',
      selection: { by: 'ids', kind: 'bead', ids: [a!.id, b!.id] },
      reason: 'mark these failed for the report',
    });
    expect(preview.count).toBe(2);
    expect(preview.confirm_required).toBe(false);
    const error = await refusal(
      prepare(t.town.id, {
        batch_key: crypto.randomUUID(),
        action: 'bead.force_fail',
        selection: { by: 'ids', kind: 'bead', ids: [a!.id, crypto.randomUUID()] },
        reason: 'mark these failed for the report',
      }),
    );
    expect(error.status).toBe(404);
  });
});

describe('ready-made batches (MSW host)', () => {
  it('resets every stalled agent: the server finds them, the action is fixed', async () => {
    const t = town('payments-api');
    const stalled = t.agents.filter((a) => a.status === 'stalled');
    expect(stalled.length).toBeGreaterThan(0);
    const key = crypto.randomUUID();
    const wrong = await refusal(
      prepare(t.town.id, {
        batch_key: key,
        action: 'agent.delete',
        selection: { by: 'preset', preset: 'stalled_agents' },
        reason: 'unstick',
      }),
    );
    expect(wrong.details).toMatchObject({ parameter: 'action' });
    const preview = await prepare(t.town.id, {
      batch_key: key,
      action: 'agent.force_reset',
      selection: { by: 'preset', preset: 'stalled_agents' },
      reason: 'unstick every stalled polecat',
    });
    expect(preview.count).toBe(stalled.length);
    expect(preview.sample.map((s) => s.label).sort()).toEqual(stalled.map((a) => a.name).sort());
    const page = await run(t.town.id, key, { confirm_count: preview.count });
    expect(page.applied).toBe(stalled.length);
    const agents = await admin.get(endpoints.agents(t.town.id));
    expect(agents.items.filter((a) => a.status === 'stalled')).toHaveLength(0);
  });
});

describe('all matching on the Agents tab and the review queue (MSW host)', () => {
  it('refuses an empty agent or review filter, naming the filter', async () => {
    const t = town('storefront');
    for (const selection of [
      { by: 'filter', kind: 'agent', filter: {} },
      { by: 'filter', kind: 'review', filter: {} },
    ] as const) {
      const error = await refusal(
        prepare(t.town.id, {
          batch_key: crypto.randomUUID(),
          action: selection.kind === 'agent' ? 'agent.force_reset' : 'review.force_retry',
          selection,
          reason: 'everything at once',
        }),
      );
      expect(error.status).toBe(400);
      expect(error.details).toMatchObject({ parameter: 'selection.filter' });
      expect(error.message).toMatch(/needs a filter/);
    }
  });

  it('takes exactly the agents the filter matches (role, status, text), never others', async () => {
    const t = town('storefront');
    const idlePolecats = t.agents.filter((a) => a.role === 'polecat' && a.status === 'idle');
    expect(idlePolecats.length).toBeGreaterThan(1);
    const preview = await prepare(t.town.id, {
      batch_key: crypto.randomUUID(),
      action: 'agent.force_reset',
      selection: { by: 'filter', kind: 'agent', filter: { role: ['polecat'], status: ['idle'] } },
      reason: 'fresh start for idle polecats',
    });
    expect(preview.count).toBe(idlePolecats.length);
    expect(preview.sample.map((s) => s.label).sort()).toEqual(idlePolecats.map((a) => a.name).sort());

    const one = idlePolecats[0]!;
    const byName = await prepare(t.town.id, {
      batch_key: crypto.randomUUID(),
      action: 'agent.force_reset',
      selection: { by: 'filter', kind: 'agent', filter: { q: one.name.toUpperCase() } },
      reason: 'one by name',
    });
    expect(byName.sample.map((s) => s.target_id)).toEqual([one.id]);
  });

  it('takes the merge requests of a review state; the kind must match the action', async () => {
    const t = getStore().world.towns.find((w) => w.reviews.some((r) => r.review_state === 'failed'))!;
    const failed = t.reviews.filter((r) => r.review_state === 'failed');
    const preview = await prepare(t.town.id, {
      batch_key: crypto.randomUUID(),
      action: 'review.force_retry',
      selection: { by: 'filter', kind: 'review', filter: { state: ['failed'] } },
      reason: 'retry every failed review',
    });
    expect(preview.count).toBe(failed.length);
    expect(preview.sample.map((s) => s.target_id).sort()).toEqual(failed.map((r) => r.bead_id).sort());
    const mismatch = await refusal(
      prepare(t.town.id, {
        batch_key: crypto.randomUUID(),
        action: 'agent.force_reset',
        selection: { by: 'filter', kind: 'review', filter: { state: ['failed'] } },
        reason: 'wrong kind',
      }),
    );
    expect(mismatch.details).toMatchObject({ parameter: 'selection.kind' });
  });
});
