import type { Agent, ContainerEventType } from '../../src/api/schemas';
import type { TownBuilder } from '../town-builder';
import type { TownSeed } from '../types';
import { statusAt } from './agents';

/**
 * The town's one container: its state, a `kilo serve` process per agent session, its lifecycle
 * events, and the resource samples. Sleep and wake and the samples are derived from everything else
 * the town did, so `TownBuilder.build()` runs them last.
 */

const HOUR = 60;
const DAY = 24 * HOUR;
const MINUTE_MS = 60_000;

/** The container as the town is created: up for two days, healthy. `build()` moves its start to the last wake. */
export function initialContainer(b: Pick<TownBuilder, 'rng' | 'ago'>): TownSeed['container'] {
  return {
    instance_id: `ctr-${b.rng.hex(12)}`,
    status: 'running',
    health: 'ok',
    image: 'registry.cloudflare.com/kilo/gastown-container:2026.11.18',
    started_at: b.ago(2 * DAY + 190),
    last_restart_at: b.ago(2 * DAY + 190),
    idle_since: null,
    memory_limit_mb: 4096,
    version: 1,
  };
}

export function recordContainerEvent(
  b: TownBuilder,
  type: ContainerEventType,
  minutesAgoAt: number,
  opts: { exitCode?: number; reason?: string; message?: string; metadata?: Record<string, unknown> } = {},
) {
  b.seed.container_events.push({
    id: b.rng.uuid(),
    event_type: type,
    exit_code: opts.exitCode ?? null,
    reason: opts.reason ?? null,
    message: opts.message ?? null,
    metadata: opts.metadata ?? {},
    created_at: b.ago(minutesAgoAt),
  });
}

/** The agent's `kilo serve` session in the container (one process per agent); returns the process id. */
export function addProcess(
  b: TownBuilder,
  agent: Agent,
  startedMinutesAgo: number,
  status: 'running' | 'exited' | 'failed' = 'running',
  exit?: { code: number; minutesAgo: number },
) {
  const processId = `proc_${b.rng.hex(10)}`;
  agent.container_process_id = processId;
  b.seed.processes.push({
    process_id: processId,
    agent_id: agent.id,
    agent_name: agent.name,
    pid: b.rng.int(200, 9000),
    command: `kilo serve --session ${agent.identity}`,
    status,
    started_at: b.ago(startedMinutesAgo),
    exited_at: exit ? b.ago(exit.minutesAgo) : null,
    exit_code: exit ? exit.code : null,
    memory_mb: status === 'running' ? b.rng.int(240, 520) : null,
  });
  return processId;
}

/** The container's first start and a process for the Mayor, the refinery and every working polecat. */
export function startContainer(b: TownBuilder) {
  const started = b.minutesSince(b.seed.container.started_at!);
  recordContainerEvent(b, 'start', started, { message: 'container started (cold start 41 s)', metadata: { cold_start_ms: 41_200 } });
  for (const agent of b.seed.agents) {
    const running = agent.role !== 'polecat' || agent.status === 'working';
    if (!running) continue;
    addProcess(b, agent, agent.role === 'polecat' ? b.minutesSince(agent.status_since) : started - 1);
  }
}

/** Intervals (epoch ms) during which something ran in the container: agents at work, reviews, dispatches, git, tokens. */
function activity(b: TownBuilder): [number, number][] {
  const now = b.now;
  const spans: [number, number][] = [];
  const t = (iso: string) => Date.parse(iso);
  const byAgent = new Map<string, TownSeed['agent_status_history']>();
  for (const h of b.seed.agent_status_history) byAgent.set(h.agent_id, [...(byAgent.get(h.agent_id) ?? []), h]);
  for (const history of byAgent.values()) {
    const sorted = [...history].sort((x, y) => x.at.localeCompare(y.at));
    sorted.forEach((h, i) => {
      if (h.status === 'working' || h.status === 'waiting') spans.push([t(h.at), sorted[i + 1] ? t(sorted[i + 1]!.at) : now]);
    });
  }
  for (const a of b.seed.assignments) spans.push([t(a.started_at), a.ended_at ? t(a.ended_at) : now]);
  for (const r of b.seed.reviews) if (r.started_at) spans.push([t(r.started_at), r.completed_at ? t(r.completed_at) : now]);
  // A usage row meters the 10-minute tick that ends at it.
  for (const u of b.seed.usage) spans.push([t(u.at) - 10 * MINUTE_MS, t(u.at)]);
  const points = [
    ...b.seed.dispatch_attempts.map((d) => d.created_at),
    ...b.seed.git_operations.map((g) => g.created_at),
    ...b.seed.bead_events.map((e) => e.created_at),
    ...b.seed.container_events.filter((e) => e.event_type !== 'sleep' && e.event_type !== 'wake').map((e) => e.created_at),
  ];
  for (const p of points) spans.push([t(p), t(p)]);
  return spans.map(([from, to]) => [from - MINUTE_MS, to + MINUTE_MS] as [number, number]).sort((x, y) => x[0] - y[0]);
}

/**
 * The container sleeps after `sleep_after_minutes` with nothing to do and wakes for the next piece
 * of work, so its sleep/wake history is derived from the town's activity (never the reverse).
 * Uptime and every process count from its last start or wake.
 */
export function sleepWhenIdle(b: TownBuilder) {
  const c = b.seed.container;
  const starts = b.seed.container_events.filter((e) => e.event_type === 'start').map((e) => Date.parse(e.created_at));
  if (starts.length === 0) return;
  const sleepAfter = b.seed.config.container.sleep_after_minutes * MINUTE_MS;
  let awakeSince = Math.min(...starts);
  for (const [from, to] of activity(b)) {
    if (to <= awakeSince) continue;
    // It sleeps only in gaps half an hour longer than the delay, so every sleep lasts at least half an hour.
    if (from - awakeSince >= sleepAfter + 30 * MINUTE_MS) {
      recordContainerEvent(b, 'sleep', (b.now - awakeSince - sleepAfter) / MINUTE_MS, {
        reason: `idle for ${b.seed.config.container.sleep_after_minutes} min`,
      });
      recordContainerEvent(b, 'wake', (b.now - from) / MINUTE_MS, { reason: 'dispatch' });
    }
    awakeSince = Math.max(awakeSince, from, to);
  }
  const lastStart = Math.max(
    ...b.seed.container_events
      .filter((e) => e.event_type === 'start' || e.event_type === 'restart' || e.event_type === 'wake')
      .map((e) => Date.parse(e.created_at)),
  );
  if (c.status === 'running') {
    c.started_at = new Date(lastStart).toISOString();
    c.last_restart_at = c.started_at;
  }
  // Sessions come back a few seconds after the container (Mayor and refinery first).
  for (const p of b.seed.processes) {
    if (Date.parse(p.started_at) >= lastStart) continue;
    const agent = b.seed.agents.find((a) => a.id === p.agent_id);
    p.started_at = new Date(lastStart + (agent?.role === 'polecat' ? 50_000 + b.rng.int(0, 40) * 1000 : 20_000)).toISOString();
  }
}

/** Whether the container ran at an instant, from its lifecycle events. */
function awakeAt(b: TownBuilder, at: number): boolean {
  let awake = false;
  for (const e of [...b.seed.container_events].sort((x, y) => x.created_at.localeCompare(y.created_at))) {
    if (Date.parse(e.created_at) > at) break;
    if (e.event_type === 'start' || e.event_type === 'restart' || e.event_type === 'wake') awake = true;
    if (e.event_type === 'sleep' || e.event_type === 'stop') awake = false;
  }
  return awake;
}

/**
 * Memory and process samples every 10 min over the last day, from what ran: the Mayor's and the
 * refinery's sessions while the container was up, and each polecat's while it worked. Memory climbs
 * to the limit in the 50 min before an OOM kill.
 */
export function sampleResources(b: TownBuilder) {
  const processOf = new Map(b.seed.processes.map((p) => [p.agent_id, p]));
  const ooms = b.seed.container_events.filter((e) => e.event_type === 'oom').map((e) => Date.parse(e.created_at));
  b.seed.resource_samples = [];
  for (let m = 24 * HOUR; m >= 0; m -= 10) {
    const at = b.now - m * MINUTE_MS;
    if (!awakeAt(b, at)) {
      b.seed.resource_samples.push({
        at: b.ago(m),
        memory_mb: 0,
        memory_limit_mb: b.seed.container.memory_limit_mb,
        cpu_percent: 0,
        active_processes: 0,
      });
      continue;
    }
    const active = b.seed.agents.filter((a) => {
      const p = processOf.get(a.id);
      if (p?.exited_at && Date.parse(p.exited_at) <= at) return false;
      if (a.role !== 'polecat') return true;
      const status = statusAt(b, a, m);
      return status === 'working' || status === 'waiting';
    }).length;
    const nearOom = ooms.some((o) => o > at && o - at < 50 * MINUTE_MS);
    const memory = Math.round(420 + active * 310 + b.rng.int(-60, 60));
    b.seed.resource_samples.push({
      at: b.ago(m),
      memory_mb: nearOom ? 3700 + (memory % 390) : memory,
      memory_limit_mb: b.seed.container.memory_limit_mb,
      cpu_percent: nearOom ? 91 : Math.round((8 + active * 9 + b.rng.next() * 10) * 10) / 10,
      active_processes: active,
    });
  }
}
