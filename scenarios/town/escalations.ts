import type { StoredBead as Bead } from '../types';
import { createRng, hashString } from '../random';
import type { TownBuilder } from '../town-builder';
import type { EscalationRow } from '../types';

/**
 * An escalation bead (type `escalation`) and its side row, raised about `source` and raised again at
 * each of `reEscalatedMinutesAgo`. Ids come from their own generator, so adding an escalation to a
 * scenario moves no other row's id or name.
 */
export function addEscalation(
  b: TownBuilder,
  input: {
    title: string;
    body: string;
    severity: string;
    source: Bead;
    raisedBy: string;
    createdMinutesAgo: number;
    reEscalatedMinutesAgo: number[];
  },
): { bead: Bead; row: EscalationRow } {
  b.claimTitle(input.title);
  const rng = createRng(hashString(`${b.seed.town.id}/escalation/${input.title}`));
  const created = b.ago(input.createdMinutesAgo);
  const last = input.reEscalatedMinutesAgo.length ? b.ago(Math.min(...input.reEscalatedMinutesAgo)) : created;
  const bead: Bead = {
    id: rng.uuid(),
    type: 'escalation',
    status: 'open',
    title: input.title,
    body: input.body,
    rig_id: input.source.rig_id,
    parent_bead_id: null,
    assignee_agent_bead_id: null,
    priority: input.severity === 'critical' ? 'critical' : 'high',
    labels: ['gt:escalation'],
    metadata: { source_bead_id: input.source.id },
    dispatch_attempts: 0,
    last_dispatch_attempt_at: null,
    created_by: input.raisedBy,
    created_at: created,
    updated_at: last,
    closed_at: null,
    version: 1 + input.reEscalatedMinutesAgo.length,
  };
  b.seed.beads.push(bead);
  const event = (type: 'created' | 'escalated', at: string, metadata: Record<string, unknown>) =>
    b.seed.bead_events.push({
      id: rng.uuid(),
      bead_id: bead.id,
      agent_id: input.raisedBy,
      event_type: type,
      old_value: null,
      new_value: type === 'created' ? 'open' : input.severity,
      metadata,
      created_at: at,
    });
  event('created', created, { severity: input.severity, source_bead_id: input.source.id });
  [...input.reEscalatedMinutesAgo]
    .sort((x, y) => y - x)
    .forEach((ago, i) => event('escalated', b.ago(ago), { re_escalation: i + 1, reason: 'still unacknowledged' }));
  const row: EscalationRow = {
    bead_id: bead.id,
    severity: input.severity,
    acknowledged: false,
    acknowledged_at: null,
    acknowledged_by: null,
    re_escalation_count: input.reEscalatedMinutesAgo.length,
    source_bead_id: input.source.id,
    last_escalated_at: last,
  };
  b.seed.escalations.push(row);
  return { bead, row };
}
