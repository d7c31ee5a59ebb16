import { describe, expect, it } from 'vitest';
import { Agent, Bead, BeadEvent, ContainerEvent, DispatchAttempt, GitOperation, Rig, User } from '../src/api/schemas';
import { buildWorld, sdkEventAt, SCENARIO_TOWNS } from '.';

const NOW = Date.parse('2026-11-24T12:00:00.000Z');

describe('scenario world', () => {
  it('is deterministic: the same anchor builds the same world', () => {
    expect(JSON.stringify(buildWorld({ now: NOW }))).toBe(JSON.stringify(buildWorld({ now: NOW })));
  });

  it('gives Dana a healthy town plus one per failure scenario, and Marco none', () => {
    const world = buildWorld({ now: NOW });
    const dana = world.users.find((u) => u.email.startsWith('dana'))!;
    const marco = world.users.find((u) => u.email.startsWith('marco'))!;
    expect(
      world.towns
        .filter((t) => t.town.owner_user_id === dana.id)
        .map((t) => t.scenario)
        .sort(),
    ).toEqual(SCENARIO_TOWNS.map((t) => t.scenario).sort());
    expect(new Set(SCENARIO_TOWNS.map((t) => t.scenario)).size).toBe(9);
    expect(world.towns.filter((t) => t.town.owner_user_id === marco.id)).toHaveLength(0);
    expect(world.users.some((u) => u.is_admin)).toBe(true);
    expect(world.users.some((u) => !u.is_admin && u.email.endsWith('@kilocode.ai'))).toBe(true);
  });

  it('produces rows that satisfy the contract schemas', () => {
    const world = buildWorld({ now: NOW });
    world.users.forEach((u) => User.parse(u));
    for (const town of world.towns) {
      town.rigs.forEach((r) => Rig.parse(r));
      town.beads.forEach((b) => Bead.parse(b));
      town.bead_events.forEach((e) => BeadEvent.parse(e));
      town.agents.forEach((a) => Agent.parse(a));
      town.dispatch_attempts.forEach((d) => DispatchAttempt.parse(d));
      town.container_events.forEach((c) => ContainerEvent.parse(c));
      town.git_operations.forEach((g) => GitOperation.parse(g));
    }
  });

  it('names polecats from the production pool with production-shaped identities', () => {
    const town = buildWorld({ now: NOW }).towns[0]!;
    const polecats = town.agents.filter((a) => a.role === 'polecat');
    expect(polecats.map((p) => p.name)).toEqual(['Toast', 'Maple', 'Birch', 'Shadow']);
    expect(polecats[0]!.identity).toMatch(/^Toast-polecat-[0-9a-f]{8}@[0-9a-f]{8}$/);
  });

  it('keeps the stuck-agent evidence: exited process, four failed dispatches, an old last SDK event', () => {
    const town = buildWorld({ now: NOW }).towns.find((t) => t.scenario === 'stuck-agent')!;
    const toast = town.agents.find((a) => a.name === 'Toast')!;
    expect(toast.current_hook_bead_id).not.toBeNull();
    expect(town.processes.find((p) => p.agent_id === toast.id)?.status).toBe('exited');
    const failed = town.dispatch_attempts.filter((d) => d.agent_id === toast.id && d.outcome === 'failed');
    expect(failed).toHaveLength(4);
    expect(failed.every((d) => d.error_message)).toBe(true);
    const stream = town.sdk_streams.find((s) => s.agent_id === toast.id)!;
    const last = sdkEventAt(stream, stream.total);
    expect(NOW - Date.parse(last.created_at)).toBeGreaterThan(2 * 3600_000);
  });

  it('generates any SDK event on its own, identically each time', () => {
    const stream = buildWorld({ now: NOW }).towns[0]!.sdk_streams[0]!;
    expect(sdkEventAt(stream, 17)).toEqual(sdkEventAt(stream, 17));
    const a = sdkEventAt(stream, 1);
    const b = sdkEventAt(stream, stream.total);
    expect(Date.parse(a.created_at)).toBeLessThanOrEqual(Date.parse(b.created_at));
  });
});
