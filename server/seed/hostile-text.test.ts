import { describe, expect, it } from 'vitest';
import { buildWorld } from '../../scenarios';
import { plantHostileText } from './hostile-text';

/** The hostile seed (test hooks only) reaches names too, and keeps every row that repeats a name consistent. */
describe('plantHostileText', () => {
  it('gives agents and rigs payload names everywhere a row repeats them, and plants the large string in reasons', () => {
    const world = buildWorld({ now: Date.parse('2026-01-01T00:00:00Z') });
    const texts = ['<img src=x onerror=alert(1)>', '=HYPERLINK("http://x")', 'a\u202Eb'];
    const large = 'L'.repeat(1_000_000);
    plantHostileText(world, { texts, large, large_town: 'infra-terraform' });
    for (const town of world.towns) {
      for (const a of town.agents) expect(texts).toContain(a.name);
      for (const r of town.rigs) expect(texts).toContain(r.name);
      const agentName = new Map(town.agents.map((a) => [a.id, a.name]));
      for (const a of town.assignments) expect(a.agent_name).toBe(agentName.get(a.agent_id));
      const rigName = new Map(town.rigs.map((r) => [r.id, r.name]));
      for (const c of town.credentials) expect(c.rig_name).toBe(rigName.get(c.rig_id));
    }
    const infra = world.towns.find((t) => t.town.name === 'infra-terraform')!;
    const polecat = infra.agents.find((a) => a.role === 'polecat')!;
    expect(infra.agent_status_history.some((h) => h.agent_id === polecat.id && h.reason === large)).toBe(true);
    expect(infra.container_events.some((e) => e.reason === large)).toBe(true);
  });
});
