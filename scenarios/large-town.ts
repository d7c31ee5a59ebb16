import type { BeadStatus } from '../src/api/schemas';
import type { StoredAgent as Agent, StoredBead as Bead } from './types';
import { TownBuilder } from './town-builder';
import { setAgentStatus, setMayorState } from './town/agents';
import { addBead, depend } from './town/beads';
import { addProcess, recordContainerEvent, startContainer } from './town/container';
import { resolveCredentials } from './town/credentials';
import { addSdkStreams } from './town/history';
import { addActiveWork } from './town/work';
import type { TownSeed } from './types';

export const LARGE_TOWN_SEED = 0x5eed_1a7e;
export const LARGE_AGENT_EVENTS = 1_000_000;
/** Polecats the benchmark town's OOM left stalled: a ready-made batch of more than 10 targets. */
export const LARGE_STALLED_POLECATS = 12;

/**
 * The benchmark town: ~10,000 beads in convoys of 5–50 with `blocks` chains inside,
 * `tracks` edges to their convoy and some cross-convoy blockers, and one polecat (Toast)
 * whose SDK stream holds a million events (generated lazily, never stored in a file).
 */
export function buildLargeTown(options: { now: number; ownerId: string; beads?: number; events?: number }): TownSeed {
  const b = new TownBuilder({
    seed: LARGE_TOWN_SEED,
    name: 'bench-monorepo',
    ownerId: options.ownerId,
    now: options.now,
    scenario: 'large',
    org: 'kilo-bench',
    rigs: ['monorepo', 'web', 'api', 'infra'],
    polecats: 20,
    closedBeads: 0,
  });
  const target = options.beads ?? 10_000;
  const statuses: BeadStatus[] = ['closed', 'closed', 'closed', 'closed', 'in_review', 'in_progress', 'open', 'open', 'failed'];
  const convoyHeads: Bead[] = [];
  let made = 0;
  let convoyIndex = 0;
  while (made < target) {
    const size = Math.min(b.rng.int(5, 50), target - made - 1);
    if (size < 1) break;
    const started = 60 * 24 * 20 - convoyIndex * 7;
    const convoy = addBead(b, {
      title: `Convoy ${convoyIndex + 1}: ${b.nextTitle()}`,
      type: 'convoy',
      createdMinutesAgo: started,
      rigId: null,
    });
    made++;
    const members: Bead[] = [];
    let closed = 0;
    for (let i = 0; i < size; i++) {
      const rig = b.seed.rigs[(convoyIndex + i) % b.seed.rigs.length]!;
      const status = b.rng.pick(statuses);
      const bead = addBead(b, { title: b.nextTitle(), createdMinutesAgo: started - i, rigId: rig.id, status });
      if (status === 'closed') closed++;
      if (status === 'in_progress' || status === 'in_review') bead.assignee_agent_bead_id = b.polecats[(made + i) % b.polecats.length]!.id;
      depend(b, convoy, bead, 'tracks');
      // Chains with some fan-in: mostly the previous bead, sometimes one further back.
      if (i > 0) depend(b, bead, members[i - 1]!, 'blocks');
      if (i > 3 && b.rng.chance(0.25)) depend(b, bead, members[i - 3 - b.rng.int(0, Math.min(5, i - 4))]!, 'blocks');
      members.push(bead);
      made++;
    }
    if (convoyHeads.length > 2 && b.rng.chance(0.3)) depend(b, members[0]!, b.rng.pick(convoyHeads), 'blocks');
    convoyHeads.push(members[members.length - 1]!);
    b.seed.convoys.push({
      bead_id: convoy.id,
      total_beads: size,
      closed_beads: closed,
      landed_at: closed === size ? b.ago(started - size - 30) : null,
      feature_branch: `convoy/bench-${convoyIndex + 1}`,
      target_branch: 'main',
      staged: false,
      merge_mode: 'review-then-land',
      landing_mr_bead_id: null,
    });
    convoyIndex++;
  }
  const toast = b.polecats[0]!;
  addActiveWork(b, toast, 25);
  setMayorState(b);
  startContainer(b);
  stallAfterOom(b, b.polecats.slice(1, 1 + LARGE_STALLED_POLECATS));
  resolveCredentials(b);
  addSdkStreams(b, { [toast.id]: options.events ?? LARGE_AGENT_EVENTS });
  return b.build();
}

/**
 * The benchmark town's bad night: an OOM 2 h 50 min ago killed these polecats' `kilo serve` sessions
 * mid-bead (exit 137) and nothing resumed them after the container restarted; with no activity for
 * 2 h the GUPP patrol force-stopped each one (DOMAIN: stalled at 2 h). "Reset every stalled agent"
 * then has more than 10 targets, as a town where all polecats stalled would.
 */
function stallAfterOom(b: TownBuilder, agents: Agent[]) {
  const oom = 2 * 60 + 50;
  recordContainerEvent(b, 'oom', oom, {
    exitCode: 137,
    reason: 'OOMKilled',
    message: `memory limit 4096 MiB exceeded with ${agents.length + 3} concurrent kilo serve processes`,
    metadata: { memory_mb: 4096, processes: agents.length + 3 },
  });
  recordContainerEvent(b, 'stop', oom - 0.2, { exitCode: 137, reason: 'OOMKilled' });
  recordContainerEvent(b, 'start', oom - 1, { message: 'container restarted by platform', metadata: { cold_start_ms: 41_000 } });
  for (const agent of agents) {
    addActiveWork(b, agent, oom + b.rng.int(20, 90));
    addProcess(b, agent, oom + 100, 'exited', { code: 137, minutesAgo: oom });
    agent.last_activity_at = b.ago(oom + 1);
    agent.active_tools = [];
    setAgentStatus(b, agent, 'stalled', oom - 121, 'no activity for 2 h: force-stopped by the GUPP patrol');
  }
}
