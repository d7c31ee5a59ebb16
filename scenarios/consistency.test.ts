import { describe, expect, it } from 'vitest';
import { buildWorld } from '.';
import { checkTownConsistency } from './consistency';
import type { TownSeed } from './types';

const NOW = Date.parse('2026-11-24T12:00:00.000Z');
const world = buildWorld({ now: NOW });
const town = (name: string) => world.towns.find((t) => t.town.name === name)!;
const agent = (t: TownSeed, name: string) => t.agents.find((a) => a.name === name)!;
const historyOf = (t: TownSeed, agentId: string) =>
  t.agent_status_history.filter((h) => h.agent_id === agentId).sort((a, b) => a.at.localeCompare(b.at));

describe('every scenario town tells one consistent story', () => {
  // Any anchor: every timestamp is relative to it, and the invariants must hold for the odd ones too.
  for (const now of [NOW, Date.parse('2027-03-05T08:17:42.000Z')]) {
    const w = buildWorld({ now });
    it.each(w.towns.map((t) => [t.town.name, t] as const))(`%s (anchor ${new Date(now).toISOString()})`, (_, t) => {
      expect(checkTownConsistency(t, w.now)).toEqual([]);
    });
  }
});

describe('the contradictions reviewers found stay fixed', () => {
  it('payments-api: Toast is stalled 47 min and its status timeline ends stalled; its hooks and bead run forward', () => {
    const t = town('payments-api');
    const toast = agent(t, 'Toast');
    expect(toast.status).toBe('stalled');
    expect(NOW - Date.parse(toast.status_since)).toBe(47 * 60_000);
    expect(historyOf(t, toast.id).at(-1)).toMatchObject({ status: 'stalled', at: toast.status_since });
    for (const a of t.assignments.filter((x) => x.agent_id === toast.id)) {
      const bead = t.beads.find((b) => b.id === a.bead_id)!;
      expect(a.started_at >= bead.created_at, a.bead_title ?? '').toBe(true);
      if (a.ended_at) expect(a.ended_at >= a.started_at).toBe(true);
    }
    for (const b of t.beads) if (b.closed_at) expect(b.closed_at >= b.created_at, b.title).toBe(true);
  });

  it('payments-api: one bead titled “Add idempotency keys to the refund endpoint”, the one Toast is hooked to', () => {
    const t = town('payments-api');
    const refund = t.beads.filter((b) => b.title === 'Add idempotency keys to the refund endpoint');
    expect(refund).toHaveLength(1);
    expect(agent(t, 'Toast').current_hook_bead_id).toBe(refund[0]!.id);
    for (const x of world.towns) expect(new Set(x.beads.map((b) => b.title)).size, x.town.name).toBe(x.beads.length);
  });

  it('data-warehouse: the zombies Maple and Shadow end their timelines working, Toast and Birch idle', () => {
    const t = town('data-warehouse');
    for (const [name, status] of [
      ['Maple', 'working'],
      ['Shadow', 'working'],
      ['Toast', 'idle'],
      ['Birch', 'idle'],
    ] as const) {
      const a = agent(t, name);
      expect(a.status, name).toBe(status);
      expect(historyOf(t, a.id).at(-1), name).toMatchObject({ status, at: a.status_since });
      expect(a.current_hook_bead_id, name).toBeNull();
    }
  });

  it('ml-pipeline: every process started after the container’s restart 18 min ago', () => {
    const t = town('ml-pipeline');
    expect(t.container.started_at).toBe(new Date(NOW - 18 * 60_000).toISOString());
    expect(t.container.last_restart_at).toBe(t.container.started_at);
    expect(t.processes.length).toBeGreaterThan(0);
    for (const p of t.processes) expect(p.started_at >= t.container.started_at!, p.agent_name ?? p.process_id).toBe(true);
    expect(t.processes.find((p) => p.agent_name === 'Mayor')!.status).toBe('running');
  });

  it('docs-site: the failed review is done (its bead failed) and the queue samples end at the stated depth', () => {
    const t = town('docs-site');
    const failed = t.reviews.find((r) => r.review_state === 'failed')!;
    const bead = t.beads.find((b) => b.id === failed.bead_id)!;
    expect(bead.title).toBe('Merge: Add versioned docs sidebar');
    expect(bead.status).toBe('failed');
    expect(bead.closed_at).toBe(failed.completed_at);
    const depth = t.reviews.filter((r) => r.review_state === 'pending' || r.review_state === 'running').length;
    expect(depth).toBe(7);
    expect(t.review_samples.at(-1)!.depth).toBe(depth);
    expect(t.review_samples.at(-1)!.at).toBe(world.now);
    expect(t.reviews.filter((r) => r.review_state === 'running')).toHaveLength(1);
  });
});

describe('the consistency check is not vacuous', () => {
  const broken = (name: string, breakIt: (t: TownSeed) => void) => {
    const t = structuredClone(town(name));
    breakIt(t);
    return checkTownConsistency(t, world.now);
  };

  it('names a status that is not the end of the agent’s history', () => {
    expect(broken('payments-api', (t) => (agent(t, 'Toast').status = 'working')).join('\n')).toMatch(
      /Toast is working but its status history ends in stalled/,
    );
  });

  it('names an assignment that ends before it starts, and a bead closed before it was created', () => {
    const problems = broken('storefront', (t) => {
      const done = t.assignments.find((a) => a.ended_at)!;
      done.ended_at = new Date(Date.parse(done.started_at) - 60_000).toISOString();
      const closed = t.beads.find((b) => b.closed_at)!;
      closed.closed_at = new Date(Date.parse(closed.created_at) - 60_000).toISOString();
    }).join('\n');
    expect(problems).toMatch(/ended .* before it started/);
    expect(problems).toMatch(/closed .* before it was created/);
  });

  it('names a process older than the container, a queue sample that disagrees, a duplicate title and a lost hook', () => {
    const problems = broken('ml-pipeline', (t) => {
      t.processes[0]!.started_at = new Date(NOW - 2 * 24 * 3600_000).toISOString();
      t.review_samples.at(-1)!.depth += 1;
      t.beads[1]!.title = t.beads[0]!.title;
      const hooked = t.agents.find((a) => a.current_hook_bead_id)!;
      hooked.current_hook_bead_id = null;
    }).join('\n');
    expect(problems).toMatch(/started .* is before the container’s last start/);
    expect(problems).toMatch(/review queue depth is \d+ but the last queue sample says \d+/);
    expect(problems).toMatch(/2 beads share the title/);
    expect(problems).toMatch(/has no hook but open assignments/);
  });
});
