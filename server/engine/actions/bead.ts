import type { Bead } from '../../../src/api/schemas';
import { EngineError } from '../engine-error';
import { deleteBead } from './bead-delete';
import {
  agentToIdle,
  assigneeName,
  blockedNote,
  blockerWarning,
  change,
  hookedAgentOf,
  idleChanges,
  moved,
  need,
  processWarning,
  quote,
  unhookBeadChanges,
  unhookWrites,
  type Ctx,
  type FamilyHandlers,
  type Plan,
} from '../plan';

function finishBead(ctx: Ctx, status: 'closed' | 'failed', verb: string): Plan {
  const bead = need(ctx.town.bead(ctx.targetId), 'bead', ctx.targetId);
  if (bead.status === status)
    throw new EngineError(409, 'invalid_state', `Bead ${quote(bead.title)} is already ${status}.`, { field: 'status' });
  const agent = hookedAgentOf(ctx, bead);
  const changes = agent
    ? [...unhookBeadChanges(ctx, bead, status), ...idleChanges(agent)]
    : [change('bead', bead.id, bead.title, 'status', bead.status, status)];
  return {
    summary: `${verb} ${quote(bead.title)}${agent ? `; ${agent.name} is unhooked and goes idle` : ''}.`,
    changes,
    warnings: [...(agent ? processWarning(ctx, agent) : []), ...blockedNote(ctx, bead, status === 'failed')],
    apply: () => {
      if (agent) {
        unhookWrites(ctx, agent, bead, status, status === 'failed' ? 'failed' : 'completed');
        agentToIdle(ctx, agent, `bead ${status} by admin`);
      } else {
        ctx.town.updateBead(bead.id, { status, closed_at: ctx.now, updated_at: ctx.now, version: bead.version + 1 });
        ctx.town.addBeadEvent({
          id: ctx.newId(),
          bead_id: bead.id,
          agent_id: null,
          event_type: 'status_changed',
          old_value: bead.status,
          new_value: status,
          metadata: { by: 'admin' },
          created_at: ctx.now,
        });
      }
      if (status === 'closed')
        ctx.town.addBeadEvent({
          id: ctx.newId(),
          bead_id: bead.id,
          agent_id: null,
          event_type: 'closed',
          old_value: null,
          new_value: null,
          metadata: { by: 'admin' },
          created_at: ctx.now,
        });
      return bead.version + 1;
    },
  };
}

export const beadHandlers: FamilyHandlers<'bead'> = {
  'bead.force_close': (ctx) => finishBead(ctx, 'closed', 'Close'),
  'bead.force_fail': (ctx) => finishBead(ctx, 'failed', 'Fail'),
  'bead.delete': deleteBead,
  'bead.change_priority': (ctx) => {
    const bead = need(ctx.town.bead(ctx.targetId), 'bead', ctx.targetId);
    const priority = ctx.params.priority as Bead['priority'];
    if (bead.priority === priority)
      throw new EngineError(409, 'invalid_state', `Bead ${quote(bead.title)} is already ${priority} priority.`, { field: 'priority' });
    return {
      summary: `Priority of ${quote(bead.title)}: ${bead.priority} → ${priority}.`,
      changes: [change('bead', bead.id, bead.title, 'priority', bead.priority, priority)],
      warnings: [],
      apply: () => {
        ctx.town.updateBead(bead.id, { priority, updated_at: ctx.now, version: bead.version + 1 });
        ctx.town.addBeadEvent({
          id: ctx.newId(),
          bead_id: bead.id,
          agent_id: null,
          event_type: 'fields_updated',
          old_value: bead.priority,
          new_value: priority,
          metadata: { field: 'priority', by: 'admin' },
          created_at: ctx.now,
        });
        return bead.version + 1;
      },
    };
  },
  'bead.unhook': (ctx) => {
    const bead = need(ctx.town.bead(ctx.targetId), 'bead', ctx.targetId);
    const agent = hookedAgentOf(ctx, bead);
    if (!agent)
      throw new EngineError(409, 'invalid_state', `No agent is hooked to ${quote(bead.title)}.`, { field: 'assignee_agent_bead_id' });
    return {
      summary: `Unhook ${agent.name} from ${quote(bead.title)}; the bead goes back to open.`,
      changes: [...unhookBeadChanges(ctx, bead, 'open'), ...idleChanges(agent)],
      warnings: processWarning(ctx, agent),
      apply: () => {
        unhookWrites(ctx, agent, bead, 'open', 'unhooked');
        agentToIdle(ctx, agent, 'unhooked by admin');
        return bead.version + 1;
      },
    };
  },
  'bead.reassign': (ctx) => {
    const bead = need(ctx.town.bead(ctx.targetId), 'bead', ctx.targetId);
    const next = need(ctx.town.agent(String(ctx.params.agent_id)), 'agent', String(ctx.params.agent_id));
    if (next.role !== 'polecat')
      throw new EngineError(400, 'bad_request', `Only polecats take beads; ${next.name} is the ${next.role}.`, { parameter: 'agent_id' });
    if (next.status === 'dead')
      throw new EngineError(409, 'invalid_state', `${next.name} is dead; reset it first.`, { field: 'agent.status' });
    if (next.current_hook_bead_id && next.current_hook_bead_id !== bead.id) {
      throw new EngineError(409, 'invalid_state', `${next.name} is already hooked to another bead.`, {
        field: 'agent.current_hook_bead_id',
      });
    }
    const prev = hookedAgentOf(ctx, bead);
    if (prev?.id === next.id)
      throw new EngineError(409, 'invalid_state', `${next.name} already has this bead.`, { field: 'assignee_agent_bead_id' });
    return {
      summary: `Reassign ${quote(bead.title)}${prev ? ` from ${prev.name}` : ''} to ${next.name}; ${next.name} is hooked and dispatched.`,
      changes: [
        ...moved(
          change('bead', bead.id, bead.title, 'assignee', assigneeName(ctx, bead), next.name),
          change('bead', bead.id, bead.title, 'status', bead.status, 'in_progress'),
        ),
        ...(prev ? idleChanges(prev) : []),
        ...moved(
          change('agent', next.id, next.name, 'status', next.status, 'working'),
          change('agent', next.id, next.name, 'current_hook_bead_id', next.current_hook_bead_id, bead.id),
        ),
      ],
      warnings: [...(prev ? processWarning(ctx, prev) : []), ...blockerWarning(ctx, bead)],
      apply: () => {
        if (prev) {
          unhookWrites(ctx, prev, bead, 'open', 'reassigned');
          agentToIdle(ctx, prev, 'bead reassigned by admin');
        }
        ctx.town.updateBead(bead.id, {
          status: 'in_progress',
          assignee_agent_bead_id: next.id,
          updated_at: ctx.now,
          version: bead.version + 1,
        });
        ctx.town.addBeadEvent({
          id: ctx.newId(),
          bead_id: bead.id,
          agent_id: next.id,
          event_type: 'assigned',
          old_value: prev?.id ?? null,
          new_value: next.id,
          metadata: { by: 'admin' },
          created_at: ctx.now,
        });
        ctx.town.addBeadEvent({
          id: ctx.newId(),
          bead_id: bead.id,
          agent_id: next.id,
          event_type: 'hooked',
          old_value: null,
          new_value: next.id,
          metadata: { by: 'admin' },
          created_at: ctx.now,
        });
        ctx.town.startAssignment(next, bead, ctx.now);
        ctx.town.updateAgent(next.id, {
          status: 'working',
          status_since: ctx.now,
          current_hook_bead_id: bead.id,
          agent_status_message: 'assigned by admin',
          version: next.version + 1,
        });
        ctx.town.addStatusChange(next.id, 'working', ctx.now, `hooked ${bead.id} by admin`);
        return bead.version + 1;
      },
    };
  },
};
