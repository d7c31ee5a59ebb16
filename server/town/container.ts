import type { SqlPort } from '../ports';
import type { ContainerState, TownConfig } from '../../src/api/schemas';
import { all, first, fromJson, num, numOrNull, str, strOrNull } from '../db/sql';
import { toContainerEvent, toProcess } from './rows';
import { maskedEnvVars } from './secrets';

/** Lifecycle events in the container view; older ones are paged by the timeline. */
const EVENT_CAP = 200;
/** Resource samples in the chart (oldest first); at one per minute that is a day. */
const SAMPLE_CAP = 1440;

export function getContainer(sql: SqlPort, townId: string): ContainerState | null {
  const state = first(sql, 'SELECT * FROM container_state WHERE id = 1');
  if (!state) return null;
  const config = fromJson<Partial<TownConfig>>(first(sql, 'SELECT config FROM town_config WHERE id = 1')?.config ?? null, {});
  return {
    town_id: townId,
    instance_id: strOrNull(state.instance_id),
    status: str(state.status) as ContainerState['status'],
    health: str(state.health) as ContainerState['health'],
    image: str(state.image),
    started_at: strOrNull(state.started_at),
    last_restart_at: strOrNull(state.last_restart_at),
    idle_since: strOrNull(state.idle_since),
    sleep_after_minutes: config.container?.sleep_after_minutes ?? 30,
    memory_limit_mb: num(state.memory_limit_mb),
    processes: all(sql, 'SELECT * FROM container_processes ORDER BY started_at DESC, process_id LIMIT ?', EVENT_CAP).map(toProcess),
    env_vars: maskedEnvVars(sql),
    events: all(sql, 'SELECT * FROM container_events ORDER BY created_at DESC, id DESC LIMIT ?', EVENT_CAP).map(toContainerEvent),
    resources: all(sql, 'SELECT * FROM (SELECT * FROM resource_samples ORDER BY at DESC LIMIT ?) ORDER BY at', SAMPLE_CAP).map((r) => ({
      at: str(r.at),
      memory_mb: num(r.memory_mb),
      memory_limit_mb: num(r.memory_limit_mb),
      cpu_percent: numOrNull(r.cpu_percent),
      active_processes: num(r.active_processes),
    })),
    version: num(state.version),
  };
}
