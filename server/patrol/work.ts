import type { StoredAgent as Agent, StoredBead as Bead } from '../../scenarios/types';
import { ASSISTANT_LINES, BASH_COMMANDS, SOURCE_FILES } from '../../scenarios/names';
import { first, str } from '../db/sql';
import { clearCondition } from './conditions';
import { openMergeRequest, targetBranchOf } from './merge-requests';
import type { PatrolStep, Tick } from './tick';
import {
  agentsWhere,
  beadById,
  beadEvent,
  endProcess,
  gitOperation,
  liveProcess,
  minutesSince,
  recordUsage,
  sendSdkEvents,
  setAgentStatus,
  type SdkEvent,
} from './world';

/** A bead takes at least this long; after it, each tick finishes it with FINISH_CHANCE (about 30 min on average). */
const MIN_WORK_MINUTES = 20;
const FINISH_CHANCE = 0.12;

/**
 * Agents at work: each polecat whose session runs writes SDK events to its AgentDO (assistant text, tool
 * calls) and spends tokens. Hooked ones finish their bead after a while: they push the branch (which
 * fails while the rig's credential is expired or revoked: they retry) and submit it, which opens a merge
 * request (or puts a reworked one back in the queue, rebased). Polecats working with no hook (zombies)
 * re-read the repository and burn tokens for nothing until they are killed or reset.
 */
export const workStep: PatrolStep = {
  name: 'work',
  run(tick) {
    for (const agent of agentsWhere(tick, `role = 'polecat' AND status = 'working'`)) {
      const process = liveProcess(tick, agent.id);
      if (!process || process.status !== 'running') continue;
      if (!agent.current_hook_bead_id) {
        zombie(tick, agent);
        continue;
      }
      const bead = beadById(tick, agent.current_hook_bead_id);
      if (!bead || bead.status !== 'in_progress') continue;
      work(tick, agent, bead);
    }
  },
};

function zombie(tick: Tick, agent: Agent): void {
  const file = tick.rng.pick(SOURCE_FILES);
  sendSdkEvents(tick, agent.id, [toolCall(tick, 'read', { filePath: file }, 'completed')]);
  recordUsage(tick, agent.id, null, tick.rng.int(9_000, 14_000), tick.rng.int(300, 900));
  tick.town.updateAgent(agent.id, { agent_status_message: 'Re-reading repository', active_tools: ['read'] });
}

function work(tick: Tick, agent: Agent, bead: Bead): void {
  const events: SdkEvent[] = [
    { type: 'message_part.updated', properties: { part: { type: 'text', text: tick.rng.pick(ASSISTANT_LINES) } } },
    toolCall(tick, 'bash', { command: tick.rng.pick(BASH_COMMANDS) }, 'completed'),
  ];
  const input = tick.rng.int(2_500, 9_000);
  const output = tick.rng.int(300, 1_600);
  events.push({ type: 'assistant.completed', properties: { tokens: { input, output } } });
  sendSdkEvents(tick, agent.id, events);
  recordUsage(tick, agent.id, bead.id, input, output);
  tick.town.updateAgent(agent.id, { agent_status_message: `Working on ${bead.title}`.slice(0, 120), active_tools: ['bash'] });

  const started = first(
    tick.sql,
    'SELECT started_at FROM assignments WHERE agent_id = ? AND bead_id = ? AND ended_at IS NULL ORDER BY started_at DESC LIMIT 1',
    agent.id,
    bead.id,
  );
  if (minutesSince(tick, started ? str(started.started_at) : null) < MIN_WORK_MINUTES || !tick.rng.chance(FINISH_CHANCE)) return;
  const branch = branchOf(agent, bead);
  const cred = bead.rig_id ? tick.town.credential(bead.rig_id) : null;
  const denied = cred && cred.status !== 'valid' && cred.status !== 'unknown';
  const repo = (bead.rig_id ? tick.town.rig(bead.rig_id)?.git_url : null) ?? 'origin';
  const pushed = gitOperation(tick, {
    operation: 'push',
    command: `git push origin ${branch}`,
    rig_id: bead.rig_id,
    agent_id: agent.id,
    bead_id: bead.id,
    exitCode: 128,
    stderr: denied
      ? `remote: Permission to ${repo.replace('https://github.com/', '').replace(/\.git$/, '')}.git denied to kilo-gastown[bot].\nfatal: unable to access '${repo}/': The requested URL returned error: 403`
      : null,
  });
  if (!pushed) {
    tick.town.updateAgent(agent.id, { agent_status_message: 'git push failed: permission denied; retrying' });
    return;
  }
  submit(tick, agent, bead, branch);
}

function branchOf(agent: Agent, bead: Bead): string {
  return (bead.metadata.branch as string | undefined) ?? `gt/${agent.name.toLowerCase()}/${bead.id.slice(0, 8)}`;
}

/** Submits the bead: it goes in review, the polecat's session ends, and its merge request joins the queue. */
function submit(tick: Tick, agent: Agent, bead: Bead, branch: string): void {
  tick.town.updateBead(bead.id, {
    status: 'in_review',
    assignee_agent_bead_id: null,
    metadata: { ...bead.metadata, branch },
    updated_at: tick.iso,
    version: bead.version + 1,
  });
  beadEvent(tick, bead.id, 'status_changed', { agentId: agent.id, old: 'in_progress', value: 'in_review' });
  beadEvent(tick, bead.id, 'unhooked', { agentId: agent.id, old: agent.id });
  tick.town.endAssignment(agent.id, bead.id, tick.iso, 'completed');
  const process = liveProcess(tick, agent.id);
  if (process) endProcess(tick, process, 0);
  setAgentStatus(tick, agent, 'idle', `submitted ${bead.title}`.slice(0, 120), { current_hook_bead_id: null, active_tools: [] });
  sendSdkEvents(tick, agent.id, [{ type: 'session.idle', properties: {} }]);

  const existing = first(tick.sql, `SELECT bead_id FROM reviews WHERE source_bead_id = ? AND review_state != 'merged' LIMIT 1`, bead.id);
  if (existing) {
    // A reworked submission: the branch was rebased on its target, so the old conflict is gone.
    const mrId = str(existing.bead_id);
    clearCondition(tick, 'merge_conflict', mrId);
    tick.town.updateReview(mrId, {
      review_state: 'pending',
      failure_reason: null,
      started_at: null,
      completed_at: null,
      enqueued_at: tick.iso,
    });
    const mr = beadById(tick, mrId);
    if (mr) tick.town.updateBead(mrId, { status: 'open', closed_at: null, updated_at: tick.iso, version: mr.version + 1 });
    beadEvent(tick, bead.id, 'review_submitted', { agentId: agent.id, value: mrId, metadata: { rebased: true } });
    return;
  }
  openMergeRequest(tick, bead, {
    title: `Merge: ${bead.title}`,
    branch,
    target: targetBranchOf(tick, bead.id),
    createdBy: agent.name,
    agentId: agent.id,
  });
}

export function toolCall(tick: Tick, tool: string, input: Record<string, unknown>, status: string): SdkEvent {
  return {
    type: 'message_part.updated',
    properties: { part: { type: 'tool', tool, callID: `call_${tick.ids.uuid().slice(0, 8)}`, state: { status, input } } },
  };
}
