import { describe, expect, it } from 'vitest';
import { endpoints } from '../endpoints';
import type { ActionName, TargetKind } from '../schemas';
import { agentNamed, townNamed, versionOf } from './lookups';
import type { RecoveryBackend } from './recovery.contract';

/**
 * Following the recovery (both hosts): after an action that declares what recovery looks like
 * (`RECOVERY` in the contract), `GET /towns/:id/recovery/:auditId` reads each expectation live; the
 * patrol records when each first holds and appends one verdict beside the audit entry, which itself
 * stays exactly as written.
 */
export function describeRecoveryWatch(name: string, backend: RecoveryBackend) {
  async function act(town: string, action: ActionName, kind: TargetKind, id: (townId: string) => Promise<string>, params = {}) {
    const api = backend.api();
    const townId = (await townNamed(api, town)).id;
    const target = await id(townId);
    const result = await api.act(
      townId,
      action,
      { target: { kind, id: target }, params, reason: `Recovery watch: ${action}`, dryRun: false },
      { idempotencyKey: crypto.randomUUID(), ifMatch: await versionOf(api, townId, kind, target) },
    );
    return { api, townId, entry: result.audit_entry! };
  }

  /** Advances a simulated minute at a time until the verdict is in (or `limit` minutes). */
  async function untilVerdict(townId: string, auditId: string, limit: number) {
    const api = backend.api();
    for (let minute = 0; minute <= limit; minute++) {
      const watch = await api.get(endpoints.recovery(townId, auditId));
      if (watch.observation) return { watch, minute };
      await backend.advance(townId, 60_000);
    }
    throw new Error(`no verdict within ${limit} simulated minutes`);
  }

  // A case moves hours of simulated time on a 2-core machine that may be running other suites: a case
  // that ran out of time left its requests running into the next case's reseed, failing that one too.
  describe(`recovery watch (${name})`, { timeout: 120_000 }, () => {
    it('retry dispatch on the stuck agent: attempt, process and work turn ✓ with their times, then "recovered" beside the untouched entry', async () => {
      await backend.reset();
      const { api, townId, entry } = await act(
        'payments-api',
        'agent.retry_dispatch',
        'agent',
        async (t) => (await agentNamed(backend.api(), t, 'Toast')).id,
      );
      const first = await api.get(endpoints.recovery(townId, entry.id));
      expect(first).toMatchObject({ declared: true, action: 'agent.retry_dispatch', observation: null });
      expect(first.checks.map((c) => c.id)).toEqual(['attempt_recorded', 'process_running', 'agent_working']);
      // No tick has looked yet: nothing has a time, whatever the action itself already set.
      expect(first.checks.every((c) => c.met_at === null && c.took_ms === null)).toBe(true);

      const { watch } = await untilVerdict(townId, entry.id, 12);
      expect(watch.observation).toMatchObject({ verdict: 'recovered', audit_id: entry.id, audit_seq: entry.seq });
      expect(watch.observation!.summary).toMatch(/^Recovered in \d+ (s|min)$/);
      for (const check of watch.checks) {
        expect(check.met, check.id).toBe(true);
        expect(check.took_ms, check.id).toBeGreaterThan(0);
      }
      expect(watch.checks.find((c) => c.id === 'agent_working')!.evidence).toMatch(
        /^Toast (is working|worked from \d\d:\d\d:\d\d, now \w+)$/,
      );
      const observations = await api.get(endpoints.recoveryObservations(townId));
      expect(observations.items.map((o) => o.audit_id)).toContain(entry.id);
      const log = await api.get(endpoints.townAudit(townId));
      // The record is untouched (the listing only adds its global number and names beside it).
      expect(log.items.find((e) => e.id === entry.id)).toMatchObject(entry);
    });

    it('restarting the container of the OOM town (the heap still too large) ends "did not recover" with the newest evidence', async () => {
      await backend.reset();
      const { api, townId, entry } = await act('ml-pipeline', 'container.force_restart', 'container', async (t) => t);
      const { watch, minute } = await untilVerdict(townId, entry.id, 14);
      expect(minute).toBeGreaterThanOrEqual(10);
      expect(watch.observation!.verdict).toBe('did_not_recover');
      expect(watch.observation!.summary).toMatch(/^Did not recover within 10 min: /);
      const unmet = watch.checks.filter((c) => !c.met);
      expect(unmet.length).toBeGreaterThan(0);
      expect(unmet[0]!.link).not.toBeNull();
      expect(watch.observation!.summary).toContain(unmet[0]!.evidence);
      // Later reads keep the verdict as given, whatever the town does next.
      await backend.advance(townId, 30 * 60_000);
      expect((await api.get(endpoints.recovery(townId, entry.id))).observation).toEqual(watch.observation);
    });

    const rigOf = async (townId: string) => (await backend.api().get(endpoints.config(townId))).rigs[0]!.rig.id;

    it('a working token on the rig whose integration is suspended: still waiting until git work proves it, then the credential valid and a clean git operation since → "recovered"', async () => {
      await backend.reset();
      const { api, townId, entry } = await act('infra-terraform', 'credential.set_token', 'rig', rigOf, {
        token: 'ghp_recovery_0123456789abcdefABCDEF',
      });
      // Before any tick nothing has touched the rig: no failure yet is not a clean bill.
      const first = (await api.get(endpoints.recovery(townId, entry.id))).checks.find((c) => c.id === 'git_clean')!;
      expect(first).toMatchObject({ met: false, met_at: null });
      expect(first.evidence).toBe('No git operation on the rig since the action: waiting for one to prove the credential');
      const { watch } = await untilVerdict(townId, entry.id, 17);
      expect(watch.checks.map((c) => [c.id, c.met])).toEqual([
        ['credential_valid', true],
        ['git_clean', true],
      ]);
      expect(watch.observation!.verdict).toBe('recovered');
    });

    it('an action that declares no recovery is not watched; an unknown entry is a 404', async () => {
      await backend.reset();
      const { api, townId, entry } = await act('storefront', 'container.set_sleep_timeout', 'container', async (t) => t, {
        sleep_after_minutes: 45,
      });
      expect(await api.get(endpoints.recovery(townId, entry.id))).toMatchObject({
        declared: false,
        no_recovery: 'A setting: it applies the next time the container is idle.',
        checks: [],
        observation: null,
      });
      const missing = await api.get(endpoints.recovery(townId, '00000000-0000-4000-8000-000000000000')).catch((e: unknown) => e);
      expect(missing).toMatchObject({ status: 404, code: 'not_found' });
    });
  });
}
