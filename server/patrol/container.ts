import { all, scalar, str } from '../db/sql';
import { readMeta, writeMeta } from '../town/meta';
import { toProcess } from '../town/rows';
import { currentBoot, endBoot, missGrace, recordStartCause, type StartCause } from './cold-start';
import type { PatrolStep, Tick } from './tick';
import { containerEvent, endProcess, LIVE, minutesSince } from './world';

/** Node's default old-space limit when NODE_OPTIONS names none (MiB). */
const DEFAULT_HEAP_MB = 2048;
/** A container that has answered health checks this long since its start reads healthy again. */
const HEALTHY_AFTER_MINUTES = 10;
/** Health checks fail once the processes hold this share of the memory limit. */
const PRESSURE = 0.9;

const HEAP = 'container_heap_mb';

/** The heap NODE_OPTIONS asks for (`--max-old-space-size=N`), as the container's processes see it at start. */
export function heapFromEnv(tick: Tick): number {
  const value = tick.town.env().find((v) => v.key === 'NODE_OPTIONS')?.value ?? '';
  const match = /--max-old-space-size=(\d+)/.exec(value);
  return match ? Number(match[1]) : DEFAULT_HEAP_MB;
}

/** Starts the container again (after an OOM, or to wake it for a dispatch); the next tick finds it running. */
export function startContainer(tick: Tick, cause: StartCause): void {
  const c = tick.town.container();
  tick.town.updateContainer({ status: 'starting', started_at: tick.iso, version: c.version + 1 });
  recordStartCause(tick, cause);
}

/**
 * The container: a cold start answers its health checks by the next tick and runs (its processes with
 * it), unless its environment keeps it from listening: then it misses the 3-min grace, is reported not
 * found and restarted by the platform, start after start, until the env is fixed. The environment it started with (NODE_OPTIONS' heap) decides how its processes use memory. While
 * a heap larger than the container is allowed, working sessions grow until their sum passes the limit
 * and the container is OOM-killed, then restarted by the platform: the condition recurs until the env
 * is fixed and the container restarted. An idle container sleeps after `sleep_after_minutes`.
 */
export const containerStep: PatrolStep = {
  name: 'container',
  run(tick) {
    const c = tick.town.container();
    if (c.status === 'starting') {
      const boot = currentBoot(tick);
      if (boot.stuck_log !== null) return missGrace(tick, boot, () => startContainer(tick, 'platform'));
      const cause = boot.cause;
      const coldStartMs = tick.rng.int(18_000, 52_000);
      writeMeta(tick.sql, HEAP, heapFromEnv(tick));
      endBoot(tick);
      containerEvent(tick, 'start', {
        reason: cause === 'admin' ? 'restarted by admin' : cause === 'wake' ? 'woken for dispatch' : 'restarted by platform',
        message: `cold start answered health checks after ${Math.round(coldStartMs / 1000)} s`,
        metadata: { cold_start_ms: coldStartMs, by: cause },
      });
      tick.town.updateContainer({ status: 'running', idle_since: null, version: c.version + 1 });
    }
    if (tick.town.container().status !== 'running') return;
    runProcesses(tick);
    if (checkMemory(tick)) return;
    idleAndSleep(tick);
  },
};

function runProcesses(tick: Tick): void {
  for (const row of all(tick.sql, `SELECT * FROM container_processes WHERE status = 'starting' ORDER BY rowid`)) {
    tick.town.updateProcess(str(row.process_id), { status: 'running', pid: tick.rng.int(200, 32_000), memory_mb: tick.rng.int(180, 260) });
  }
}

/** Memory per session: bounded by GC under a sane heap, growing while working when the heap exceeds the container. */
function checkMemory(tick: Tick): boolean {
  const c = tick.town.container();
  const heap = Number(readMeta(tick.sql, HEAP) ?? heapFromEnv(tick));
  const leaks = heap > c.memory_limit_mb;
  const working = new Set(all(tick.sql, `SELECT id FROM agents WHERE status IN ('working', 'waiting')`).map((r) => str(r.id)));
  const processes = all(tick.sql, `SELECT * FROM container_processes WHERE status = 'running' ORDER BY rowid`).map(toProcess);
  let total = 0;
  for (const p of processes) {
    const busy = p.agent_id !== null && working.has(p.agent_id);
    const now = p.memory_mb ?? 200;
    const target = busy ? 300 : 220;
    const next = leaks && busy ? now + tick.rng.int(110, 190) : Math.round(now + (target - now) * 0.5 + tick.rng.int(-15, 15));
    tick.town.updateProcess(p.process_id, { memory_mb: next });
    total += next;
  }
  tick.sql.exec(
    'INSERT OR REPLACE INTO resource_samples (at, memory_mb, memory_limit_mb, cpu_percent, active_processes) VALUES (?, ?, ?, ?, ?)',
    tick.iso,
    total,
    c.memory_limit_mb,
    Math.min(100, 8 + working.size * 11 + tick.rng.int(0, 9)),
    processes.length,
  );
  if (total > c.memory_limit_mb) {
    containerEvent(tick, 'oom', {
      exitCode: 137,
      reason: 'OOMKilled',
      message: `memory limit ${c.memory_limit_mb} MiB exceeded with ${processes.length} concurrent kilo serve processes`,
      metadata: { memory_mb: total, processes: processes.length, heap_mb: heap },
    });
    for (const p of all(tick.sql, `SELECT * FROM container_processes WHERE status IN ${LIVE}`).map(toProcess)) endProcess(tick, p, 137);
    containerEvent(tick, 'stop', { exitCode: 137, reason: 'OOMKilled' });
    tick.town.updateContainer({ health: 'degraded' });
    startContainer(tick, 'platform');
    return true;
  }
  if (total > c.memory_limit_mb * PRESSURE) {
    containerEvent(tick, 'health_check_failed', {
      message: `GET /health timed out after 10 s (memory ${total} of ${c.memory_limit_mb} MiB)`,
    });
    tick.town.updateContainer({ health: 'degraded' });
  } else if (c.health !== 'ok' && minutesSince(tick, c.started_at) >= HEALTHY_AFTER_MINUTES) {
    tick.town.updateContainer({ health: 'ok' });
  }
  return false;
}

/** Idle = no agent at work or waiting; after `sleep_after_minutes` of it the container sleeps (its sessions end). */
function idleAndSleep(tick: Tick): void {
  const c = tick.town.container();
  const busy = scalar(tick.sql, `SELECT count(*) FROM agents WHERE status IN ('working', 'waiting')`) > 0;
  if (busy) {
    if (c.idle_since) tick.town.updateContainer({ idle_since: null });
    return;
  }
  if (!c.idle_since) {
    tick.town.updateContainer({ idle_since: tick.iso });
    return;
  }
  const after = tick.town.config().container.sleep_after_minutes;
  if (minutesSince(tick, c.idle_since) < after) return;
  const live = all(tick.sql, `SELECT * FROM container_processes WHERE status IN ${LIVE}`).map(toProcess);
  for (const p of live) endProcess(tick, p, 0);
  containerEvent(tick, 'sleep', { reason: `idle ${after} min`, metadata: { processes: live.length } });
  tick.town.updateContainer({ status: 'sleeping', version: c.version + 1 });
}

/** Whether the container can take a dispatch now; wakes a sleeping or stopped one (it runs by the next tick). */
export function containerReady(tick: Tick): boolean {
  const c = tick.town.container();
  if (c.status === 'running') return true;
  if (c.status === 'sleeping' || c.status === 'stopped') {
    containerEvent(tick, 'wake', { reason: 'dispatch' });
    startContainer(tick, 'wake');
  }
  return false;
}
