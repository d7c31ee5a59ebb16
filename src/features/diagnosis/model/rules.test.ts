import { describe, expect, it } from 'vitest';
import { buildWorld } from '../../../../scenarios';
import { toHealthInputs } from '../../../mocks/db/summary';
import { diagnoseTown, RULES } from './rules';

const NOW = Date.parse('2026-11-24T12:00:00.000Z');
const world = buildWorld({ now: NOW });
const town = (scenario: string) => world.towns.find((t) => t.scenario === scenario)!;

describe('health rules', () => {
  it('finds nothing wrong with the healthy towns', () => {
    for (const t of world.towns.filter((x) => x.scenario === 'healthy')) {
      const d = diagnoseTown(toHealthInputs(t, NOW), NOW);
      expect(d.findings, t.town.name).toEqual([]);
      expect(d.health).toBe('green');
    }
  });

  it.each(RULES.map((r) => r.id))('flags the %s town with its own rule', (scenario) => {
    const d = diagnoseTown(toHealthInputs(town(scenario), NOW), NOW);
    expect(d.findings.map((f) => f.rule)).toContain(scenario);
    expect(d.health).toBe(d.findings.find((f) => f.rule === scenario)!.severity === 'red' ? 'red' : d.health);
    expect(d.health).not.toBe('green');
  });

  it('explains the stuck agent in words an operator can act on', () => {
    const d = diagnoseTown(toHealthInputs(town('stuck-agent'), NOW), NOW);
    const f = d.findings.find((x) => x.rule === 'stuck-agent')!;
    expect(f.severity).toBe('red');
    expect(f.reason).toMatch(
      /^polecat Toast stalled 47 min on bead “Add idempotency keys to the refund endpoint” — process exited, 4 dispatch retries, last SDK event 2 h 47 min ago$/,
    );
  });

  it('names the missing tracked bead count of a stalled convoy', () => {
    const d = diagnoseTown(toHealthInputs(town('convoy-stall'), NOW), NOW);
    expect(d.findings.find((x) => x.rule === 'convoy-stall')!.reason).toContain('stuck at 6/8 — 1 tracked bead is missing');
  });

  it('names the failed blocker of a stuck bead', () => {
    const d = diagnoseTown(toHealthInputs(town('stuck-bead'), NOW), NOW);
    expect(d.findings.find((x) => x.rule === 'stuck-bead')!.reason).toContain('blocked by failed bead “Upgrade Firebase SDK to 11.x”');
  });
});

describe('each scenario town', () => {
  it.each(RULES.map((r) => r.id))('is flagged by no rule about zombies unless it is the silent-consumption town (%s)', (scenario) => {
    const d = diagnoseTown(toHealthInputs(town(scenario), NOW), NOW);
    const zombie = d.findings.find((f) => f.rule === 'silent-consumption' && f.reason.includes('no hooked bead'));
    if (scenario === 'silent-consumption')
      expect(zombie?.reason).toMatch(/^Maple and Shadow used [\d.]+K tokens in the last hour with no hooked bead$/);
    else expect(zombie).toBeUndefined();
  });
});
