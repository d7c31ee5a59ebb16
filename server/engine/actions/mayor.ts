import { EngineError } from '../engine-error';
import type { MayorState } from '../../../src/api/schemas';
import { agentToIdle, change, idleChanges, moved, need, NEW_VALUE, shownProcess, type Ctx, type FamilyHandlers } from '../plan';

/** The system prompt's context rendered now, from the town as it is: what a fresh session starts with. */
function renderedContext(ctx: Ctx, previous: MayorState['system_prompt_context']): MayorState['system_prompt_context'] {
  const agents = ctx.town.agents().filter((a) => a.role === 'polecat');
  const open = ctx.town.openIssues();
  return {
    ...previous,
    open_beads: open.length
      ? `${open.length} open: ${open
          .slice(0, 10)
          .map((b) => `${b.title} (${b.status})`)
          .join('; ')}${open.length > 10 ? '; …' : ''}`
      : 'no open beads',
    agents: agents.map((a) => `${a.name} (${a.status})`).join(', ') || 'no polecats',
    rendered_at: ctx.now,
  };
}

/** Mayor actions take the Mayor's agent as target (its version is the If-Match) and act on the town's mayor session. */
function mayorTarget(ctx: Ctx) {
  const agent = need(ctx.town.agent(ctx.targetId), 'agent', ctx.targetId);
  if (agent.role !== 'mayor') throw new EngineError(400, 'bad_request', `${agent.name} is not the Mayor.`, { parameter: 'target' });
  const mayor = need(ctx.town.mayor(), 'mayor session', ctx.targetId);
  return { agent, mayor };
}

export const mayorHandlers: FamilyHandlers<'mayor'> = {
  'mayor.force_restart': (ctx) => {
    const { agent, mayor } = mayorTarget(ctx);
    const session = change('agent', agent.id, 'Mayor', 'session_id', mayor.session_id, NEW_VALUE);
    return {
      summary: `Restart the Mayor's session (was ${mayor.session_state}); a new kilo serve process starts with a freshly rendered system prompt.`,
      changes: [
        ...moved(change('agent', agent.id, 'Mayor', 'session_state', mayor.session_state, 'starting')),
        session,
        ...moved(
          change('agent', agent.id, 'Mayor', 'session_error', mayor.session_error, null),
          change('agent', agent.id, 'Mayor', 'status', agent.status, 'idle'),
          change('agent', agent.id, 'Mayor', 'current_hook_bead_id', agent.current_hook_bead_id, null),
          change('agent', agent.id, 'Mayor', 'process', shownProcess(ctx, agent), 'starting'),
        ),
      ],
      warnings:
        mayor.last_user_message && !mayor.last_user_message.answered
          ? ['The unanswered user message is not resent automatically: use "resend last user message" after the restart.']
          : [],
      apply: () => {
        const p = ctx.town.process(agent.id);
        if (p && p.status !== 'exited' && p.status !== 'failed')
          ctx.town.updateProcess(p.process_id, { status: 'exited', exited_at: ctx.now, exit_code: 143 });
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
        session.to = `ses_${ctx.newId().replace(/-/g, '').slice(0, 20)}`;
        ctx.town.updateMayor({
          session_state: 'starting',
          session_error: null,
          session_id: session.to as string,
          last_activity_at: ctx.now,
          system_prompt_context: renderedContext(ctx, mayor.system_prompt_context),
        });
        agentToIdle(ctx, agent, 'restarted by admin', { container_process_id: processId });
        return agent.version + 1;
      },
    };
  },
  'mayor.clear_conversation': (ctx) => {
    const { agent, mayor } = mayorTarget(ctx);
    const session = change('agent', agent.id, 'Mayor', 'session_id', mayor.session_id, NEW_VALUE);
    const pending = mayor.last_user_message && !mayor.last_user_message.answered ? mayor.last_user_message : null;
    // A new session starts in no process of its own: the patrol starts one for a healthy session that has none.
    const process = shownProcess(ctx, agent);
    const dead = process === null || process === 'failed' || process === 'exited' ? process : undefined;
    return {
      summary: `Start the Mayor on an empty conversation (new session); the old conversation stays in the agent's event history.${
        pending ? ' The unanswered user message stays pending: resend it once the conversation is cleared.' : ''
      }`,
      changes: [
        session,
        ...moved(
          change('agent', agent.id, 'Mayor', 'session_state', mayor.session_state, 'idle'),
          change('agent', agent.id, 'Mayor', 'session_error', mayor.session_error, null),
        ),
        // An empty conversation has no turn in progress: a Mayor that read "working" is idle after it.
        ...idleChanges(agent),
      ],
      warnings: [
        'The Mayor forgets the context of the current conversation.',
        ...(dead !== undefined
          ? [
              `No process runs for the Mayor (${dead === null ? 'none was started' : `its last one ${dead}`}): clearing does not start one; the patrol starts one for the new session on its next round, or force-restart the Mayor now.`,
            ]
          : []),
        ...(pending
          ? [
              `The user's unanswered message is kept, not dropped: “${pending.text.slice(0, 80)}${pending.text.length > 80 ? '…' : ''}”. Use “Resend last user message” after clearing so the Mayor answers it.`,
            ]
          : []),
      ],
      apply: () => {
        session.to = `ses_${ctx.newId().replace(/-/g, '').slice(0, 20)}`;
        ctx.town.updateMayor({
          session_id: session.to as string,
          session_state: 'idle',
          session_error: null,
          // An answered message is history; an unanswered one is work the Mayor still owes the user.
          last_user_message: pending,
          last_activity_at: ctx.now,
        });
        agentToIdle(ctx, agent, 'conversation cleared by admin');
        return agent.version + 1;
      },
    };
  },
  'mayor.resend_last_message': (ctx) => {
    const { agent, mayor } = mayorTarget(ctx);
    const message = mayor.last_user_message;
    if (!message) throw new EngineError(409, 'invalid_state', 'There is no user message to resend.', { field: 'last_user_message' });
    return {
      summary: `Send the user's last message again to the Mayor: “${message.text.slice(0, 80)}${message.text.length > 80 ? '…' : ''}”.`,
      changes: moved(
        change('agent', agent.id, 'Mayor', 'session_state', mayor.session_state, 'active'),
        change('agent', agent.id, 'Mayor', 'status', agent.status, 'working'),
        // An answered message sent again waits for its answer again.
        change('agent', agent.id, 'Mayor', 'pending_message', message.answered ? null : message.text, message.text),
      ),
      warnings:
        mayor.session_state === 'errored' ? ['The session is errored: restart the Mayor first or the message will fail again.'] : [],
      apply: () => {
        ctx.town.updateMayor({
          session_state: 'active',
          last_user_message: { ...message, at: ctx.now, answered: false },
          last_activity_at: ctx.now,
        });
        ctx.town.updateAgent(agent.id, { status: 'working', status_since: ctx.now, version: agent.version + 1 });
        ctx.town.addStatusChange(agent.id, 'working', ctx.now, 'user message resent by admin');
        return agent.version + 1;
      },
    };
  },
};
