import { fromJson } from '../db/sql';
import { readMeta, writeMeta } from '../town/meta';
import type { Tick } from './tick';
import { containerEvent } from './world';

export type StartCause = 'admin' | 'platform' | 'wake';

/** Production's cold-start grace: an instance that has not answered its health checks by then is "not found". */
export const COLD_START_GRACE_MS = 3 * 60_000;
/** The start under way: who asked for it, when, and what its environment does to the boot (town_meta). */
const BOOT = 'container_boot';

interface Boot {
  started_at: string | null;
  cause: StartCause;
  /**
   * The container's last log line when its environment keeps `kilo serve` from listening, null for a
   * clean boot; absent until the first tick of the start has read the environment.
   */
  stuck_log?: string | null;
}

/**
 * Why a cold start with this environment never answers its health checks, as its log shows it: node
 * told to wait for a debugger before running (`--inspect-brk`, `--inspect-wait` in NODE_OPTIONS) never
 * reaches `kilo serve`'s listen, so GET /health is refused until the grace runs out. A wrong container
 * config, not a fault of the platform: every start with it misses the grace until the env is fixed.
 */
export function stuckBootLog(tick: Tick): string | null {
  const options = tick.town.env().find((v) => v.key === 'NODE_OPTIONS')?.value ?? '';
  const flag = /--inspect-(?:brk|wait)(?:=(?:([\w.-]+):)?(\d+))?/.exec(options);
  if (!flag) return null;
  const [option, host = '127.0.0.1', port = '9229'] = flag;
  return `Debugger listening on ws://${host}:${port}/${tick.ids.uuid()} — waiting for the debugger to attach (${option} in NODE_OPTIONS)`;
}

/** Records who asks for the next start (the patrol's own starts; an admin's restart writes none, so it reads `admin`). */
export function recordStartCause(tick: Tick, cause: StartCause): void {
  writeMeta(tick.sql, BOOT, JSON.stringify({ started_at: tick.iso, cause } satisfies Boot));
}

/**
 * The start the container is in, read once per start: its environment is the one at the first tick
 * that sees it starting (a later env change waits for the next start, as in a real container).
 */
export function currentBoot(tick: Tick): Boot & { stuck_log: string | null } {
  const startedAt = tick.town.container().started_at;
  const kept = fromJson<Partial<Boot>>(readMeta(tick.sql, BOOT), {});
  const same = kept.started_at === startedAt;
  if (same && kept.stuck_log !== undefined) return { ...(kept as Boot), stuck_log: kept.stuck_log };
  const boot = { started_at: startedAt, cause: same && kept.cause ? kept.cause : 'admin', stuck_log: stuckBootLog(tick) };
  writeMeta(tick.sql, BOOT, JSON.stringify(boot));
  return boot;
}

export function endBoot(tick: Tick): void {
  tick.sql.exec('DELETE FROM town_meta WHERE key = ?', BOOT);
}

/**
 * A start whose boot never listens: health checks are refused through the grace, then the platform
 * reports the instance not found and starts it again (a platform restart, counted as instability).
 */
export function missGrace(tick: Tick, boot: Boot, restart: () => void): void {
  const waited = tick.at - (Date.parse(boot.started_at ?? '') || tick.at);
  if (waited < COLD_START_GRACE_MS) {
    containerEvent(tick, 'health_check_failed', {
      message: `GET /health refused ${Math.round(waited / 1000)} s into the cold start: nothing listens on :8080`,
      metadata: { waited_ms: waited },
    });
    tick.town.updateContainer({ health: 'degraded' });
    return;
  }
  containerEvent(tick, 'not_found', {
    reason: 'cold start missed the grace',
    message: `container instance not found: no answer to health checks within the 3-min cold-start grace (last log: ${boot.stuck_log})`,
    metadata: { waited_ms: waited, grace_ms: COLD_START_GRACE_MS, last_log: boot.stuck_log, by: boot.cause },
  });
  containerEvent(tick, 'restart', { reason: 'restarted by platform after not_found' });
  tick.town.updateContainer({ health: 'down' });
  restart();
}
