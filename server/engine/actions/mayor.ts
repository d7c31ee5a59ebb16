import { EngineError } from '../engine-error';
import { agentToIdle, change, need, type Ctx, type FamilyHandlers } from '../plan';

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
    return {
      summary: `Restart the Mayor's session (was ${mayor.session_state}); a new kilo serve process starts with a freshly rendered system prompt.`,
      changes: [change('agent', agent.id, 'Mayor', 'session_state', mayor.session_state, 'starting')],
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
        ctx.town.updateMayor({
          session_state: 'starting',
          session_error: null,
          session_id: `ses_${ctx.newId().replace(/-/g, '').slice(0, 20)}`,
          last_activity_at: ctx.now,
        });
        agentToIdle(ctx, agent, 'restarted by admin', { container_process_id: processId });
        return agent.version + 1;
      },
    };
  },
  'mayor.clear_conversation': (ctx) => {
    const { agent, mayor } = mayorTarget(ctx);
    return {
      summary: "Start the Mayor on an empty conversation (new session); the old conversation stays in the agent's event history.",
      changes: [change('agent', agent.id, 'Mayor', 'session_id', mayor.session_id, '(new)')],
      warnings: ['The Mayor forgets the context of the current conversation.'],
      apply: () => {
        ctx.town.updateMayor({
          session_id: `ses_${ctx.newId().replace(/-/g, '').slice(0, 20)}`,
          session_state: 'idle',
          session_error: null,
          last_user_message: null,
          last_activity_at: ctx.now,
        });
        ctx.town.updateAgent(agent.id, { version: agent.version + 1, agent_status_message: 'conversation cleared by admin' });
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
      changes: [change('agent', agent.id, 'Mayor', 'session_state', mayor.session_state, 'active')],
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
