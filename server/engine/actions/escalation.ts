import { EngineError } from '../engine-error';
import { change, need, quote, type FamilyHandlers } from '../plan';

export const escalationHandlers: FamilyHandlers<'escalation'> = {
  /**
   * Acknowledges an escalation bead: a human has seen it. The bead itself stays open (the work it is
   * about still has to be repaired); a later re-escalation clears the mark again.
   */
  'escalation.acknowledge': (ctx) => {
    const bead = need(ctx.town.bead(ctx.targetId), 'bead', ctx.targetId);
    const escalation = ctx.town.escalation(bead.id);
    if (bead.type !== 'escalation' || !escalation)
      throw new EngineError(400, 'bad_request', `Bead ${quote(bead.title)} is a ${bead.type}, not an escalation.`, {
        parameter: 'target.id',
      });
    if (escalation.acknowledged)
      throw new EngineError(
        409,
        'invalid_state',
        `Escalation ${quote(bead.title)} was already acknowledged${escalation.acknowledged_by ? ` by ${escalation.acknowledged_by}` : ''}.`,
        { field: 'acknowledged' },
      );
    const reEscalated = escalation.re_escalation_count
      ? ` It was raised again ${escalation.re_escalation_count} ${escalation.re_escalation_count === 1 ? 'time' : 'times'}; a new re-escalation clears the acknowledgement.`
      : '';
    return {
      summary: `Acknowledge the ${escalation.severity} escalation ${quote(bead.title)}; the bead stays ${bead.status}.`,
      changes: [change('bead', bead.id, bead.title, 'acknowledged', false, true)],
      warnings: reEscalated ? [reEscalated.trim()] : [],
      apply: () => {
        const who = ctx.admin.name || ctx.admin.email;
        ctx.town.updateEscalation(bead.id, { acknowledged: true, acknowledged_at: ctx.now, acknowledged_by: who });
        ctx.town.updateBead(bead.id, { updated_at: ctx.now, version: bead.version + 1 });
        ctx.town.addBeadEvent({
          id: ctx.newId(),
          bead_id: bead.id,
          agent_id: null,
          event_type: 'fields_updated',
          old_value: 'unacknowledged',
          new_value: 'acknowledged',
          metadata: { field: 'acknowledged', by: 'admin', admin: who },
          created_at: ctx.now,
        });
        return bead.version + 1;
      },
    };
  },
};
