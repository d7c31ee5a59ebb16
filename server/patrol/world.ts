import type { BeadEvent, ContainerEvent, ContainerProcess, GitOperation } from '../../src/api/schemas';
import type { StoredAgent as Agent, StoredBead as Bead } from '../../scenarios/types';
import type { TownSeed } from '../../scenarios/types';
import { all, first, insert, str } from '../db/sql';
import { toAgent, toBead, toProcess } from '../town/rows';
import { PRIORITY_RANK, STATUS_RANK } from '../town/schema';
import type { Tick } from './tick';

/**
 * What the patrol's steps share: reads in the contract's shapes and the writes a tick makes, each
 * stamped with the tick's instant and ids (never the wall clock). Writes go through the same tables the
 * intervention engine writes, so a step sees an intervention's change and an intervention sees a step's.
 */

export const MINUTE = 60_000;
/** A process still holding its session (what a restart or an OOM kills). */
export const LIVE = `('starting', 'running', 'stopping')`;

export function config(tick: Tick): TownSeed['config'] {
  return tick.town.config();
}

export function agentsWhere(tick: Tick, where: string, ...bindings: unknown[]): Agent[] {
  return all(tick.sql, `SELECT * FROM agents WHERE ${where} ORDER BY created_at, id`, ...bindings).map(toAgent);
}

export function beadById(tick: Tick, id: string): Bead | null {
  const row = first(tick.sql, 'SELECT * FROM beads WHERE id = ?', id);
  return row ? toBead(row) : null;
}

export function liveProcess(tick: Tick, agentId: string): ContainerProcess | null {
  const row = first(
    tick.sql,
    `SELECT * FROM container_processes WHERE agent_id = ? AND status IN ${LIVE} ORDER BY rowid DESC LIMIT 1`,
    agentId,
  );
  return row ? toProcess(row) : null;
}

export function minutesSince(tick: Tick, iso: string | null): number {
  return iso ? (tick.at - Date.parse(iso)) / MINUTE : Number.POSITIVE_INFINITY;
}

export function beadEvent(
  tick: Tick,
  beadId: string,
  type: BeadEvent['event_type'],
  fields: { agentId?: string | null; old?: string | null; value?: string | null; metadata?: Record<string, unknown> } = {},
): void {
  tick.town.addBeadEvent({
    id: tick.ids.uuid(),
    bead_id: beadId,
    agent_id: fields.agentId ?? null,
    event_type: type,
    old_value: fields.old ?? null,
    new_value: fields.value ?? null,
    metadata: { by: 'patrol', ...fields.metadata },
    created_at: tick.iso,
  });
}

export function containerEvent(
  tick: Tick,
  type: ContainerEvent['event_type'],
  fields: { exitCode?: number | null; reason?: string | null; message?: string | null; metadata?: Record<string, unknown> } = {},
): void {
  tick.town.addContainerEvent({
    id: tick.ids.uuid(),
    event_type: type,
    exit_code: fields.exitCode ?? null,
    reason: fields.reason ?? null,
    message: fields.message ?? null,
    metadata: fields.metadata ?? {},
    created_at: tick.iso,
  });
}

/** A bead's status change and its event (with the denormalized rank the lists sort by). */
export function setBeadStatus(
  tick: Tick,
  bead: Bead,
  status: Bead['status'],
  patch: Partial<Bead> = {},
  agentId: string | null = null,
): void {
  const final = status === 'closed' || status === 'failed';
  tick.town.updateBead(bead.id, {
    status,
    updated_at: tick.iso,
    closed_at: final ? tick.iso : null,
    version: bead.version + 1,
    ...patch,
  });
  if (status !== bead.status) beadEvent(tick, bead.id, 'status_changed', { agentId, old: bead.status, value: status });
  if (status === 'closed') beadEvent(tick, bead.id, 'closed', { agentId });
}

export function setAgentStatus(tick: Tick, agent: Agent, status: Agent['status'], reason: string, patch: Partial<Agent> = {}): void {
  tick.town.updateAgent(agent.id, {
    status,
    status_since: status === agent.status ? agent.status_since : tick.iso,
    agent_status_message: reason,
    version: agent.version + 1,
    ...patch,
  });
  if (status !== agent.status) tick.town.addStatusChange(agent.id, status, tick.iso, reason);
}

/** A fresh `kilo serve` session for the agent in the container (any older one is ended first). */
export function startProcess(tick: Tick, agent: Agent): string {
  const old = liveProcess(tick, agent.id);
  if (old) tick.town.updateProcess(old.process_id, { status: 'exited', exited_at: tick.iso, exit_code: 143, memory_mb: null });
  const processId = `proc_${tick.ids.uuid().replace(/-/g, '').slice(0, 10)}`;
  tick.town.addProcess({
    process_id: processId,
    agent_id: agent.id,
    agent_name: agent.name,
    pid: null,
    command: `kilo serve --session ${agent.identity}`,
    status: 'starting',
    started_at: tick.iso,
    exited_at: null,
    exit_code: null,
    memory_mb: null,
  });
  return processId;
}

export function endProcess(tick: Tick, process: ContainerProcess, exitCode: number, status: 'exited' | 'failed' = 'exited'): void {
  tick.town.updateProcess(process.process_id, { status, exited_at: tick.iso, exit_code: exitCode, memory_mb: null });
}

export function gitOperation(
  tick: Tick,
  op: Pick<GitOperation, 'operation' | 'command' | 'rig_id' | 'agent_id' | 'bead_id'> & { stderr?: string | null; exitCode?: number },
): boolean {
  const failed = op.stderr !== undefined && op.stderr !== null;
  insert(tick.sql, 'git_operations', {
    id: tick.ids.uuid(),
    rig_id: op.rig_id,
    agent_id: op.agent_id,
    bead_id: op.bead_id,
    operation: op.operation,
    command: op.command,
    outcome: failed ? 'failure' : 'success',
    exit_code: failed ? (op.exitCode ?? 1) : 0,
    stderr_excerpt: failed ? op.stderr!.slice(0, 2000) : null,
    duration_ms: tick.rng.int(400, failed ? 3000 : 9000),
    created_at: tick.iso,
  });
  return !failed;
}

/** Token usage at the model's list price (micro-dollars: $3 per million input tokens, $15 per million output). */
export function recordUsage(tick: Tick, agentId: string, beadId: string | null, input: number, output: number): void {
  insert(tick.sql, 'usage_samples', {
    agent_id: agentId,
    bead_id: beadId,
    at: tick.iso,
    input_tokens: input,
    output_tokens: output,
    cost_microdollars: input * 3 + output * 15,
  });
}

export interface SdkEvent {
  type: string;
  properties: Record<string, unknown>;
}

/**
 * SDK events reach the agent's AgentDO through the outbox (delivered after the tick commits); the
 * town's counters follow here, in the same transaction, so town views need not wake the AgentDO.
 */
export function sendSdkEvents(tick: Tick, agentId: string, events: SdkEvent[]): void {
  if (!events.length) return;
  tick.send({ kind: 'agent', name: agentId, method: 'appendOnce' }, [agentId, events.map((e) => ({ ...e, at: tick.iso }))]);
  tick.sql.exec(
    'UPDATE agents SET sdk_event_count = sdk_event_count + ?, last_sdk_event_at = ?, last_activity_at = ? WHERE id = ?',
    events.length,
    tick.iso,
    tick.iso,
    agentId,
  );
}

/** A new bead written by the patrol (a merge request), with the columns list views index. */
export function addBead(tick: Tick, bead: Omit<Bead, 'id' | 'version' | 'created_at' | 'updated_at' | 'closed_at'>): Bead {
  const row: Bead = { ...bead, id: tick.ids.uuid(), version: 1, created_at: tick.iso, updated_at: tick.iso, closed_at: null };
  insert(tick.sql, 'beads', { ...row, status_rank: STATUS_RANK[row.status], priority_rank: PRIORITY_RANK[row.priority] });
  for (const label of new Set(row.labels)) insert(tick.sql, 'bead_labels', { bead_id: row.id, label });
  beadEvent(tick, row.id, 'created', { value: row.status });
  return row;
}

export const rigName = (tick: Tick, rigId: string | null): string =>
  rigId ? str(first(tick.sql, 'SELECT name FROM rigs WHERE id = ?', rigId)?.name ?? 'rig') : 'rig';
