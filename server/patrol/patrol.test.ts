// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildWorld, type TownSeed } from '../../scenarios';
import { openMemoryStorage } from '../../src/mocks/sqlite';
import { AgentStream } from '../agent/agent-stream';
import type { Host, Objects } from '../host';
import type { SqlPort, Storage } from '../ports';
import { all, scalar } from '../db/sql';
import { Town } from '../town/town';

/**
 * The patrol on the server core itself (no HTTP): invariants after every tick of a long seeded run over
 * every scenario town, and the same seed with the same clock steps giving the same database, byte for byte.
 */
const ANCHOR = Date.parse('2026-11-20T12:00:00.000Z');
const TICK_MS = 60_000;

interface Running {
  town: Town;
  storage: Storage;
  seed: TownSeed;
  agents: Map<string, AgentStream>;
}

/**
 * A host whose clock stands still (the town's own clock is the only one that moves) and whose AgentDOs
 * are real streams, each over a database opened ahead (opening one is async; receiving is not).
 */
async function start(seed: TownSeed): Promise<Running> {
  const spare = await Promise.all(Array.from({ length: seed.agents.length + 20 }, () => openMemoryStorage()));
  const agents = new Map<string, AgentStream>();
  const objects = {
    agent: (id: string) => {
      if (!agents.has(id)) agents.set(id, new AgentStream(spare.pop() ?? failNoStorage(id), host));
      return agents.get(id)!;
    },
  } as unknown as Objects;
  const host: Host = { objects, clock: { now: () => ANCHOR }, ids: { uuid: () => crypto.randomUUID() } };
  const storage = await openMemoryStorage();
  const town = new Town(storage, host);
  await town.seed(seed, 'manual');
  return { town, storage, seed, agents };
}

function failNoStorage(agentId: string): never {
  throw new Error(`no database left for agent ${agentId} (a polecat spawned beyond the seeded agents)`);
}

/** Each violated invariant, named, with the rows that violate it. */
function violations(sql: SqlPort): string[] {
  const out: string[] = [];
  const check = (name: string, query: string) => {
    const rows = all(sql, query);
    if (rows.length) out.push(`${name}: ${JSON.stringify(rows.slice(0, 3))}`);
  };
  check(
    "a hooked agent's bead is in_progress with that assignee",
    `SELECT a.name, a.current_hook_bead_id, b.status, b.assignee_agent_bead_id FROM agents a
     LEFT JOIN beads b ON b.id = a.current_hook_bead_id
     WHERE a.current_hook_bead_id IS NOT NULL AND (b.id IS NULL OR b.status != 'in_progress' OR b.assignee_agent_bead_id IS NOT a.id)`,
  );
  check(
    'dispatch attempts ≤ 5',
    `SELECT 'bead' AS kind, id, dispatch_attempts FROM beads WHERE dispatch_attempts > 5
     UNION ALL SELECT 'agent', id, dispatch_attempts FROM agents WHERE dispatch_attempts > 5
     UNION ALL SELECT 'attempt', id, attempt_number FROM dispatch_attempts WHERE attempt_number > 5`,
  );
  check(
    'convoy counters equal the tracked beads they count',
    `SELECT c.bead_id, c.total_beads, c.closed_beads FROM convoys c
     WHERE c.total_beads != (SELECT count(*) FROM bead_dependencies d WHERE d.bead_id = c.bead_id AND d.dependency_type = 'tracks')
        OR c.closed_beads != (SELECT count(*) FROM bead_dependencies d JOIN beads t ON t.id = d.depends_on_bead_id
                              WHERE d.bead_id = c.bead_id AND d.dependency_type = 'tracks' AND t.status = 'closed')`,
  );
  check(
    'every merge request in the queue has its bead',
    `SELECT r.bead_id FROM reviews r LEFT JOIN beads b ON b.id = r.bead_id WHERE b.id IS NULL`,
  );
  check(
    'no process runs for a dead agent',
    `SELECT a.name, p.process_id, p.status FROM container_processes p JOIN agents a ON a.id = p.agent_id
     WHERE a.status = 'dead' AND p.status IN ('starting', 'running', 'stopping')`,
  );
  check(
    'one live process per agent',
    `SELECT agent_id, count(*) AS n FROM container_processes WHERE status IN ('starting', 'running', 'stopping')
     GROUP BY agent_id HAVING n > 1`,
  );
  return out;
}

function dump(sql: SqlPort): string {
  const tables = all(sql, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`);
  return JSON.stringify(
    tables.map((t) => [
      t.name,
      all(sql, `SELECT * FROM "${String(t.name)}"`)
        .map((r) => JSON.stringify(r))
        .sort(),
    ]),
  );
}

const ticksOf = (sql: SqlPort) => scalar(sql, `SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM town_meta WHERE key = 'patrol_tick'`);

describe('patrol', () => {
  it('keeps its invariants after every tick of a 10,000-tick run over every scenario town', async () => {
    const world = buildWorld({ now: ANCHOR });
    const towns = await Promise.all(world.towns.map(start));
    for (const t of towns) expect(violations(t.storage.sql), `${t.seed.town.name} as seeded`).toEqual([]);
    const perTown = Math.ceil(10_000 / towns.length);
    let total = 0;
    for (const t of towns) {
      let ticks = 0;
      while (ticks < perTown) {
        const ran = (await t.town.advanceClock(TICK_MS)).ticks;
        if (!ran) continue;
        ticks += ran;
        const broken = violations(t.storage.sql);
        if (broken.length) throw new Error(`${t.seed.town.name}, tick ${ticksOf(t.storage.sql)}:\n${broken.join('\n')}`);
      }
      total += ticks;
    }
    expect(total).toBeGreaterThanOrEqual(10_000);
  }, 120_000);

  it("starts each dispatched session with its prompt: a user message naming the bead, in the agent's stream", async () => {
    const world = buildWorld({ now: ANCHOR });
    const towns = await Promise.all(world.towns.map(start));
    const prompts: string[] = [];
    for (const t of towns) {
      for (let i = 0; i < 20; i++) await t.town.advanceClock(TICK_MS);
      const dispatched = all(
        t.storage.sql,
        `SELECT d.agent_id, b.title, b.id AS bead_id FROM dispatch_attempts d JOIN beads b ON b.id = d.bead_id
         WHERE d.outcome = 'success' AND d.created_at > ?`,
        new Date(ANCHOR).toISOString(),
      );
      for (const d of dispatched) {
        const stream = t.agents.get(String(d.agent_id))!;
        const users = stream
          .page({ limit: 1000, type: 'message.created' } as Parameters<AgentStream['page']>[0])
          .items.map((e) => e.summary)
          .filter((s) => s.startsWith('user message'));
        const prompt = `user message: Work the bead on your hook: ${String(d.title)} (${String(d.bead_id).slice(0, 8)}).`;
        expect(users, `${t.seed.town.name}: ${String(d.title)}`).toContain(prompt);
        prompts.push(prompt);
      }
    }
    expect(prompts.length).toBeGreaterThan(0);
  }, 60_000);

  it('gives the same state for the same seed and the same clock steps', async () => {
    const world = buildWorld({ now: ANCHOR });
    const seed = world.towns.find((t) => t.scenario === 'container-instability')!;
    const runs = await Promise.all([start(seed), start(structuredClone(seed))]);
    for (const r of runs) for (let i = 0; i < 300; i++) await r.town.advanceClock(TICK_MS);
    expect(ticksOf(runs[0]!.storage.sql)).toBeGreaterThan(100);
    expect(dump(runs[1]!.storage.sql)).toBe(dump(runs[0]!.storage.sql));
  }, 60_000);
});
