import { z } from 'zod';
import { RowVersion } from './tolerant';
import { Id, JsonRecord, Timestamp } from './common';

export const ProcessStatus = z.enum(['starting', 'running', 'stopping', 'exited', 'failed']);
export type ProcessStatus = z.infer<typeof ProcessStatus>;
export const ContainerStatus = z.enum(['running', 'starting', 'sleeping', 'stopped', 'crashed']);
export type ContainerStatus = z.infer<typeof ContainerStatus>;
export const ContainerHealth = z.enum(['ok', 'degraded', 'down']);
export type ContainerHealth = z.infer<typeof ContainerHealth>;

/** One `kilo serve` process inside the town's container (one per agent session). */
export const ContainerProcess = z.object({
  process_id: z.string(),
  agent_id: Id.nullable(),
  agent_name: z.string().nullable(),
  pid: z.number().int().nullable(),
  command: z.string(),
  status: ProcessStatus,
  started_at: Timestamp,
  exited_at: Timestamp.nullable(),
  exit_code: z.number().int().nullable(),
  memory_mb: z.number().nonnegative().nullable(),
});
export type ContainerProcess = z.infer<typeof ContainerProcess>;

/** An environment variable; secret values are masked by the server as `****` and never sent. */
export const EnvVar = z.object({
  key: z.string().min(1),
  value: z.string(),
  secret: z.boolean(),
});
export type EnvVar = z.infer<typeof EnvVar>;

export const ContainerEventType = z.enum(['start', 'stop', 'restart', 'error', 'oom', 'sleep', 'wake', 'not_found', 'health_check_failed']);
export type ContainerEventType = z.infer<typeof ContainerEventType>;

export const ContainerEvent = z.object({
  id: Id,
  event_type: ContainerEventType,
  exit_code: z.number().int().nullable(),
  reason: z.string().nullable(),
  message: z.string().nullable(),
  metadata: JsonRecord,
  created_at: Timestamp,
});
export type ContainerEvent = z.infer<typeof ContainerEvent>;

export const ResourceSample = z.object({
  at: Timestamp,
  memory_mb: z.number().nonnegative(),
  memory_limit_mb: z.number().positive(),
  /** Null when the platform does not report CPU. */
  cpu_percent: z.number().nonnegative().nullable(),
  active_processes: z.number().int().nonnegative(),
});
export type ResourceSample = z.infer<typeof ResourceSample>;

export const ContainerState = z.object({
  town_id: Id,
  instance_id: z.string().nullable(),
  status: ContainerStatus,
  health: ContainerHealth,
  image: z.string(),
  started_at: Timestamp.nullable(),
  last_restart_at: Timestamp.nullable(),
  /** Since when the container has run with no dispatched agent (null when an agent is dispatched). */
  idle_since: Timestamp.nullable(),
  sleep_after_minutes: z.number().int().min(5).max(120),
  memory_limit_mb: z.number().positive(),
  processes: z.array(ContainerProcess),
  env_vars: z.array(EnvVar),
  /** Lifecycle events, newest first (bounded; the timeline pages the rest). */
  events: z.array(ContainerEvent),
  /** Resource samples, oldest first. */
  resources: z.array(ResourceSample),
  version: RowVersion,
});
export type ContainerState = z.infer<typeof ContainerState>;
