import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../client';
import { batchesPath, endpoints } from '../endpoints';
import { failure } from './lookups';
import { BulkPreview, type ActionRequest, type AgentListItem, type TownSummary } from '../schemas';

/**
 * Intervention contract: the same assertions against every backend (MSW and the reference worker).
 * `admin` and `nonAdmin` are clients signed in with the dev tokens. Each test discovers its ids
 * through the API, so it does not depend on how a backend stores them. What every action must do is
 * checked action by action in actions.contract.ts; these are the cross-cutting rules and their messages.
 */
export function describeInterventionContract(backend: string, clients: () => { admin: ApiClient; nonAdmin: ApiClient }) {
  const key = () => crypto.randomUUID();

  async function town(name: string): Promise<TownSummary> {
    const { admin } = clients();
    const [user] = (await admin.get(endpoints.searchUsers('dana.whitfield'))).items;
    const towns = await admin.get(endpoints.userTowns(user!.id));
    return towns.items.find((t) => t.name === name)!;
  }

  async function agentNamed(townId: string, name: string): Promise<AgentListItem> {
    const agents = await clients().admin.get(endpoints.agents(townId));
    return agents.items.find((a) => a.name === name)!;
  }

  const request = (kind: ActionRequest['target']['kind'], id: string, extra: Partial<ActionRequest> = {}): ActionRequest => ({
    target: { kind, id },
    params: {},
    reason: 'Support case #4812: agent stuck since the container restart',
    dryRun: false,
    ...extra,
  });

  describe(`interventions contract (${backend})`, () => {
    it('a dry run states the effect and changes nothing', async () => {
      const { admin } = clients();
      const t = await town('payments-api');
      const toast = await agentNamed(t.id, 'Toast');
      const before = await admin.get(endpoints.townAudit(t.id));
      const result = await admin.act(t.id, 'agent.force_reset', request('agent', toast.id, { dryRun: true }), { idempotencyKey: key() });
      expect(result.dry_run).toBe(true);
      expect(result.audit_entry).toBeNull();
      expect(result.effect.summary).toMatch(
        /^Toast → idle; bead “Add idempotency keys to the refund endpoint” unhooked and back to open\.$/,
      );
      expect((await agentNamed(t.id, 'Toast')).status).toBe('stalled');
      expect((await admin.get(endpoints.townAudit(t.id))).total).toBe(before.total);
    });

    it('force-reset changes the agent and writes its audit entry in the same step', async () => {
      const { admin } = clients();
      const t = await town('payments-api');
      const toast = await agentNamed(t.id, 'Toast');
      const beadId = toast.current_hook_bead_id!;
      const result = await admin.act(t.id, 'agent.force_reset', request('agent', toast.id), {
        idempotencyKey: key(),
        ifMatch: toast.version,
      });
      expect(result.target_version).toBe(toast.version! + 1);
      const after = await agentNamed(t.id, 'Toast');
      expect(after).toMatchObject({ status: 'idle', current_hook_bead_id: null, version: toast.version! + 1 });
      expect((await admin.get(endpoints.bead(t.id, beadId))).bead.status).toBe('open');
      const audit = await admin.get(endpoints.townAudit(t.id));
      expect(audit.items[0]).toMatchObject({
        id: result.audit_entry!.id,
        action: 'agent.force_reset',
        target: { kind: 'agent', id: toast.id },
        admin_email: 'ops@kilocode.ai',
        reason: 'Support case #4812: agent stuck since the container restart',
        outcome: 'success',
      });
      const verify = await admin.get(endpoints.verifyAudit(t.id));
      expect(verify).toMatchObject({ verified: true, verified_through: audit.total });
    });

    it('a stale version answers 409 and acts not', async () => {
      const { admin } = clients();
      const t = await town('mobile-app');
      const beads = await admin.get(endpoints.beads(t.id, { q: 'Migrate push notifications' }));
      const bead = beads.items[0]!;
      const error = await failure(
        admin.act(t.id, 'bead.change_priority', request('bead', bead.id, { params: { priority: 'low' } }), {
          idempotencyKey: key(),
          ifMatch: bead.version! - 1,
        }),
      );
      expect(error).toMatchObject({ status: 409, code: 'conflict' });
      expect(error.message).toContain('changed since you loaded it');
      expect((await admin.get(endpoints.bead(t.id, bead.id))).bead.priority).toBe(bead.priority);
    });

    it('the same idempotency key twice acts once', async () => {
      const { admin } = clients();
      const t = await town('mobile-app');
      const bead = (await admin.get(endpoints.beads(t.id, { q: 'Remove legacy FCM server key' }))).items[0]!;
      const k = key();
      const body = request('bead', bead.id, { params: { priority: 'critical' } });
      const first = await admin.act(t.id, 'bead.change_priority', body, { idempotencyKey: k, ifMatch: bead.version });
      const second = await admin.act(t.id, 'bead.change_priority', body, { idempotencyKey: k, ifMatch: bead.version });
      expect(second.audit_entry!.id).toBe(first.audit_entry!.id);
      const audit = await admin.get(endpoints.townAudit(t.id, { target: bead.id }));
      expect(audit.items.filter((e) => e.action === 'bead.change_priority')).toHaveLength(1);
      expect((await admin.get(endpoints.bead(t.id, bead.id))).bead.version).toBe(bead.version! + 1);
    });

    it('refuses a non-admin with 403, whatever the client shows', async () => {
      const { nonAdmin, admin } = clients();
      const t = await town('ml-pipeline');
      const container = await admin.get(endpoints.container(t.id));
      const error = await failure(
        nonAdmin.act(t.id, 'container.force_restart', request('container', t.id), { idempotencyKey: key(), ifMatch: container.version }),
      );
      expect(error).toMatchObject({ status: 403, code: 'forbidden' });
      expect((await admin.get(endpoints.container(t.id))).version).toBe(container.version);
    });

    it('requires a reason', async () => {
      const { admin } = clients();
      const t = await town('ml-pipeline');
      const container = await admin.get(endpoints.container(t.id));
      const error = await failure(
        admin.act(t.id, 'container.force_restart', request('container', t.id, { reason: ' ' }), {
          idempotencyKey: key(),
          ifMatch: container.version,
        }),
      );
      expect(error).toMatchObject({ status: 400 });
      expect(error.details).toMatchObject({ parameter: 'reason' });
    });

    it('never echoes a manually set git token', async () => {
      const { admin } = clients();
      const t = await town('infra-terraform');
      const config = await admin.get(endpoints.config(t.id));
      const rig = config.rigs[0]!;
      const secret = 'ghp_livesecret_0123456789abcdef';
      const result = await admin.act(t.id, 'credential.set_token', request('rig', rig.rig.id, { params: { token: secret } }), {
        idempotencyKey: key(),
        ifMatch: rig.version,
      });
      expect(JSON.stringify(result)).not.toContain(secret);
      const after = await admin.get(endpoints.config(t.id));
      expect(JSON.stringify(after)).not.toContain(secret);
      expect(after.config.git_auth.token_set).toBe(true);
      expect(JSON.stringify(await admin.get(endpoints.townAudit(t.id)))).not.toContain(secret);
    });

    it('re-link refuses an integration that is made up, another user’s or suspended (422 naming it), and changes nothing', async () => {
      const { admin } = clients();
      const t = await town('infra-terraform');
      const rig = (await admin.get(endpoints.config(t.id))).rigs[0]!;
      const mine = (await admin.get(endpoints.userIntegrations(t.owner_user_id))).items;
      const priya = (await admin.get(endpoints.searchUsers('priya.raman'))).items[0]!;
      const hers = (await admin.get(endpoints.userIntegrations(priya.id))).items[0]!;
      const suspended = mine.find((i) => i.status === 'suspended')!;
      const refused = ['ghi_00000000', hers.id, suspended.id];
      for (const id of refused) {
        const error = await failure(
          admin.act(t.id, 'credential.relink_integration', request('rig', rig.rig.id, { params: { integration_id: id } }), {
            idempotencyKey: key(),
            ifMatch: rig.version,
          }),
        );
        expect(error, id).toMatchObject({ status: 422, details: { parameter: 'params.integration_id', id } });
        expect(error.message).toContain(id);
        expect(error.message).toMatch(/Pick one of the owner's active integrations: ghi_/);
      }
      const after = (await admin.get(endpoints.config(t.id))).rigs[0]!;
      expect(after).toEqual(rig);
    });

    it('refuses a missing Idempotency-Key (400), a missing If-Match (428) and a key reused for another body (422)', async () => {
      const { admin } = clients();
      const t = await town('data-warehouse');
      const bead = (await admin.get(endpoints.beads(t.id, { q: 'Document the deploy pipeline' }))).items[0]!;
      const body = (priority: string) => request('bead', bead.id, { params: { priority } });
      expect(
        await failure(admin.act(t.id, 'bead.change_priority', body('high'), { idempotencyKey: '', ifMatch: bead.version })),
      ).toMatchObject({ status: 400, details: { parameter: 'Idempotency-Key' } });
      expect(await failure(admin.act(t.id, 'bead.change_priority', body('high'), { idempotencyKey: key() }))).toMatchObject({
        status: 428,
        details: { parameter: 'If-Match' },
      });
      const k = key();
      await admin.act(t.id, 'bead.change_priority', body('high'), { idempotencyKey: k, ifMatch: bead.version });
      expect(
        await failure(admin.act(t.id, 'bead.change_priority', body('low'), { idempotencyKey: k, ifMatch: bead.version! + 1 })),
      ).toMatchObject({ status: 422, code: 'idempotency_key_reused' });
      expect((await admin.get(endpoints.bead(t.id, bead.id))).bead).toMatchObject({ priority: 'high', version: bead.version! + 1 });
    });

    it('a refused request is not remembered: the same key acts once its cause is fixed', async () => {
      const { admin } = clients();
      const t = await town('data-warehouse');
      const bead = (await admin.get(endpoints.beads(t.id, { q: 'Reduce bundle size of the checkout route' }))).items[0]!;
      const k = key();
      const body = request('bead', bead.id, { params: { priority: 'critical' } });
      const stale = await failure(admin.act(t.id, 'bead.change_priority', body, { idempotencyKey: k, ifMatch: bead.version! + 7 }));
      expect(stale).toMatchObject({ status: 409, details: { expected: bead.version! + 7, current: bead.version } });
      const result = await admin.act(t.id, 'bead.change_priority', body, { idempotencyKey: k, ifMatch: bead.version });
      expect(result.target_version).toBe(bead.version! + 1);
    });

    it('keeps derived reads consistent: summary counts and the timeline follow the change', async () => {
      const { admin } = clients();
      const t = await town('data-warehouse');
      const bead = (await admin.get(endpoints.beads(t.id, { q: 'Add idempotency keys to the refund endpoint' }))).items[0]!;
      const before = await admin.get(endpoints.town(t.id));
      const result = await admin.act(t.id, 'bead.force_fail', request('bead', bead.id), { idempotencyKey: key(), ifMatch: bead.version });
      const after = await admin.get(endpoints.town(t.id));
      expect(after.beads.by_status.failed).toBe(before.beads.by_status.failed! + 1);
      expect(after.beads.by_status[bead.status]).toBe(before.beads.by_status[bead.status]! - 1);
      expect(
        (await admin.get(endpoints.beads(t.id, { status: ['failed'], q: 'Add idempotency keys to the refund endpoint' }))).items.map(
          (b) => b.id,
        ),
      ).toContain(bead.id);
      const timeline = await admin.get(endpoints.timeline(t.id, { entity: bead.id, kind: ['admin'] }));
      expect(timeline.items[0]).toMatchObject({ kind: 'admin', type: 'bead.force_fail', at: result.audit_entry!.at, bead_id: bead.id });
    });

    it('/audit across towns filters by town, action and target and pages with a cursor', async () => {
      const { admin } = clients();
      const t = await town('data-warehouse');
      const bead = (await admin.get(endpoints.beads(t.id, { q: 'Document the deploy pipeline' }))).items[0]!;
      const low = await admin.act(t.id, 'bead.change_priority', request('bead', bead.id, { params: { priority: 'low' } }), {
        idempotencyKey: key(),
        ifMatch: bead.version,
      });
      const critical = await admin.act(t.id, 'bead.change_priority', request('bead', bead.id, { params: { priority: 'critical' } }), {
        idempotencyKey: key(),
        ifMatch: low.target_version,
      });
      const ids = [critical.audit_entry!.id, low.audit_entry!.id];
      const mine = await admin.get(endpoints.audit({ town_id: t.id }));
      expect(mine.items.every((e) => e.town_id === t.id)).toBe(true);
      expect(mine.items.slice(0, 2).map((e) => e.id)).toEqual(ids);
      const byTarget = await admin.get(endpoints.audit({ action: 'bead.change_priority', target: bead.id }));
      expect(byTarget.items.every((e) => e.town_id === t.id && e.target.id === bead.id && e.action === 'bead.change_priority')).toBe(true);
      expect(byTarget.items.slice(0, 2).map((e) => e.id)).toEqual(ids);
      expect((await admin.get(endpoints.audit({ action: 'bead', town_id: t.id }))).total).toBe(mine.total);
      expect((await admin.get(endpoints.audit({ action: 'container', town_id: t.id }))).total).toBe(0);
      const first = await admin.get(endpoints.audit({ town_id: t.id, limit: 1 }));
      expect(first.items.map((e) => e.id)).toEqual([ids[0]]);
      const second = await admin.get(endpoints.audit({ town_id: t.id, limit: 1, before: first.next_cursor }));
      expect(second.items.map((e) => e.id)).toEqual([ids[1]]);
      const everywhere = await admin.get(endpoints.audit({ limit: 1000 }));
      expect(everywhere.items.map((e) => e.id)).toEqual(expect.arrayContaining(ids));
      const times = everywhere.items.map((e) => e.at);
      expect([...times].sort().reverse()).toEqual(times);
    });

    it('the log names town, rig, agent and bead, and numbers entries in one sequence across towns beside each town’s own', async () => {
      const { admin } = clients();
      const changePriority = async (townName: string) => {
        const t = await town(townName);
        const beads = await admin.get(endpoints.beads(t.id, { limit: 1000 }));
        const bead = beads.items.find((b) => b.assignee_agent_bead_id && b.rig_id && b.status !== 'closed')!;
        const priority = bead.priority === 'low' ? 'high' : 'low';
        const result = await admin.act(t.id, 'bead.change_priority', request('bead', bead.id, { params: { priority } }), {
          idempotencyKey: key(),
          ifMatch: bead.version,
        });
        return { t, bead, entry: result.audit_entry! };
      };
      const one = await changePriority('storefront');
      const two = await changePriority('mobile-app');
      const listed = (await admin.get(endpoints.audit({ action: 'bead.change_priority', limit: 1000 }))).items;
      const rowOf = (id: string) => listed.find((e) => e.id === id)!;
      const [first, second] = [rowOf(one.entry.id), rowOf(two.entry.id)];
      // Two towns, each counting its own entries; one number across both, in the order they happened.
      expect(first.seq).toBe(one.entry.seq);
      expect(second.global_seq).toBe(first.global_seq! + 1);
      const detail = await admin.get(endpoints.bead(one.t.id, one.bead.id));
      const rigs = (await admin.get(endpoints.town(one.t.id))).rigs;
      const assignee = await admin.get(endpoints.agent(one.t.id, one.bead.assignee_agent_bead_id!));
      expect(first.names).toEqual({
        town: 'storefront',
        rig: { id: one.bead.rig_id, name: rigs.find((r) => r.id === one.bead.rig_id)!.name, gone: false },
        agent: { id: one.bead.assignee_agent_bead_id, name: assignee.agent.name, gone: false },
        bead: { id: one.bead.id, name: detail.bead.title, gone: false },
        tracked_bead: null,
      });
      // The town's own log carries the same number and names.
      const inTown = (await admin.get(endpoints.townAudit(two.t.id, { limit: 1 }))).items[0]!;
      expect(inTown).toMatchObject({ id: two.entry.id, global_seq: second.global_seq, names: { town: 'mobile-app' } });
    });

    it('a merge request closed without merging stays closed: no “Retry every failed review”, and a retry of it says it reopens it', async () => {
      const { admin } = clients();
      const t = await town('docs-site');
      const mr = (await admin.get(endpoints.reviewQueue(t.id))).entries.find((e) => e.review_state === 'failed' && e.status !== 'closed')!;
      const readyBatch = () =>
        admin.post(
          batchesPath(t.id),
          {
            batch_key: key(),
            action: 'review.force_retry',
            selection: { by: 'preset', preset: 'failed_reviews' },
            reason: 'retry the failed',
          },
          BulkPreview,
        );
      const before = await readyBatch();
      expect(before.sample.map((s) => s.target_id)).toContain(mr.bead_id);

      const closed = await admin.act(t.id, 'review.force_close', request('review', mr.bead_id), {
        idempotencyKey: key(),
        ifMatch: mr.version,
      });
      const after = await readyBatch();
      expect(after.count, 'the closed one left the ready-made batch').toBe(before.count - 1);
      expect(after.sample.map((s) => s.target_id)).not.toContain(mr.bead_id);

      // Still retryable on purpose, one at a time, and the preview says what that does.
      const retry = await admin.act(t.id, 'review.force_retry', request('review', mr.bead_id, { dryRun: true }), { idempotencyKey: key() });
      expect(retry.effect.warnings).toContainEqual(
        expect.stringMatching(
          /^This merge request was closed without merging \(.+\): retrying reopens it and puts it back in the queue\.$/,
        ),
      );
      expect(retry.effect.changes).toContainEqual(expect.objectContaining({ field: 'status', from: 'closed', to: 'open' }));
      expect(closed.target_version).toBe(mr.version! + 1);
    });
  });
}
