import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../client';
import { endpoints } from '../endpoints';
import type { ActionName, TargetKind } from '../schemas';
import { diagnoseTown, type Finding, type RuleId } from '../../features/diagnosis/model/rules';
import { agentNamed, beadTitled, townNamed, versionOf } from './lookups';

/**
 * Recovery contract: for each failure scenario, the right fix applied through the API lets the patrol
 * bring the town back to health by itself as the clock advances; a plausible wrong fix leaves it red
 * with the same finding. The same table runs on every backend (MSW and the reference worker).
 */
export interface RecoveryBackend {
  api: () => ApiClient;
  /** Moves one town's clock forward (`POST /api/dev/clock` with `town_id`), running its due ticks. */
  advance: (townId: string, ms: number) => Promise<{ now: string; ticks: number }>;
  /** Every scenario town as built, before each case (a case's fix must not leak into the next). */
  reset: () => Promise<void>;
}

interface Ctx {
  api: ApiClient;
  townId: string;
  act(action: ActionName, kind: TargetKind, id: string, params?: Record<string, unknown>): Promise<void>;
  agentId(name: string): Promise<string>;
  beadId(title: string, type?: 'issue' | 'merge_request' | 'convoy' | 'escalation'): Promise<string>;
  /** A polecat free to take a bead (idle, unhooked), other than `not`. */
  idlePolecat(not?: string[]): Promise<string>;
  rigId(name: string): Promise<string>;
}

interface Fix {
  says: string;
  apply(ctx: Ctx): Promise<void>;
}

interface RecoveryCase {
  town: string;
  rule: RuleId;
  right: Fix;
  wrong: Fix;
  /** Simulated minutes within which the right fix turns the town green. */
  greenWithin: number;
  /** Simulated minutes after which the wrong fix still shows the finding. */
  redAfter: number;
}

const TOKEN = 'ghp_recovery_0123456789abcdefABCDEF';

const retryToast: Fix = {
  says: 'retry the dispatch of Toast',
  apply: async (c) => c.act('agent.retry_dispatch', 'agent', await c.agentId('Toast')),
};
const restartContainer: Fix = {
  says: 'restart the container',
  apply: async (c) => c.act('container.force_restart', 'container', c.townId),
};

async function reassign(c: Ctx, title: string): Promise<void> {
  await c.act('bead.reassign', 'bead', await c.beadId(title), { agent_id: await c.idlePolecat() });
}

export const RECOVERY_CASES: RecoveryCase[] = [
  { town: 'payments-api', rule: 'stuck-agent', right: retryToast, wrong: restartContainer, greenWithin: 30, redAfter: 60 },
  {
    town: 'mobile-app',
    rule: 'stuck-bead',
    right: {
      says: 'give the rig a token that reads the submodule, reassign the failed blocker, acknowledge the escalation',
      apply: async (c) => {
        await c.act('credential.set_token', 'rig', await c.rigId('mobile-app'), { token: TOKEN });
        await reassign(c, 'Upgrade Firebase SDK to 11.x');
        // The Mayor escalated the failure to a human: the operator who repaired it acknowledges that.
        await c.act('escalation.acknowledge', 'bead', await c.beadId('Escalated: Firebase SDK upgrade failed', 'escalation'));
      },
    },
    wrong: { says: 'reassign the failed blocker only', apply: (c) => reassign(c, 'Upgrade Firebase SDK to 11.x') },
    greenWithin: 30,
    redAfter: 120,
  },
  {
    town: 'docs-site',
    rule: 'refinery-failure',
    right: { says: 'send the conflicting bead back to a polecat to rework', apply: (c) => reassign(c, 'Add versioned docs sidebar') },
    wrong: {
      says: 'retry the failed review as is',
      apply: async (c) => c.act('review.force_retry', 'review', await c.beadId('Merge: Add versioned docs sidebar', 'merge_request')),
    },
    greenWithin: 180,
    redAfter: 120,
  },
  {
    town: 'ml-pipeline',
    rule: 'container-instability',
    right: {
      says: 'give node a heap that fits the container, then restart it',
      apply: async (c) => {
        await c.act('container.update_env', 'container', c.townId, {
          changes: [{ key: 'NODE_OPTIONS', value: '--max-old-space-size=2048', secret: false }],
        });
        await restartContainer.apply(c);
      },
    },
    wrong: restartContainer,
    greenWithin: 60,
    redAfter: 120,
  },
  {
    town: 'infra-terraform',
    rule: 'credential-issues',
    right: {
      says: 'set a working token on the rig',
      apply: async (c) => c.act('credential.set_token', 'rig', await c.rigId('infra-terraform'), { token: TOKEN }),
    },
    wrong: {
      says: 'refresh the token from the suspended integration',
      apply: async (c) => c.act('credential.force_refresh', 'rig', await c.rigId('infra-terraform')),
    },
    greenWithin: 120,
    redAfter: 120,
  },
  {
    town: 'design-system',
    rule: 'convoy-stall',
    right: {
      says: 'stop tracking the deleted bead and rework the conflicting one',
      apply: async (c) => {
        const convoy = await c.beadId('Convoy: Design tokens v2 rollout', 'convoy');
        const detail = await c.api.get(endpoints.bead(c.townId, convoy));
        await c.act('convoy.remove_tracked', 'convoy', convoy, { bead_id: detail.convoy!.tracked.find((t) => !t.present)!.bead_id });
        await reassign(c, 'Remove tokens v1 aliases');
      },
    },
    wrong: {
      says: 'force-close the conflicting tracked bead',
      apply: async (c) => {
        const convoy = await c.beadId('Convoy: Design tokens v2 rollout', 'convoy');
        await c.act('convoy.force_close_children', 'convoy', convoy, { bead_ids: [await c.beadId('Remove tokens v1 aliases')] });
      },
    },
    greenWithin: 240,
    redAfter: 120,
  },
  {
    town: 'support-bot',
    rule: 'mayor-dysfunction',
    right: { says: 'restart the Mayor', apply: async (c) => c.act('mayor.force_restart', 'agent', await c.agentId('Mayor')) },
    wrong: {
      says: 'resend the user message to the looping session',
      apply: async (c) => c.act('mayor.resend_last_message', 'agent', await c.agentId('Mayor')),
    },
    greenWithin: 10,
    redAfter: 60,
  },
  {
    town: 'data-warehouse',
    rule: 'silent-consumption',
    right: {
      says: 'kill the zombies',
      apply: async (c) => {
        const agents = (await c.api.get(endpoints.agents(c.townId))).items;
        for (const z of agents.filter((a) => a.role === 'polecat' && a.status === 'working' && !a.current_hook_bead_id))
          await c.act('agent.force_kill', 'agent', z.id);
      },
    },
    wrong: {
      says: 'make the container sleep sooner',
      apply: async (c) => c.act('container.set_sleep_timeout', 'container', c.townId, { sleep_after_minutes: 5 }),
    },
    greenWithin: 30,
    redAfter: 120,
  },
];

const STEP_MINUTES = 5;

export function describeRecoveryContract(name: string, backend: RecoveryBackend, cases: RecoveryCase[] = RECOVERY_CASES) {
  async function context(town: string): Promise<Ctx> {
    const api = backend.api();
    const townId = (await townNamed(api, town)).id;
    return {
      api,
      townId,
      act: async (action, kind, id, params = {}) => {
        await api.act(
          townId,
          action,
          { target: { kind, id }, params, reason: `Recovery contract: ${action}`, dryRun: false },
          { idempotencyKey: crypto.randomUUID(), ifMatch: await versionOf(api, townId, kind, id) },
        );
      },
      agentId: async (agent) => (await agentNamed(api, townId, agent)).id,
      beadId: async (title, type = 'issue') => (await beadTitled(api, townId, title, type)).id,
      idlePolecat: async (not = []) => {
        const agent = (await api.get(endpoints.agents(townId))).items.find(
          (a) => a.role === 'polecat' && a.status === 'idle' && !a.current_hook_bead_id && !not.includes(a.id),
        );
        if (!agent) throw new Error(`${town} has no idle polecat`);
        return agent.id;
      },
      rigId: async (rig) => (await api.get(endpoints.config(townId))).rigs.find((r) => r.rig.name === rig)!.rig.id,
    };
  }

  async function diagnosis(c: Ctx) {
    const [summary, clock] = await Promise.all([c.api.get(endpoints.town(c.townId)), backend.advance(c.townId, 0)]);
    return diagnoseTown(summary.health_inputs, Date.parse(clock.now));
  }

  const open = (findings: Finding[], rule: RuleId) => findings.filter((f) => f.rule === rule && !f.resolved_at);

  // Each case patrols up to two simulated hours tick by tick; on the worker that is many RPC round trips,
  // which a loaded 2-core machine stretched past 60 s once (with the e2e suite running beside it); a case
  // that runs out of time leaves its requests running into the next case's reseed, failing that one too.
  describe(`recovery (${name})`, { timeout: 120_000 }, () => {
    for (const k of cases) {
      it(`${k.town}: ${k.right.says} → green within ${k.greenWithin} simulated min`, async () => {
        await backend.reset();
        const c = await context(k.town);
        const before = await diagnosis(c);
        expect(open(before.findings, k.rule).map((f) => f.severity)).toContain('red');
        await k.right.apply(c);
        let minutes = 0;
        let now = before;
        while (minutes < k.greenWithin) {
          await backend.advance(c.townId, STEP_MINUTES * 60_000);
          minutes += STEP_MINUTES;
          now = await diagnosis(c);
          if (now.health === 'green') break;
        }
        expect(
          now.findings.filter((f) => !f.resolved_at).map((f) => `${f.severity} ${f.rule}: ${f.reason}`),
          `after ${minutes} min`,
        ).toEqual([]);
        expect(now.health).toBe('green');
      });

      it(`${k.town}: ${k.wrong.says} → still red with the same finding after ${k.redAfter} simulated min`, async () => {
        await backend.reset();
        const c = await context(k.town);
        const before = open((await diagnosis(c)).findings, k.rule).find((f) => f.severity === 'red')!;
        await k.wrong.apply(c);
        await backend.advance(c.townId, k.redAfter * 60_000);
        const after = open((await diagnosis(c)).findings, k.rule).filter((f) => f.severity === 'red');
        expect(after.map((f) => f.target)).toContainEqual(before.target);
      });
    }

    // A wrong container config: node told to wait for a debugger never reaches `kilo serve`'s listen, so
    // a cold start misses the 3-min grace. The patrol records the refused health checks, then `not_found`,
    // and the platform starts it again, to miss again; a restart alone changes nothing, while fixing the
    // env lets the platform's next start run and the container finding go (resolved after a clean run).
    it('storefront: a cold start waiting for a debugger is not found after the 3-min grace until NODE_OPTIONS is fixed', async () => {
      await backend.reset();
      const c = await context('storefront');
      const setOptions = (value: string | null) =>
        c.act('container.update_env', 'container', c.townId, { changes: [{ key: 'NODE_OPTIONS', value, secret: false }] });
      const container = () => c.api.get(endpoints.container(c.townId));
      const containerFindings = async () => (await diagnosis(c)).findings.filter((f) => f.rule === 'container-instability');
      await setOptions('--inspect-brk=0.0.0.0:9229');
      await restartContainer.apply(c);

      await backend.advance(c.townId, 2 * 60_000);
      let state = await container();
      expect(state.status).toBe('starting');
      expect(state.events.filter((e) => e.event_type === 'not_found' && e.created_at >= state.last_restart_at!)).toEqual([]);
      expect(state.events[0]).toMatchObject({ event_type: 'health_check_failed', message: expect.stringMatching(/^GET \/health refused/) });

      await backend.advance(c.townId, 2 * 60_000);
      state = await container();
      const missed = state.events.find((e) => e.event_type === 'not_found')!;
      expect(missed.message).toMatch(/within the 3-min cold-start grace \(last log: Debugger listening on ws:\/\/0\.0\.0\.0:9229\//);
      expect(missed.created_at >= state.last_restart_at!).toBe(true);
      expect(state.status).toBe('starting');
      expect(state.health).toBe('down');
      expect((await containerFindings()).map((f) => `${f.severity} ${f.reason}`)).toEqual([
        expect.stringMatching(/^red container not found after the 3-min cold-start grace since it last ran/),
      ]);

      // The wrong fix: restart it as it is. Every start still misses the grace.
      await restartContainer.apply(c);
      await backend.advance(c.townId, 10 * 60_000);
      state = await container();
      expect(state.status).toBe('starting');
      expect(state.events.filter((e) => e.event_type === 'start' && e.created_at >= missed.created_at)).toEqual([]);
      expect((await containerFindings()).filter((f) => f.severity === 'red' && !f.resolved_at)).toHaveLength(1);

      // The right fix: the env alone; the platform's next start reads it and answers its health checks.
      await setOptions(null);
      await backend.advance(c.townId, 5 * 60_000);
      state = await container();
      expect(state.status).toBe('running');
      expect(state.events.find((e) => e.event_type === 'start')!.created_at > missed.created_at).toBe(true);
      let minutes = 5;
      let open = await containerFindings();
      while (open.some((f) => !f.resolved_at) && minutes < 60) {
        await backend.advance(c.townId, STEP_MINUTES * 60_000);
        minutes += STEP_MINUTES;
        open = await containerFindings();
      }
      expect(
        open.filter((f) => !f.resolved_at),
        `after ${minutes} min`,
      ).toEqual([]);
      expect((await container()).health).toBe('ok');
    });

    // GUPP force-stops a hooked polecat after 2 h without activity and escalates it to a human: an
    // escalation bead about the stuck bead, raised again every hour until someone acknowledges it. The
    // container kept from starting (as above) silences every polecat that was working.
    it('storefront: polecats silent for 2 h get escalation beads, raised again hourly until acknowledged', async () => {
      await backend.reset();
      const c = await context('storefront');
      const working = (await c.api.get(endpoints.agents(c.townId))).items.filter((a) => a.status === 'working' && a.current_hook_bead_id);
      expect(working.length).toBeGreaterThanOrEqual(2);
      await c.act('container.update_env', 'container', c.townId, {
        changes: [{ key: 'NODE_OPTIONS', value: '--inspect-brk=0.0.0.0:9229', secret: false }],
      });
      await restartContainer.apply(c);
      const escalations = async () =>
        (await c.api.get(endpoints.escalations(c.townId))).items.filter((e) => e.title.startsWith('Escalated: '));
      let raised = await escalations();
      expect(raised).toEqual([]);
      for (let m = 0; m < 150 && raised.length < working.length; m += STEP_MINUTES) {
        await backend.advance(c.townId, STEP_MINUTES * 60_000);
        raised = (await escalations()).filter((e) => e.title.includes(' stalled on '));
      }
      expect(raised.map((e) => e.source_bead_id).sort()).toEqual(working.map((a) => a.current_hook_bead_id).sort());
      for (const e of raised) expect(e).toMatchObject({ status: 'open', severity: 'high', acknowledged: false, re_escalation_count: 0 });
      const stalled = (await c.api.get(endpoints.agents(c.townId))).items.filter((a) => working.some((w) => w.id === a.id));
      expect(stalled.map((a) => a.status)).toEqual(stalled.map(() => 'stalled'));
      // Each is a yellow finding until acknowledged.
      const findings = (await diagnosis(c)).findings.filter((f) => f.rule === 'unacknowledged-escalation');
      expect(findings.map((f) => f.target.id).sort()).toEqual(raised.map((e) => e.bead_id).sort());

      const [seen, ...unseen] = raised;
      await c.act('escalation.acknowledge', 'bead', seen!.bead_id);
      await backend.advance(c.townId, 65 * 60_000);
      const after = await escalations();
      expect(after.find((e) => e.bead_id === seen!.bead_id)).toMatchObject({ acknowledged: true, re_escalation_count: 0 });
      for (const e of unseen) {
        const now = after.find((x) => x.bead_id === e.bead_id)!;
        expect(now).toMatchObject({ acknowledged: false, re_escalation_count: 1 });
        expect(now.last_escalated_at! > e.last_escalated_at!).toBe(true);
      }
      const open = (await diagnosis(c)).findings.filter((f) => f.rule === 'unacknowledged-escalation');
      expect(open.map((f) => f.target.id)).not.toContain(seen!.bead_id);
      expect(open.map((f) => f.reason)).toContainEqual(expect.stringMatching(/raised again 1×$/));

      // Resetting the stalled agent leaves the escalation nothing to ask: it closes and stops counting.
      const reset = unseen[0]!;
      await c.act('agent.force_reset', 'agent', working.find((a) => a.current_hook_bead_id === reset.source_bead_id)!.id);
      await backend.advance(c.townId, STEP_MINUTES * 60_000);
      expect((await escalations()).find((e) => e.bead_id === reset.bead_id)).toMatchObject({ status: 'closed' });
      const left = (await diagnosis(c)).findings.filter((f) => f.rule === 'unacknowledged-escalation');
      expect(left.map((f) => f.target.id)).not.toContain(reset.bead_id);
    });

    // Production lands a review-then-land convoy by a landing merge request from its feature branch:
    // complete is not landed. The refinery reviews and merges that request like any other, then it lands.
    it('design-system: once complete, the convoy lands by a landing merge request from its feature branch', async () => {
      await backend.reset();
      const c = await context('design-system');
      const convoyId = await c.beadId('Convoy: Design tokens v2 rollout', 'convoy');
      const convoy = async () => (await c.api.get(endpoints.bead(c.townId, convoyId))).convoy!;
      await cases.find((k) => k.town === 'design-system')!.right.apply(c);
      let seen = await convoy();
      let complete: typeof seen | null = null;
      for (let m = 0; m < 240 && !seen.landed_at; m += STEP_MINUTES) {
        await backend.advance(c.townId, STEP_MINUTES * 60_000);
        seen = await convoy();
        // Complete but not landed: the landing request is open, the convoy waits in review.
        if (!complete && seen.landing_mr_bead_id && !seen.landed_at) complete = seen;
      }
      expect(complete, 'a landing merge request before the convoy landed').not.toBeNull();
      expect(complete).toMatchObject({ total_beads: 7, closed_beads: 7, status: 'in_review', landed_at: null });
      expect(['pending', 'running']).toContain(complete!.landing_mr_state);
      const landing = (await c.api.get(endpoints.reviewQueue(c.townId))).entries.find((e) => e.bead_id === complete!.landing_mr_bead_id)!;
      expect(landing).toMatchObject({
        title: 'Land convoy: Design tokens v2 rollout',
        source_bead_id: convoyId,
        branch: 'convoy/design-tokens-v2',
        target_branch: 'main',
        review_state: 'merged',
      });
      expect(landing.rig_id).toBe(await c.rigId('design-system'));
      expect(seen).toMatchObject({ total_beads: 7, closed_beads: 7, status: 'closed', landing_mr_state: 'merged' });
      expect(seen.landed_at! >= landing.completed_at!).toBe(true);
    });

    // The superseded causes read "resolved" for 30 min after what superseded them, then clear: a failed
    // dispatch followed by a successful one, clones that failed until a git operation succeeded (a push
    // or the refinery's merge), a credential whose failed refresh is followed by a good resolve.
    async function resolvedOver(c: Ctx, minutes: number): Promise<Map<string, Finding>> {
      const seen = new Map<string, Finding>();
      for (let m = 0; m < minutes; m += STEP_MINUTES) {
        await backend.advance(c.townId, STEP_MINUTES * 60_000);
        const d = await diagnosis(c);
        for (const f of d.findings.filter((x) => x.resolved_at)) seen.set(f.reason, f);
        // Resolved findings come last and never count toward the town's health.
        const open = d.findings.filter((x) => !x.resolved_at);
        expect(d.findings.slice(0, open.length)).toEqual(open);
        if (!open.length) expect(d.health).toBe('green');
      }
      return seen;
    }

    /** Steps the clock until a resolved finding of `rule` shows (at most `minutes`), checking the order as resolvedOver does. */
    async function untilResolved(c: Ctx, rule: RuleId, minutes: number): Promise<Finding[]> {
      for (let m = 0; m < minutes; m += STEP_MINUTES) {
        await backend.advance(c.townId, STEP_MINUTES * 60_000);
        const d = await diagnosis(c);
        const open = d.findings.filter((x) => !x.resolved_at);
        expect(d.findings.slice(0, open.length)).toEqual(open);
        const resolved = d.findings.filter((f) => f.rule === rule && f.resolved_at);
        if (resolved.length) {
          expect(open.filter((f) => f.rule === rule)).toEqual([]);
          if (!open.length) expect(d.health).toBe('green');
          return resolved;
        }
      }
      return [];
    }

    it('docs-site: after the rework, the failed review that merged reads resolved, then clears', async () => {
      await backend.reset();
      const c = await context('docs-site');
      await cases.find((k) => k.town === 'docs-site')!.right.apply(c);
      const resolved = await untilResolved(c, 'refinery-failure', 180);
      expect(resolved.map((f) => f.reason)).toEqual([
        expect.stringMatching(/^review of “Merge: Add versioned docs sidebar” failed: .*conflict.* — merged since$/),
      ]);
      await backend.advance(c.townId, 35 * 60_000);
      expect((await diagnosis(c)).findings.filter((f) => f.rule === 'refinery-failure')).toEqual([]);
    });

    it('support-bot: after the restart, the loop a new session left behind by answering reads resolved, then clears', async () => {
      await backend.reset();
      const c = await context('support-bot');
      await cases.find((k) => k.town === 'support-bot')!.right.apply(c);
      const resolved = await untilResolved(c, 'mayor-dysfunction', 15);
      expect(resolved.map((f) => f.reason)).toEqual([expect.stringMatching(/^Mayor session errored: .+ — a new session answered since$/)]);
      await backend.advance(c.townId, 35 * 60_000);
      expect((await diagnosis(c)).findings.filter((f) => f.rule === 'mayor-dysfunction')).toEqual([]);
    });

    it('mobile-app: after the right fix, the failed dispatches read resolved, then clear', async () => {
      await backend.reset();
      const c = await context('mobile-app');
      expect((await diagnosis(c)).findings.filter((f) => f.resolved_at)).toEqual([]);
      await cases.find((k) => k.town === 'mobile-app')!.right.apply(c);
      const seen = [...(await resolvedOver(c, 15)).keys()];
      expect(seen).toEqual([
        expect.stringMatching(/^dispatch of bead “Upgrade Firebase SDK to 11\.x” failed 5× \(.+\) — dispatched since$/),
      ]);
      await backend.advance(c.townId, 35 * 60_000);
      const later = (await diagnosis(c)).findings.map((f) => f.reason);
      expect(later.filter((r) => r.includes('Upgrade Firebase SDK'))).toEqual([]);
    });

    it('infra-terraform: a working token after failed refreshes, then pushes after denied ones, read resolved, then clear', async () => {
      await backend.reset();
      const c = await context('infra-terraform');
      await cases.find((k) => k.town === 'infra-terraform')!.right.apply(c);
      const seen = [...(await resolvedOver(c, 60)).values()].filter((f) => f.rule === 'credential-issues');
      expect(seen.map((f) => f.reason)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^git credential for rig infra-terraform failed to resolve: .+ — resolved again since$/),
          expect.stringMatching(/^rig infra-terraform: \d+ git failures? — a git operation succeeded since$/),
        ]),
      );
      await backend.advance(c.townId, 35 * 60_000);
      expect((await diagnosis(c)).findings.filter((f) => f.rule === 'credential-issues')).toEqual([]);
    });
  });
}
