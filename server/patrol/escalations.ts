import type { Agent, Bead } from '../../src/api/schemas';
import { all, fromJson, str } from '../db/sql';
import { escalationRow, writeEscalation } from '../town/escalations';
import type { Tick } from './tick';
import { toBead } from '../town/rows';
import { addBead, beadEvent, config, MINUTE, minutesSince, setBeadStatus } from './world';

/** Production's escalation interval when the config names none (DOMAIN.md: escalation at 1 h). */
const ESCALATION_SECONDS = 3600;
/**
 * The severity a stall is raised at. DOMAIN.md names the severities but no rule for raising one on
 * re-escalation, so a re-escalation bumps the count and the time, not the severity.
 */
const STALL_SEVERITY = 'high';

/**
 * The GUPP patrol force-stopped `agent` on `bead`: a human has to look, so it writes an escalation bead
 * (type `escalation`, severity high, about the stuck bead) with its side row, unacknowledged.
 */
export function raiseStallEscalation(tick: Tick, agent: Agent, bead: Bead): void {
  const escalation = addBead(tick, {
    type: 'escalation',
    status: 'open',
    title: `Escalated: ${agent.name} stalled on “${bead.title}”`.slice(0, 200),
    body: `No activity for 2 h: the GUPP patrol force-stopped ${agent.name} and ended its session. Reset the agent or retry its dispatch so the bead is worked again; until someone acknowledges this, it is raised again every hour.`,
    rig_id: bead.rig_id,
    parent_bead_id: null,
    assignee_agent_bead_id: null,
    priority: STALL_SEVERITY,
    labels: ['gt:escalation'],
    metadata: { source_bead_id: bead.id, agent_id: agent.id },
    dispatch_attempts: 0,
    last_dispatch_attempt_at: null,
    created_by: 'system',
  });
  writeEscalation(tick.sql, {
    bead_id: escalation.id,
    severity: STALL_SEVERITY,
    acknowledged: false,
    acknowledged_at: null,
    acknowledged_by: null,
    re_escalation_count: 0,
    source_bead_id: bead.id,
    last_escalated_at: tick.iso,
  });
}

/**
 * The patrol's open stall escalations: while the agent is still stalled on the bead, an unacknowledged
 * one is raised again each escalation interval (count + 1; acknowledged ones wait for the human who saw
 * them). Once the agent no longer sits stalled on that bead (reset, dispatched again, deleted) the
 * escalation has nothing left to ask, so it closes, acknowledged or not.
 */
export function patrolEscalations(tick: Tick): void {
  const interval = (config(tick).alarm_intervals?.escalation_seconds ?? ESCALATION_SECONDS) * 1000;
  const rows = all(
    tick.sql,
    `SELECT b.* FROM escalations e JOIN beads b ON b.id = e.bead_id
     WHERE b.status NOT IN ('closed', 'failed') AND b.created_by = 'system' AND b.metadata LIKE '%"agent_id"%'
     ORDER BY b.created_at, b.id`,
  );
  for (const row of rows) {
    const meta = fromJson<{ agent_id?: string; source_bead_id?: string }>(row.metadata, {});
    const escalation = escalationRow(tick.sql, str(row.id));
    if (!meta.agent_id || !meta.source_bead_id || !escalation) continue;
    const agent = tick.town.agent(meta.agent_id);
    const bead = toBead(row);
    if (!agent || agent.status !== 'stalled' || agent.current_hook_bead_id !== meta.source_bead_id) {
      setBeadStatus(tick, bead, 'closed');
      beadEvent(tick, bead.id, 'fields_updated', {
        value: 'resolved',
        metadata: { reason: agent ? `${agent.name} is no longer stalled on the bead` : 'the agent is gone' },
      });
      continue;
    }
    if (escalation.acknowledged || minutesSince(tick, escalation.last_escalated_at) * MINUTE < interval) continue;
    const count = escalation.re_escalation_count + 1;
    tick.town.updateEscalation(bead.id, { re_escalation_count: count, last_escalated_at: tick.iso });
    tick.town.updateBead(bead.id, { updated_at: tick.iso, version: bead.version + 1 });
    beadEvent(tick, bead.id, 'escalated', {
      value: escalation.severity,
      metadata: { re_escalation: count, reason: 'still unacknowledged' },
    });
  }
}
