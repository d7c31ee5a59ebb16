import { DISPATCH_CAP } from '../../../src/api/schemas';
import { EngineError } from '../engine-error';
import {
  agentToIdle,
  blockedNote,
  blockerWarning,
  change,
  idleChanges,
  moved,
  need,
  processWarning,
  quote,
  shownProcess,
  unhookBeadChanges,
  unhookWrites,
  type FamilyHandlers,
} from '../plan';

export const agentHandlers: FamilyHandlers<'agent'> = {
  'agent.force_reset': (ctx) => {
    const agent = need(ctx.town.agent(ctx.targetId), 'agent', ctx.targetId);
    const bead = agent.current_hook_bead_id ? ctx.town.bead(agent.current_hook_bead_id) : null;
    const changes = [
      ...idleChanges(agent),
      ...unhookBeadChanges(ctx, bead, 'open'),
      ...moved(change('agent', agent.id, agent.name, 'dispatch_attempts', agent.dispatch_attempts, 0)),
    ];
    return {
      summary: `${agent.name} → idle${bead ? `; bead ${quote(bead.title)} unhooked and back to open` : ''}.`,
      changes,
      warnings: [...processWarning(ctx, agent), ...blockedNote(ctx, bead, true)],
      apply: () => {
        unhookWrites(ctx, agent, bead, 'open', 'unhooked');
        agentToIdle(ctx, agent, 'reset by admin', { dispatch_attempts: 0 });
        return agent.version + 1;
      },
    };
  },
  'agent.force_unhook': (ctx) => {
    const agent = need(ctx.town.agent(ctx.targetId), 'agent', ctx.targetId);
    const bead = agent.current_hook_bead_id ? ctx.town.bead(agent.current_hook_bead_id) : null;
    if (!bead) throw new EngineError(409, 'invalid_state', `${agent.name} is not hooked to any bead.`, { field: 'current_hook_bead_id' });
    return {
      summary: `${agent.name} unhooked from ${quote(bead.title)}; the bead goes back to open for dispatch.`,
      changes: [...idleChanges(agent), ...unhookBeadChanges(ctx, bead, 'open')],
      warnings: processWarning(ctx, agent),
      apply: () => {
        unhookWrites(ctx, agent, bead, 'open', 'unhooked');
        agentToIdle(ctx, agent, 'unhooked by admin');
        return agent.version + 1;
      },
    };
  },
  'agent.force_kill': (ctx) => {
    const agent = need(ctx.town.agent(ctx.targetId), 'agent', ctx.targetId);
    const p = ctx.town.process(agent.id);
    if (!p || (p.status !== 'running' && p.status !== 'starting' && p.status !== 'stopping')) {
      throw new EngineError(
        409,
        'invalid_state',
        `${agent.name} has no running process to kill${p ? ` (process ${p.process_id} is ${p.status})` : ''}.`,
        { field: 'process' },
      );
    }
    return {
      summary: `Kill ${agent.name}'s process ${p.process_id} (SIGKILL); ${agent.name} → dead until reset.`,
      changes: moved(
        change('agent', agent.id, agent.name, 'process', shownProcess(ctx, agent), 'exited'),
        change('agent', agent.id, agent.name, 'status', agent.status, 'dead'),
      ),
      warnings: agent.current_hook_bead_id
        ? ['The agent stays hooked to its bead: force-reset or unhook it so the bead can be dispatched again.']
        : [],
      apply: () => {
        ctx.town.updateProcess(p.process_id, { status: 'exited', exited_at: ctx.now, exit_code: 137, memory_mb: null });
        ctx.town.addContainerEvent({
          id: ctx.newId(),
          event_type: 'stop',
          exit_code: 137,
          reason: 'killed by admin',
          message: `process ${p.process_id} of ${agent.name} killed`,
          metadata: { agent_id: agent.id },
          created_at: ctx.now,
        });
        ctx.town.updateAgent(agent.id, {
          status: 'dead',
          status_since: ctx.now,
          active_tools: [],
          agent_status_message: 'killed by admin',
          version: agent.version + 1,
        });
        ctx.town.addStatusChange(agent.id, 'dead', ctx.now, 'killed by admin');
        return agent.version + 1;
      },
    };
  },
  'agent.retry_dispatch': (ctx) => {
    const agent = need(ctx.town.agent(ctx.targetId), 'agent', ctx.targetId);
    const bead = agent.current_hook_bead_id ? ctx.town.bead(agent.current_hook_bead_id) : null;
    if (!bead)
      throw new EngineError(409, 'invalid_state', `${agent.name} has no hooked bead to dispatch.`, { field: 'current_hook_bead_id' });
    const exhausted = bead.dispatch_attempts >= DISPATCH_CAP;
    const attempt = exhausted ? 1 : bead.dispatch_attempts + 1;
    return {
      summary: `Dispatch ${quote(bead.title)} to ${agent.name} again (attempt ${attempt} of ${DISPATCH_CAP}); a fresh process starts in the container.`,
      changes: moved(
        change('bead', bead.id, bead.title, 'dispatch_attempts', bead.dispatch_attempts, attempt),
        change('bead', bead.id, bead.title, 'status', bead.status, 'in_progress'),
        change('agent', agent.id, agent.name, 'status', agent.status, 'working'),
        change('agent', agent.id, agent.name, 'dispatch_attempts', agent.dispatch_attempts, attempt),
        change('agent', agent.id, agent.name, 'process', shownProcess(ctx, agent), 'starting'),
      ),
      warnings: [
        ...(exhausted ? ['The dispatch budget (5 attempts) was exhausted: retrying starts a new budget.'] : []),
        ...blockerWarning(ctx, bead),
      ],
      apply: () => {
        ctx.town.addDispatchAttempt({
          id: ctx.newId(),
          bead_id: bead.id,
          agent_id: agent.id,
          attempt_number: attempt,
          outcome: 'success',
          container_status: 200,
          container_response: '{"ok":true}',
          error_message: null,
          created_at: ctx.now,
        });
        ctx.town.updateBead(bead.id, {
          dispatch_attempts: attempt,
          last_dispatch_attempt_at: ctx.now,
          status: 'in_progress',
          updated_at: ctx.now,
          version: bead.version + 1,
        });
        const old = ctx.town.process(agent.id);
        if (old) ctx.town.updateProcess(old.process_id, { status: 'exited', exited_at: old.exited_at ?? ctx.now });
        const processId = `proc_${ctx.newId().slice(0, 10).replace(/-/g, '')}`;
        ctx.town.addProcess({
          process_id: processId,
          agent_id: agent.id,
          agent_name: agent.name,
          pid: null,
          command: `kilo serve --session ${agent.identity}`,
          status: 'starting',
          started_at: ctx.now,
          exited_at: null,
          exit_code: null,
          memory_mb: null,
        });
        ctx.town.updateAgent(agent.id, {
          status: 'working',
          status_since: ctx.now,
          stalled_at: null,
          dispatch_attempts: attempt,
          container_process_id: processId,
          agent_status_message: 'dispatched by admin',
          version: agent.version + 1,
        });
        ctx.town.addStatusChange(agent.id, 'working', ctx.now, 'dispatch retried by admin');
        return agent.version + 1;
      },
    };
  },
  'agent.delete': (ctx) => {
    const agent = need(ctx.town.agent(ctx.targetId), 'agent', ctx.targetId);
    if (agent.role !== 'polecat')
      throw new EngineError(400, 'bad_request', `The ${agent.role} cannot be deleted; restart it instead.`, { parameter: 'target' });
    const bead = agent.current_hook_bead_id ? ctx.town.bead(agent.current_hook_bead_id) : null;
    return {
      summary: `Delete polecat ${agent.name}${bead ? ` and return ${quote(bead.title)} to open` : ''}; its name goes back to the pool.`,
      changes: [
        change('agent', agent.id, agent.name, 'exists', true, false),
        ...unhookBeadChanges(ctx, bead, 'open'),
        // The beads it worked keep their history, but the list no longer has a name to show beside them.
        ...ctx.town
          .beadsAssignedTo(agent.id)
          .filter((b) => b.id !== bead?.id)
          .map((b) => change('bead', b.id, b.title, 'assignee', agent.name, null)),
      ],
      warnings: [
        ...processWarning(ctx, agent),
        ...(ctx.town.beadsAssignedTo(agent.id).some((b) => b.id !== bead?.id)
          ? [`Beads ${agent.name} worked on no longer show an assignee; their events still name ${agent.name}.`]
          : []),
      ],
      apply: () => {
        unhookWrites(ctx, agent, bead, 'open', 'unhooked');
        ctx.town.deleteAgent(agent.id);
        return null;
      },
    };
  },
};
