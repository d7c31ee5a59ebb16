import { all, first } from '../db/sql';
import { toBead } from '../town/rows';
import { patrolEscalations, raiseStallEscalation } from './escalations';
import type { PatrolStep, Tick } from './tick';
import { agentsWhere, beadById, beadEvent, endProcess, liveProcess, MINUTE, minutesSince, setAgentStatus } from './world';

/** Production's GUPP timings (DOMAIN.md): nudge at 30 min, escalate at 1 h, force-stop at 2 h; orphans reopen after 5 min. */
const NUDGE_MINUTES = 30;
const ESCALATE_MINUTES = 60;
const FORCE_STOP_MINUTES = 120;
const ORPHAN_MINUTES = 5;

/**
 * GUPP (the hook's promise): a hooked polecat with no activity is nudged at 30 min, escalated at 1 h and
 * force-stopped (`stalled`, its session ended) at 2 h, which raises an escalation bead for a human
 * (raised again hourly while unacknowledged, closed once the agent is no longer stalled on it). A bead `in_progress` that no agent is hooked to
 * (its agent was reset, deleted or moved on) returns to open after 5 min, so dispatch can take it again.
 */
export const guppStep: PatrolStep = {
  name: 'gupp',
  run(tick) {
    for (const agent of agentsWhere(tick, `role = 'polecat' AND status = 'working' AND current_hook_bead_id IS NOT NULL`)) {
      const quiet = minutesSince(tick, agent.last_activity_at ?? agent.status_since);
      const beadId = agent.current_hook_bead_id!;
      if (quiet >= FORCE_STOP_MINUTES) {
        const process = liveProcess(tick, agent.id);
        if (process) endProcess(tick, process, 143);
        setAgentStatus(tick, agent, 'stalled', 'no activity for 2 h: force-stopped by the GUPP patrol', {
          stalled_at: tick.iso,
          active_tools: [],
        });
        beadEvent(tick, beadId, 'agent_status', { agentId: agent.id, value: 'stalled' });
        const bead = beadById(tick, beadId);
        if (bead) raiseStallEscalation(tick, agent, bead);
      } else if (quiet >= ESCALATE_MINUTES && !since(tick, beadId, 'escalated', agent.last_activity_at)) {
        beadEvent(tick, beadId, 'escalated', { agentId: agent.id, metadata: { reason: `no activity for ${Math.floor(quiet)} min` } });
      } else if (quiet >= NUDGE_MINUTES && !since(tick, beadId, 'agent_status', agent.last_activity_at)) {
        beadEvent(tick, beadId, 'agent_status', {
          agentId: agent.id,
          value: 'nudged',
          metadata: { nudge: 'GUPP: you are hooked; report progress' },
        });
      }
    }
    patrolEscalations(tick);
    const orphans = all(
      tick.sql,
      `SELECT b.* FROM beads b WHERE b.status = 'in_progress' AND b.type IN ('issue', 'molecule') AND b.updated_at <= ?
         AND NOT EXISTS (SELECT 1 FROM agents a WHERE a.current_hook_bead_id = b.id)
       ORDER BY b.id LIMIT 50`,
      tick.ago(ORPHAN_MINUTES * MINUTE),
    ).map(toBead);
    for (const bead of orphans) {
      tick.town.updateBead(bead.id, { status: 'open', assignee_agent_bead_id: null, updated_at: tick.iso, version: bead.version + 1 });
      beadEvent(tick, bead.id, 'status_changed', { old: 'in_progress', value: 'open', metadata: { reason: 'no agent hooked for 5 min' } });
      if (bead.assignee_agent_bead_id) tick.town.endAssignment(bead.assignee_agent_bead_id, bead.id, tick.iso, 'timed_out');
    }
  },
};

/** Whether the patrol already wrote this event for the bead since the agent's last activity. */
function since(tick: Tick, beadId: string, type: string, after: string | null): boolean {
  return (
    first(
      tick.sql,
      `SELECT 1 AS x FROM bead_events WHERE bead_id = ? AND event_type = ? AND created_at > ? AND metadata LIKE '%"by":"patrol"%' LIMIT 1`,
      beadId,
      type,
      after ?? '',
    ) !== null
  );
}
