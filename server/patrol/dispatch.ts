import { DISPATCH_CAP } from '../../src/api/schemas';
import type { StoredAgent as Agent, StoredBead as Bead } from '../../scenarios/types';
import { all, first, num, scalar, str } from '../db/sql';
import { identityFor, POLECAT_NAMES } from '../../scenarios/names';
import { recordDispatchAttempt } from '../town/ingest';
import { toBead } from '../town/rows';
import { condition } from './conditions';
import { containerReady } from './container';
import type { PatrolStep, Tick } from './tick';
import {
  agentsWhere,
  beadById,
  beadEvent,
  gitOperation,
  liveProcess,
  MINUTE,
  minutesSince,
  setAgentStatus,
  sendSdkEvents,
  setBeadStatus,
  startProcess,
} from './world';

/** Production's backoff before the 2nd, 3rd, 4th and 5th attempt (minutes). */
export const BACKOFF_MINUTES = [2, 2, 5, 10, 30];
/** The town-wide breaker: dispatch pauses while this many beads failed a dispatch in the last 30 min. */
const BREAKER_BEADS = 20;

/**
 * Dispatch: polecats hooked to a bead but without a session get one (a dispatch attempt with the
 * container's response; failures back off 2, 2, 5, 10, 30 min and the fifth fails the bead and unhooks
 * the agent), then idle polecats take open, unblocked beads by priority, within `max_polecats_per_rig`
 * (spawning from the name pool when a rig has room but no idle polecat). A sleeping container is woken
 * and the dispatch waits for the next tick. The breaker pauses it all while ≥ 20 beads fail in 30 min.
 */
export const dispatchStep: PatrolStep = {
  name: 'dispatch',
  run(tick) {
    const failing = scalar(
      tick.sql,
      `SELECT count(DISTINCT bead_id) FROM dispatch_attempts WHERE outcome = 'failed' AND created_at >= ?`,
      tick.ago(30 * MINUTE),
    );
    if (failing >= BREAKER_BEADS) return;
    const waiting = agentsWhere(tick, `role = 'polecat' AND status = 'working' AND current_hook_bead_id IS NOT NULL`).filter(
      (a) => !liveProcess(tick, a.id),
    );
    // Only look for open beads while some rig has room for another polecat at work.
    const open = hasRoom(tick) ? openBeads(tick) : [];
    if (!waiting.length && !open.length) return;
    if (!containerReady(tick)) return;
    for (const agent of waiting) dispatch(tick, agent);
    for (const bead of open) {
      const agent = freePolecat(tick, bead.rig_id);
      if (!agent) continue;
      hook(tick, agent, bead);
      dispatch(tick, tick.town.agent(agent.id)!);
    }
  },
};

/** Open work beads no unfinished bead blocks, most urgent first (bounded: a tick hooks a few at most). */
function openBeads(tick: Tick): Bead[] {
  return all(
    tick.sql,
    `SELECT b.* FROM beads b
     WHERE b.status = 'open' AND b.type IN ('issue', 'molecule') AND b.assignee_agent_bead_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM bead_dependencies d JOIN beads t ON t.id = d.depends_on_bead_id
                       WHERE d.bead_id = b.id AND d.dependency_type = 'blocks' AND t.status != 'closed')
     ORDER BY b.priority_rank DESC, b.created_at, b.id LIMIT 20`,
  ).map(toBead);
}

function hasRoom(tick: Tick): boolean {
  const busy = new Map<string | null, number>();
  for (const a of agentsWhere(tick, `role = 'polecat' AND (current_hook_bead_id IS NOT NULL OR status = 'working')`))
    busy.set(a.rig_id, (busy.get(a.rig_id) ?? 0) + 1);
  return all(tick.sql, 'SELECT id FROM rigs').some((r) => (busy.get(str(r.id)) ?? 0) < rigCapacity(tick, str(r.id)));
}

function rigCapacity(tick: Tick, rigId: string | null): number {
  const override = rigId ? first(tick.sql, 'SELECT max_polecats FROM rig_configs WHERE rig_id = ?', rigId)?.max_polecats : null;
  return override === null || override === undefined ? tick.town.config().max_polecats_per_rig : num(override);
}

/** An idle polecat of the bead's rig, or a new one from the pool while the rig is under its limit. */
function freePolecat(tick: Tick, rigId: string | null): Agent | null {
  const polecats = agentsWhere(tick, `role = 'polecat' AND rig_id IS ?`, rigId);
  const busy = polecats.filter((a) => a.current_hook_bead_id !== null || a.status === 'working').length;
  if (busy >= rigCapacity(tick, rigId)) return null;
  const idle = polecats.find((a) => a.status === 'idle' && a.current_hook_bead_id === null);
  if (idle) return idle;
  if (polecats.filter((a) => a.status !== 'dead').length >= rigCapacity(tick, rigId)) return null;
  return spawn(tick, rigId);
}

function spawn(tick: Tick, rigId: string | null): Agent {
  const used = new Set(all(tick.sql, 'SELECT name FROM agents').map((r) => str(r.name)));
  let name: string | undefined = POLECAT_NAMES.find((n) => !used.has(n));
  for (let n = 1; !name; n++) if (!used.has(`Polecat-${n}`)) name = `Polecat-${n}`;
  const agent: Agent = {
    id: tick.ids.uuid(),
    rig_id: rigId,
    role: 'polecat',
    name,
    identity: identityFor(name, 'polecat', rigId, tick.townId),
    status: 'idle',
    status_since: tick.iso,
    current_hook_bead_id: null,
    dispatch_attempts: 0,
    last_activity_at: null,
    checkpoint: null,
    agent_status_message: 'spawned by the patrol',
    active_tools: [],
    stalled_at: null,
    container_process_id: null,
    created_at: tick.iso,
    version: 1,
  };
  tick.sql.exec(
    `INSERT INTO agents (id, rig_id, role, name, identity, status, status_since, current_hook_bead_id, dispatch_attempts,
       last_activity_at, checkpoint, agent_status_message, active_tools, stalled_at, container_process_id, created_at, version)
     VALUES (?, ?, 'polecat', ?, ?, 'idle', ?, NULL, 0, NULL, NULL, ?, '[]', NULL, NULL, ?, 1)`,
    agent.id,
    rigId,
    name,
    agent.identity,
    tick.iso,
    agent.agent_status_message,
    tick.iso,
  );
  tick.town.addStatusChange(agent.id, 'idle', tick.iso, 'spawned by the patrol');
  return agent;
}

function hook(tick: Tick, agent: Agent, bead: Bead): void {
  tick.town.updateBead(bead.id, {
    status: 'in_progress',
    assignee_agent_bead_id: agent.id,
    updated_at: tick.iso,
    version: bead.version + 1,
  });
  beadEvent(tick, bead.id, 'status_changed', { agentId: agent.id, old: bead.status, value: 'in_progress' });
  beadEvent(tick, bead.id, 'hooked', { agentId: agent.id, value: agent.id });
  tick.town.startAssignment(agent, bead, tick.iso);
  setAgentStatus(tick, agent, 'working', `hooked ${bead.title}`.slice(0, 120), {
    current_hook_bead_id: bead.id,
    dispatch_attempts: 0,
    last_activity_at: tick.iso,
  });
}

/** Failed attempts since this hook's last successful dispatch (the budget a retry or a new hook starts afresh). */
function failuresInBudget(tick: Tick, agent: Agent, beadId: string): { count: number; lastAt: string | null } {
  const started = first(
    tick.sql,
    `SELECT started_at FROM assignments WHERE agent_id = ? AND bead_id = ? AND ended_at IS NULL ORDER BY started_at DESC LIMIT 1`,
    agent.id,
    beadId,
  );
  const since = started ? str(started.started_at) : '';
  const success = first(
    tick.sql,
    `SELECT max(created_at) AS at FROM dispatch_attempts WHERE bead_id = ? AND agent_id = ? AND outcome = 'success' AND created_at >= ?`,
    beadId,
    agent.id,
    since,
  );
  const row = first(
    tick.sql,
    `SELECT count(*) AS n, max(created_at) AS at FROM dispatch_attempts
     WHERE bead_id = ? AND agent_id = ? AND outcome = 'failed' AND created_at >= ? AND created_at > ?`,
    beadId,
    agent.id,
    since,
    success?.at ? str(success.at) : '',
  );
  return { count: num(row?.n ?? 0), lastAt: row?.at ? str(row.at) : null };
}

function dispatch(tick: Tick, agent: Agent): void {
  const bead = agent.current_hook_bead_id ? beadById(tick, agent.current_hook_bead_id) : null;
  if (!bead || bead.status !== 'in_progress') return;
  const { count, lastAt } = failuresInBudget(tick, agent, bead.id);
  if (count > 0 && minutesSince(tick, lastAt) < BACKOFF_MINUTES[count - 1]!) return;
  const attempt = count + 1;
  const access = bead.rig_id ? condition(tick, 'submodule_access', bead.rig_id) : null;
  // Only the beads whose work needs the private submodule clone it.
  const blocked = access && (access.detail.bead_ids as string[] | undefined)?.includes(bead.id) ? access : null;
  let error: string | null = null;
  if (blocked) {
    const submodule = String(blocked.detail.submodule ?? 'a private submodule');
    error = `git clone failed: remote: Repository not found (private submodule ${submodule})`;
    gitOperation(tick, {
      operation: 'clone',
      command: `git clone --recurse-submodules ${tick.town.rig(bead.rig_id!)?.git_url ?? ''}`.trim(),
      rig_id: bead.rig_id,
      agent_id: agent.id,
      bead_id: bead.id,
      exitCode: 128,
      stderr: `Cloning into '${submodule}'...\nremote: Repository not found.\nfatal: clone of '${submodule}' failed`,
    });
  }
  recordDispatchAttempt(tick.sql, {
    id: tick.ids.uuid(),
    bead_id: bead.id,
    agent_id: agent.id,
    attempt_number: attempt,
    outcome: error ? 'failed' : 'success',
    container_status: error ? 500 : 200,
    container_response: error ? '{"ok":false}' : '{"ok":true}',
    error_message: error,
    created_at: tick.iso,
  });
  tick.town.updateBead(bead.id, { dispatch_attempts: attempt, last_dispatch_attempt_at: tick.iso });
  if (!error) {
    const processId = startProcess(tick, agent);
    // The session starts with its prompt: the bead it was dispatched for, so its stream says what it was asked.
    sendSdkEvents(tick, agent.id, [
      {
        type: 'message.created',
        properties: { info: { role: 'user' }, text: `Work the bead on your hook: ${bead.title} (${bead.id.slice(0, 8)}).` },
      },
    ]);
    tick.town.updateAgent(agent.id, {
      dispatch_attempts: attempt,
      container_process_id: processId,
      agent_status_message: 'dispatched',
      last_activity_at: tick.iso,
    });
    return;
  }
  tick.town.updateAgent(agent.id, { dispatch_attempts: attempt, agent_status_message: `dispatch failed: ${error}` });
  if (attempt < DISPATCH_CAP) return;
  // The budget is spent: the bead fails and its polecat is unhooked.
  setBeadStatus(tick, bead, 'failed', { assignee_agent_bead_id: null });
  beadEvent(tick, bead.id, 'unhooked', { agentId: agent.id, old: agent.id });
  beadEvent(tick, bead.id, 'escalated', { metadata: { reason: `dispatch failed ${DISPATCH_CAP} times` } });
  tick.town.endAssignment(agent.id, bead.id, tick.iso, 'failed');
  setAgentStatus(tick, tick.town.agent(agent.id)!, 'idle', 'dispatch budget exhausted: bead failed', {
    current_hook_bead_id: null,
    active_tools: [],
  });
}
