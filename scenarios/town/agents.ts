import type { AgentRole, AgentStatus, Open } from '../../src/api/schemas';
import type { StoredAgent as Agent } from '../types';
import { identityFor } from '../names';
import type { TownBuilder } from '../town-builder';

/**
 * The town's agents (the Mayor, the refinery, the polecats) and their status history. History may be
 * written out of order, because scenarios add past work after the present is set up; so an agent's
 * current status is always derived from its latest change, and every question about the past
 * (`statusAt`, `findFreePolecat`) is answered from the history, never from the current fields.
 */

const DAY = 24 * 60;

/** A new idle agent. Only the rng, clock and rows are needed: the builder's constructor creates the town's agents with it. */
export function addAgent(
  b: Pick<TownBuilder, 'rng' | 'ago' | 'seed' | 'townId'>,
  role: AgentRole,
  name: string,
  rigId: string | null,
): Agent {
  // 20 days ago (the town is 21 days old), 7 minutes apart in creation order.
  const created = b.ago(20 * DAY - b.seed.agents.length * 7);
  const agent: Agent = {
    id: b.rng.uuid(),
    rig_id: rigId,
    role,
    name,
    identity: identityFor(name, role, rigId, b.townId),
    status: 'idle',
    status_since: created,
    current_hook_bead_id: null,
    dispatch_attempts: 0,
    last_activity_at: created,
    checkpoint: null,
    agent_status_message: null,
    active_tools: [],
    stalled_at: null,
    container_process_id: null,
    created_at: created,
    version: 1,
  };
  b.seed.agents.push(agent);
  b.seed.agent_status_history.push({ agent_id: agent.id, status: 'idle', at: created, reason: 'spawned' });
  return agent;
}

/** Records a status change; it becomes the agent's current status only if it is the latest one. */
export function setAgentStatus(b: TownBuilder, agent: Agent, status: AgentStatus, minutesAgoAt: number, reason: string | null) {
  const at = b.ago(minutesAgoAt);
  b.seed.agent_status_history.push({ agent_id: agent.id, status, at, reason });
  if (at >= agent.status_since) {
    agent.status = status;
    agent.status_since = at;
    if (status === 'stalled') agent.stalled_at = at;
  }
}

/** The agent's status at an instant, from its history. */
export function statusAt(b: TownBuilder, agent: Agent, minutesAgoAt: number): Open<AgentStatus> {
  const at = b.ago(minutesAgoAt);
  let status: Open<AgentStatus> = 'idle';
  let latest = '';
  for (const h of b.seed.agent_status_history) {
    if (h.agent_id === agent.id && h.at <= at && h.at >= latest) {
      latest = h.at;
      status = h.status;
    }
  }
  return status;
}

/** Moves the agent's last activity forward to this instant (never back). */
export function touch(b: TownBuilder, agent: Agent, minutesAgoAt: number) {
  const at = b.ago(minutesAgoAt);
  if (!agent.last_activity_at || at > agent.last_activity_at) agent.last_activity_at = at;
}

/** Whether the agent is idle, hooked to nothing, from `fromMinutesAgo` until `toMinutesAgo` (5-min margins). */
function isFree(b: TownBuilder, agent: Agent, fromMinutesAgo: number, toMinutesAgo: number): boolean {
  const from = Date.parse(b.ago(fromMinutesAgo + 5));
  const to = Date.parse(b.ago(Math.max(0, toMinutesAgo - 5)));
  const hooked = b.seed.assignments.some(
    (x) => x.agent_id === agent.id && Date.parse(x.started_at) <= to && (x.ended_at === null || Date.parse(x.ended_at) >= from),
  );
  if (hooked || statusAt(b, agent, fromMinutesAgo + 5) !== 'idle') return false;
  return !b.seed.agent_status_history.some((h) => h.agent_id === agent.id && Date.parse(h.at) > from && Date.parse(h.at) <= to);
}

/** The first polecat, starting with the preferred one, free for the whole window (GUPP: one hook per agent at a time). */
export function findFreePolecat(b: TownBuilder, preferred: number, fromMinutesAgo: number, toMinutesAgo: number): Agent {
  for (let k = 0; k < b.polecats.length; k++) {
    const agent = b.polecats[(preferred + k) % b.polecats.length]!;
    if (isFree(b, agent, fromMinutesAgo, toMinutesAgo)) return agent;
  }
  throw new Error(`${b.options.name}: no polecat is free from ${fromMinutesAgo} to ${toMinutesAgo} minutes ago`);
}

/** The Mayor's session: active, its last user message (4 min ago) answered, and its system prompt template with the context rendered into it. */
export function setMayorState(b: TownBuilder) {
  b.seed.mayor = {
    agent_id: b.mayor.id,
    session_id: `ses_${b.rng.hex(20)}`,
    session_state: 'active',
    session_error: null,
    last_activity_at: b.ago(2),
    last_user_message: { text: 'What is the status of the open convoy?', at: b.ago(4), answered: true },
    system_prompt: [
      `You are the Mayor of the Gastown town "${b.options.name}".`,
      'You coordinate polecats (workers) and the refinery (review and merge).',
      "Break the user's requests into beads, sling them to polecats, and keep convoys moving.",
      'Never push to main yourself. Escalate when a bead fails dispatch 5 times.',
      '',
      '## Town context',
      '{{rigs}}',
      '{{open_beads}}',
      '{{agents}}',
    ].join('\n'),
    system_prompt_context: {
      rigs: b.seed.rigs.map((r) => `${r.name} (${r.git_url}, ${r.default_branch})`).join('; '),
      open_beads: 'filled at session start',
      agents: b.polecats.map((p) => p.name).join(', '),
    },
  };
}
