import { describe, expect, it } from 'vitest';
import { getStore } from '../../../mocks/handlers';
import { endpoints, testApi, worldTown } from '../../../test/api';
import { diagnoseTown, RULES } from './rules';

/**
 * Every seed scenario has its rule; the cost threshold is the admin's setting and an unacknowledged escalation
 * is not a scenario of the seed (each tested on its own).
 */
const SCENARIO_RULES = RULES.map((r) => r.id).filter((id) => id !== 'cost-threshold' && id !== 'unacknowledged-escalation');

/** The health inputs the server answers for a scenario town, read at the backend's own clock. */
async function diagnose(scenario: string) {
  const summary = await testApi.get(endpoints.town(worldTown(scenario).town.id));
  return diagnoseTown(summary.health_inputs, getStore().clock.now());
}

describe('health rules', () => {
  it('finds nothing wrong with the healthy towns', async () => {
    for (const t of getStore().world.towns.filter((x) => x.scenario === 'healthy')) {
      const d = await diagnose(t.town.name);
      expect(d.findings, t.town.name).toEqual([]);
      expect(d.health).toBe('green');
    }
  });

  it('flags the unacknowledged critical escalation of the stuck-bead town in red, with its re-escalations', async () => {
    const d = await diagnose('stuck-bead');
    const f = d.findings.find((x) => x.rule === 'unacknowledged-escalation')!;
    expect(f.severity).toBe('red');
    expect(f.reason).toBe('critical escalation “Escalated: Firebase SDK upgrade failed” unacknowledged, raised again 2×');
    expect(f.target.kind).toBe('bead');
  });

  it.each(SCENARIO_RULES)('flags the %s town with its own rule', async (scenario) => {
    const d = await diagnose(scenario);
    expect(d.findings.map((f) => f.rule)).toContain(scenario);
    expect(d.health).toBe(d.findings.find((f) => f.rule === scenario)!.severity === 'red' ? 'red' : d.health);
    expect(d.health).not.toBe('green');
  });

  it('a cost threshold set through the engine turns a spending town yellow, naming the agents that merged nothing', async () => {
    const town = worldTown('data-warehouse');
    const before = await testApi.get(endpoints.town(town.town.id));
    expect(diagnoseTown(before.health_inputs, getStore().clock.now()).findings.map((f) => f.rule)).not.toContain('cost-threshold');
    const spent = before.health_inputs.usage.cost_microdollars_24h;
    expect(spent).toBeGreaterThan(0);
    const config = await testApi.get(endpoints.config(town.town.id));
    const result = await testApi.act(
      town.town.id,
      'config.update_town',
      {
        target: { kind: 'config', id: town.town.id },
        params: { patch: { cost_threshold_microdollars_24h: Math.floor(spent / 1.5) } },
        reason: 'alert us when this town spends too much',
        dryRun: false,
      },
      { idempotencyKey: crypto.randomUUID(), ifMatch: config.config.version },
    );
    expect(result.audit_entry).toBeTruthy();
    const after = await testApi.get(endpoints.town(town.town.id));
    const finding = diagnoseTown(after.health_inputs, getStore().clock.now()).findings.find((f) => f.rule === 'cost-threshold');
    expect(finding?.severity).toBe('yellow');
    const idle = after.health_inputs.usage.spenders_without_merge;
    expect(idle.length).toBeGreaterThan(0);
    expect(finding!.reason).toContain(`over the $${(Math.floor(spent / 1.5) / 1e6).toFixed(2)} threshold`);
    expect(finding!.reason).toContain(`spending with nothing merged: ${idle[0]!.name}`);
    expect(finding!.target).toEqual({ kind: 'agent', id: idle[0]!.agent_id, tab: 'agents' });
  });

  it('explains the stuck agent in words an operator can act on', async () => {
    const d = await diagnose('stuck-agent');
    const f = d.findings.find((x) => x.rule === 'stuck-agent')!;
    expect(f.severity).toBe('red');
    expect(f.reason).toMatch(
      /^polecat Toast stalled 47 min on bead “Add idempotency keys to the refund endpoint” — process exited, 4 dispatch retries, last SDK event 2 h 47 min ago$/,
    );
  });

  it('names the missing tracked bead count of a stalled convoy', async () => {
    const d = await diagnose('convoy-stall');
    expect(d.findings.find((x) => x.rule === 'convoy-stall')!.reason).toContain('stuck at 6/8 — 1 tracked bead is missing');
  });

  it('names the failed blocker of a stuck bead', async () => {
    const d = await diagnose('stuck-bead');
    expect(d.findings.find((x) => x.rule === 'stuck-bead')!.reason).toContain('blocked by failed bead “Upgrade Firebase SDK to 11.x”');
  });
});

describe('the Mayor owes the user an answer', () => {
  it('a town whose Mayor has an unanswered message is not healthy, even in the first minutes', async () => {
    const town = worldTown('healthy');
    const mayor = town.agents.find((a) => a.role === 'mayor')!;
    const resent = await testApi.act(
      town.town.id,
      'mayor.resend_last_message',
      { target: { kind: 'agent', id: mayor.id }, params: {}, reason: 'Support: the user asked again', dryRun: false },
      { idempotencyKey: crypto.randomUUID(), ifMatch: mayor.version },
    );
    expect(resent.audit_entry).not.toBeNull();
    const d = await diagnose(town.town.name);
    expect(d.health).toBe('yellow');
    expect(d.findings).toEqual([expect.objectContaining({ rule: 'mayor-dysfunction', severity: 'yellow' })]);
    expect(d.findings[0]!.reason).toMatch(/^Mayor has a user message waiting for an answer \(/);
  });
});

describe('each scenario town', () => {
  it.each(SCENARIO_RULES)('is flagged by no rule about zombies unless it is the silent-consumption town (%s)', async (scenario) => {
    const d = await diagnose(scenario);
    const zombie = d.findings.find((f) => f.rule === 'silent-consumption' && f.reason.includes('no hooked bead'));
    if (scenario === 'silent-consumption')
      expect(zombie?.reason).toMatch(/^Maple and Shadow used [\d.]+K tokens in the last hour with no hooked bead$/);
    else expect(zombie).toBeUndefined();
  });
});

describe('a finding whose cause was superseded', () => {
  const MIN = 60_000;
  async function unstable() {
    const inputs = (await testApi.get(endpoints.town(worldTown('container-instability').town.id))).health_inputs;
    return { inputs, now: getStore().clock.now() };
  }
  const at = (now: number, minutesAgo: number) => new Date(now - minutesAgo * MIN).toISOString();

  it('reads resolved once the container has run clean for 30 min since its last OOM, and no longer counts', async () => {
    const { inputs, now } = await unstable();
    const container = {
      ...inputs.container,
      status: 'running' as const,
      health: 'ok' as const,
      unstable_at: at(now, 50),
      started_at: at(now, 40),
    };
    const d = diagnoseTown({ ...inputs, container }, now);
    const f = d.findings.find((x) => x.rule === 'container-instability')!;
    expect(f.reason).toContain('OOM-killed 4× in 24 h');
    expect(f.resolved_at).toBe(at(now, 10));
    expect(d.findings.at(-1)).toBe(f);
    expect(d.health).not.toBe('red');
  });

  it('stays unresolved while the container has not run clean for 30 min', async () => {
    const { inputs, now } = await unstable();
    const container = {
      ...inputs.container,
      status: 'running' as const,
      health: 'ok' as const,
      unstable_at: at(now, 20),
      started_at: at(now, 19),
    };
    const f = diagnoseTown({ ...inputs, container }, now).findings.find((x) => x.rule === 'container-instability')!;
    expect(f.resolved_at).toBeUndefined();
    expect(f.severity).toBe('red');
  });

  it('clears 30 min after it was resolved', async () => {
    const { inputs, now } = await unstable();
    const container = {
      ...inputs.container,
      status: 'running' as const,
      health: 'ok' as const,
      unstable_at: at(now, 100),
      started_at: at(now, 95),
    };
    expect(diagnoseTown({ ...inputs, container }, now).findings.filter((x) => x.rule === 'container-instability')).toEqual([]);
  });
});
