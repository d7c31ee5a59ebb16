import type { SqlPort } from '../ports';
import { first, fromJson } from '../db/sql';
import { containerStep } from './container';
import { credentialsStep } from './credentials';
import { dispatchStep } from './dispatch';
import { guppStep } from './gupp';
import { mayorStep } from './mayor';
import { convoyStep } from './convoys';
import { refineryStep } from './refinery';
import { recoveryStep } from './recovery';
import type { PatrolStep, Tick } from './tick';
import { workStep } from './work';

/**
 * Gastown's alarm loop, one concern per step, in production's order: what a step changes, the next one
 * sees in the same tick. A failure scenario's root cause is a condition of the world the steps keep
 * meeting (a credential without access, a heap larger than the container, a looping Mayor), so its
 * symptoms recur until an intervention removes the condition.
 */
export const STEPS: PatrolStep[] = [
  credentialsStep,
  containerStep,
  dispatchStep,
  workStep,
  guppStep,
  refineryStep,
  convoyStep,
  mayorStep,
  recoveryStep,
];

export function runTick(tick: Tick): void {
  for (const step of STEPS) step.run(tick);
}

/** Production's defaults when a town's config names no interval (seconds). */
const ACTIVE_SECONDS = 60;
const IDLE_SECONDS = 300;

/**
 * When the next tick falls: the config's active interval while work is in flight (an agent working or
 * waiting, a bead in progress, a review queued, the container starting), the idle interval otherwise.
 */
export function nextTickAfter(sql: SqlPort, at: number): number {
  const config = fromJson<{ alarm_intervals?: Record<string, number> }>(
    first(sql, 'SELECT config FROM town_config WHERE id = 1')?.config,
    {},
  );
  const intervals = config.alarm_intervals ?? {};
  const busy = first(
    sql,
    `SELECT 1 AS x WHERE EXISTS (SELECT 1 FROM agents WHERE status IN ('working', 'waiting'))
       OR EXISTS (SELECT 1 FROM beads WHERE status = 'in_progress')
       OR EXISTS (SELECT 1 FROM reviews WHERE review_state IN ('pending', 'running'))
       OR EXISTS (SELECT 1 FROM container_state WHERE status = 'starting')`,
  );
  const seconds = busy ? (intervals.patrol_seconds ?? ACTIVE_SECONDS) : (intervals.patrol_idle_seconds ?? IDLE_SECONDS);
  return at + seconds * 1000;
}
