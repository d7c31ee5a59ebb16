import type { Assignment, BeadEventType, BeadPriority, BeadStatus, BeadType, DependencyType } from '../../src/api/schemas';
import type { StoredAgent as Agent, StoredBead as Bead } from '../types';
import type { TownBuilder } from '../town-builder';
import { setAgentStatus, touch } from './agents';
import { recordDispatch } from './history';

/**
 * Beads, their events and dependencies, and hooking (GUPP: one agent bound to one bead, recorded as
 * an assignment). Every change to a bead is also a bead event, as production writes it, and moves
 * the bead's `updated_at` forward.
 */

export function addBead(
  b: TownBuilder,
  input: {
    title: string;
    type?: BeadType;
    status?: BeadStatus;
    priority?: BeadPriority;
    createdMinutesAgo: number;
    rigId?: string | null;
    body?: string;
    labels?: string[];
    metadata?: Record<string, unknown>;
    createdBy?: string;
  },
): Bead {
  b.claimTitle(input.title);
  const created = b.ago(input.createdMinutesAgo);
  const bead: Bead = {
    id: b.rng.uuid(),
    type: input.type ?? 'issue',
    status: 'open',
    title: input.title,
    body: input.body ?? `${input.title}.\n\nAcceptance: tests pass, no lint errors, behaviour documented in the PR description.`,
    rig_id: input.rigId === undefined ? b.seed.rigs[0]!.id : input.rigId,
    parent_bead_id: null,
    assignee_agent_bead_id: null,
    // Mostly medium, production's default.
    priority: input.priority ?? b.rng.pick(['low', 'medium', 'medium', 'medium', 'high'] as const),
    labels: input.labels ?? [],
    metadata: input.metadata ?? {},
    dispatch_attempts: 0,
    last_dispatch_attempt_at: null,
    created_by: input.createdBy ?? 'mayor',
    created_at: created,
    updated_at: created,
    closed_at: null,
    version: 1,
  };
  b.seed.beads.push(bead);
  recordBeadEvent(b, bead, 'created', input.createdMinutesAgo, { newValue: 'open', agentId: b.mayor.id });
  if (input.status && input.status !== 'open') setBeadStatus(b, bead, input.status, input.createdMinutesAgo, null);
  return bead;
}

export function recordBeadEvent(
  b: TownBuilder,
  bead: Bead,
  type: BeadEventType,
  minutesAgoAt: number,
  opts: { oldValue?: string | null; newValue?: string | null; agentId?: string | null; metadata?: Record<string, unknown> } = {},
) {
  const at = b.ago(minutesAgoAt);
  b.seed.bead_events.push({
    id: b.rng.uuid(),
    bead_id: bead.id,
    agent_id: opts.agentId ?? null,
    event_type: type,
    old_value: opts.oldValue ?? null,
    new_value: opts.newValue ?? null,
    metadata: opts.metadata ?? {},
    created_at: at,
  });
  if (Date.parse(at) > Date.parse(bead.updated_at)) bead.updated_at = at;
}

/** A status change; `closed` and `failed` are final and stamp `closed_at` (a close is also its own `closed` event). */
export function setBeadStatus(b: TownBuilder, bead: Bead, status: BeadStatus, minutesAgoAt: number, agentId: string | null) {
  if (bead.status === status) return;
  recordBeadEvent(b, bead, 'status_changed', minutesAgoAt, { oldValue: bead.status, newValue: status, agentId });
  bead.status = status;
  bead.version++;
  if (status === 'closed' || status === 'failed') {
    bead.closed_at = b.ago(minutesAgoAt);
    if (status === 'closed') recordBeadEvent(b, bead, 'closed', minutesAgoAt, { agentId });
  }
}

/** `bead` depends on `dependsOn`: `blocks` orders work, `tracks` is convoy (or merge request) membership. */
export function depend(b: TownBuilder, bead: Bead, dependsOn: Bead, type: DependencyType = 'blocks') {
  b.seed.dependencies.push({ bead_id: bead.id, depends_on_bead_id: dependsOn.id, dependency_type: type });
}

/**
 * GUPP: binds the agent to the bead (bead → in_progress, agent → working), with a successful
 * dispatch unless `dispatch: false` (the scenario records its own attempts).
 */
export function hook(b: TownBuilder, agent: Agent, bead: Bead, minutesAgoAt: number, opts: { attempt?: number; dispatch?: boolean } = {}) {
  bead.assignee_agent_bead_id = agent.id;
  bead.metadata = { ...bead.metadata, branch: `gt/${agent.name.toLowerCase()}/${bead.id.slice(0, 8)}` };
  recordBeadEvent(b, bead, 'assigned', minutesAgoAt, { newValue: agent.id, agentId: agent.id });
  recordBeadEvent(b, bead, 'hooked', minutesAgoAt, { newValue: agent.id, agentId: agent.id });
  if (opts.dispatch !== false) recordDispatch(b, bead, agent, minutesAgoAt, opts.attempt ?? 1, null);
  setBeadStatus(b, bead, 'in_progress', minutesAgoAt, agent.id);
  const stack = b.previousHooks.get(agent.id) ?? [];
  stack.push(agent.current_hook_bead_id);
  b.previousHooks.set(agent.id, stack);
  agent.current_hook_bead_id = bead.id;
  b.seed.assignments.push({
    agent_id: agent.id,
    agent_name: agent.name,
    role: agent.role,
    bead_id: bead.id,
    bead_title: bead.title,
    started_at: b.ago(minutesAgoAt),
    ended_at: null,
    outcome: 'active',
  });
  setAgentStatus(b, agent, 'working', minutesAgoAt, `hooked ${bead.id}`);
  touch(b, agent, minutesAgoAt);
}

/** Ends the agent's current assignment of this bead; the agent goes idle. */
export function unhook(b: TownBuilder, agent: Agent, bead: Bead, minutesAgoAt: number, outcome: Assignment['outcome']) {
  const assignment = [...b.seed.assignments].reverse().find((a) => a.agent_id === agent.id && a.bead_id === bead.id && !a.ended_at);
  if (assignment) {
    assignment.ended_at = b.ago(minutesAgoAt);
    assignment.outcome = outcome;
  }
  recordBeadEvent(b, bead, 'unhooked', minutesAgoAt, { oldValue: agent.id, agentId: agent.id });
  // Scenarios add past work after the present was set up: give the agent back its current hook.
  if (agent.current_hook_bead_id === bead.id) agent.current_hook_bead_id = b.previousHooks.get(agent.id)?.pop() ?? null;
  setAgentStatus(b, agent, 'idle', minutesAgoAt, outcome === 'completed' ? 'work submitted' : `unhooked: ${outcome}`);
  touch(b, agent, minutesAgoAt);
}
