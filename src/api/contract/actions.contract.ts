import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../client';
import { endpoints } from '../endpoints';
import { ACTIONS, type ActionName, type ActionRequest } from '../schemas';
import { ACTION_CASES } from './action-cases';
import { auditMismatches, dryRunMismatches, previewMismatches, readFacts } from './town-facts';
import { agentRow, auditCount, beadRow, expectHooksConsistent, expectSummaryConsistent, failure, townNamed, versionOf } from './lookups';

const REASON = 'Contract check: this action, on this backend';

/**
 * Every action of the registry against one backend, from the table in action-cases.ts. For each:
 * refusals change nothing (no reason 400, non-admin 403, unknown target 404, a version the target does
 * not have 409); a dry run states an effect and changes nothing; the real run changes the state as the
 * case says, answers the target's new version and writes exactly one audit entry (action, reason,
 * target, success, secrets masked) that keeps the chain verified, the hooks and the town summary consistent; the same
 * Idempotency-Key again answers the same and acts not; the version loaded before the change then gets 409.
 *
 * `reset` (the worker's reseed) runs before the table: its cases then act on one world in order, which
 * is why each case's target is one no other case disturbs. MSW rebuilds its world after every test.
 */
export function describeEveryAction(
  backend: string,
  clients: () => { admin: ApiClient; nonAdmin: ApiClient },
  reset?: () => Promise<void>,
) {
  describe(`every action (${backend})`, () => {
    if (reset) beforeAll(reset, 60_000);

    it('the table has a case for every action of the registry', () => {
      expect(Object.keys(ACTION_CASES).sort()).toEqual(Object.keys(ACTIONS).sort());
    });

    it.each(Object.keys(ACTION_CASES) as ActionName[])('%s', async (action) => {
      const { admin: api, nonAdmin } = clients();
      const c = ACTION_CASES[action];
      const kind = ACTIONS[action].target;
      const town = await townNamed(api, c.town);
      const ctx = { api, town };
      const target = await c.target(ctx);
      const request = (extra: Partial<ActionRequest> = {}): ActionRequest => ({
        target: { kind, id: target.id },
        params: target.params,
        reason: REASON,
        dryRun: false,
        ...extra,
      });
      const key = () => crypto.randomUUID();
      const snapshot = async () => ({
        state: await c.read(ctx, target),
        version: await versionOf(api, town.id, kind, target.id),
        audit: await auditCount(api, town.id),
      });
      const before = await snapshot();
      expect(before.version, 'the target exists').not.toBeNull();
      const v0 = before.version!;
      const unchanged = async (what: string, expected = before) => expect(await snapshot(), `${what} changes nothing`).toEqual(expected);

      // Refused requests, then one look: none of them changed anything.
      const { reason: _reason, ...withoutReason } = request();
      expect(
        await failure(api.act(town.id, action, withoutReason as ActionRequest, { idempotencyKey: key(), ifMatch: v0 })),
        'no reason',
      ).toMatchObject({ status: 400, details: { parameter: 'reason' } });
      expect(await failure(nonAdmin.act(town.id, action, request(), { idempotencyKey: key(), ifMatch: v0 })), 'a non-admin').toMatchObject({
        status: 403,
        code: 'forbidden',
      });
      const unknown = crypto.randomUUID();
      expect(
        await failure(api.act(town.id, action, request({ target: { kind, id: unknown } }), { idempotencyKey: key(), ifMatch: v0 })),
        'an unknown target',
      ).toMatchObject({ status: 404, details: { id: unknown } });
      const mismatch = await failure(api.act(town.id, action, request(), { idempotencyKey: key(), ifMatch: v0 + 1 }));
      expect(mismatch, 'a version the target does not have').toMatchObject({
        status: 409,
        code: 'conflict',
        details: { expected: v0 + 1, current: v0 },
      });
      await unchanged('a request without a reason, a non-admin’s, one for an unknown target or with a wrong version');

      const dry = await api.act(town.id, action, request({ dryRun: true }), { idempotencyKey: key() });
      expect(dry).toMatchObject({ action, dry_run: true, audit_entry: null, target_version: v0 });
      expect(dry.effect.summary).not.toBe('');
      expect(dry.effect.changes.length).toBeGreaterThan(0);
      await unchanged('a dry run');

      const factsBefore = await readFacts(api, town.id);
      const k = key();
      // What the log should call the target after the run: its name, or null when the action removes it.
      const nameOf = async (id: unknown) =>
        typeof id !== 'string'
          ? null
          : kind === 'agent'
            ? ((await agentRow(api, town.id, id))?.name ?? null)
            : ((await beadRow(api, town.id, id))?.title ?? null);
      const nameBefore = await nameOf(target.id);
      const trackedBefore = typeof target.params.bead_id === 'string' ? await beadRow(api, town.id, target.params.bead_id) : null;
      const result = await api.act(town.id, action, request(), { idempotencyKey: k, ifMatch: v0 });
      const factsAfter = await readFacts(api, town.id);
      const after = await snapshot();
      // Once gone, the name it had when the panel deleted it; a bead deleted another way has none kept.
      const expectedName = {
        primary: after.version === null ? { name: nameBefore, gone: true } : { name: await nameOf(target.id), gone: false },
        tracked: await (async () => {
          const bead = typeof target.params.bead_id === 'string' ? await beadRow(api, town.id, target.params.bead_id) : null;
          return bead ? { name: bead.title, gone: false } : { name: trackedBefore?.title ?? null, gone: true };
        })(),
      };
      // The preview is the result: what the dry run declared is what changed, and what the audit says.
      expect([
        ...dryRunMismatches(action, dry.effect.changes, result.effect.changes),
        ...previewMismatches(action, result.effect.changes, factsBefore, factsAfter),
        ...auditMismatches(action, result.effect.changes, result.audit_entry!),
      ]).toEqual([]);
      expect(result).toMatchObject({ action, dry_run: false });
      c.changed(after.state, before.state, target);
      expect(after.version, 'target_version is the version read back (null once the target is gone)').toBe(result.target_version);
      if (after.version !== null) expect(after.version).toBeGreaterThan(v0);

      expect(after.audit, 'exactly one new audit entry').toBe(before.audit + 1);
      const listed = (await api.get(endpoints.townAudit(town.id, { limit: 1 }))).items[0]!;
      const { global_seq, names, ...entry } = listed;
      expect(entry, 'the entry the answer carries is the one written').toEqual(result.audit_entry);
      // The log names what the entry is about, as the town calls it now (the name it had, and gone, once deleted).
      expect(global_seq, 'a number across all towns, given once the head reached the directory').toBeGreaterThan(0);
      expect(names.town).toBe(town.name);
      const named = { id: target.id, ...expectedName.primary };
      if (kind === 'agent') expect(names.agent).toEqual(named);
      if (kind === 'bead' || kind === 'review' || kind === 'convoy') expect(names.bead).toEqual(named);
      if (kind === 'rig') expect(names.rig).toEqual({ id: target.id, name: expect.any(String), gone: false });
      if (action === 'convoy.add_tracked' || action === 'convoy.remove_tracked')
        expect(names.tracked_bead, 'the tracked bead added or removed').toEqual({ id: target.params.bead_id, ...expectedName.tracked });
      expect(entry).toMatchObject({
        action,
        reason: REASON,
        target: { kind, id: target.id },
        outcome: 'success',
        error: null,
        admin_email: 'ops@kilocode.ai',
        params: c.audited ?? target.params,
      });
      expect(Object.keys(entry!.before), 'one before/after key per change').toHaveLength(result.effect.changes.length);
      expect(Object.keys(entry!.after)).toHaveLength(result.effect.changes.length);
      for (const secret of c.secrets ?? []) expect(JSON.stringify([dry, result, entry])).not.toContain(secret);
      const chain = await api.get(endpoints.verifyAudit(town.id));
      expect(chain).toMatchObject({ verified: true, verified_through: chain.entries, entries: after.audit });
      await expectHooksConsistent(api, town.id);
      await expectSummaryConsistent(api, town.id);

      expect(await api.act(town.id, action, request(), { idempotencyKey: k, ifMatch: v0 }), 'the same Idempotency-Key again').toEqual(
        result,
      );
      await unchanged('the same Idempotency-Key again', after);

      const stale = await failure(api.act(town.id, action, request(), { idempotencyKey: key(), ifMatch: v0 }));
      if (after.version === null) {
        expect(stale).toMatchObject({ status: 404, code: 'not_found' });
      } else {
        expect(stale).toMatchObject({ status: 409, code: 'conflict', details: { expected: v0, current: after.version } });
        expect(stale.message).toContain(`you saw version ${v0}, it is now version ${after.version}`);
      }
      await unchanged('the version loaded before the change', after);
    });
  });
}
