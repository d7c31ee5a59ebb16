import { noteMayorAnswered, noteMayorLoopEnded } from '../town/mayor-recovery';
import { clearCondition, condition } from './conditions';
import type { PatrolStep } from './tick';
import { agentsWhere, endProcess, liveProcess, recordUsage, sendSdkEvents, setAgentStatus, startProcess } from './world';
import { toolCall } from './work';

const LOOP_ERROR = 'Session aborted: tool call loop detected';

/**
 * The Mayor: a started session is ready once its process runs; a ready session answers the user's
 * unanswered message (an assistant reply in its stream, the message marked answered). A session stuck in
 * its tool-call loop (the `mayor_loop` condition, tied to that session id) loops again whenever it is
 * given work and errors out; only a new session (a restart) escapes it, and the patrol notes that way
 * out (the loop's error, when the new session answered) for diagnosis to read as resolved.
 */
export const mayorStep: PatrolStep = {
  name: 'mayor',
  run(tick) {
    const agent = agentsWhere(tick, `role = 'mayor'`)[0];
    const state = tick.town.mayor();
    if (!agent || !state || agent.status === 'dead') return;
    const loop = condition(tick, 'mayor_loop', agent.id);
    if (loop && loop.detail.session_id !== state.session_id) {
      clearCondition(tick, 'mayor_loop', agent.id);
      noteMayorLoopEnded(tick.sql, agent.id, String(loop.detail.error ?? LOOP_ERROR), tick.iso);
    }
    const looping = loop !== null && loop.detail.session_id === state.session_id;
    if (tick.town.container().status !== 'running' || state.session_state === 'errored') return;
    const process = liveProcess(tick, agent.id);
    if (!process) {
      // The container restarted under a healthy session: the Mayor's session starts again.
      const processId = startProcess(tick, agent);
      tick.town.updateAgent(agent.id, { container_process_id: processId });
      return;
    }
    if (process.status !== 'running') return;
    if (state.session_state === 'starting') {
      tick.town.updateMayor({ session_state: 'idle', last_activity_at: tick.iso });
      sendSdkEvents(tick, agent.id, [{ type: 'server.connected', properties: {} }]);
      return;
    }
    const message = state.last_user_message;
    if (!message || message.answered) return;
    if (looping) {
      const error = String(loop.detail.error ?? LOOP_ERROR);
      const tool = String(loop.detail.tool ?? 'read');
      sendSdkEvents(tick, agent.id, [
        ...Array.from({ length: 6 }, () => toolCall(tick, tool, { filePath: '.gastown/town-state.json' }, 'completed')),
        { type: 'error', properties: { error: { name: 'ToolLoopError', message: error } } },
        { type: 'session.idle', properties: {} },
      ]);
      endProcess(tick, process, 1, 'failed');
      tick.town.updateMayor({ session_state: 'errored', session_error: error, last_activity_at: tick.iso });
      tick.town.updateAgent(agent.id, { agent_status_message: 'Reading town state', active_tools: [tool] });
      return;
    }
    sendSdkEvents(tick, agent.id, [
      { type: 'message.created', properties: { info: { role: 'assistant' }, text: `On it: ${message.text.slice(0, 160)}` } },
      { type: 'session.idle', properties: {} },
    ]);
    recordUsage(tick, agent.id, null, tick.rng.int(6_000, 14_000), tick.rng.int(400, 1_200));
    tick.town.updateMayor({ session_state: 'idle', last_user_message: { ...message, answered: true }, last_activity_at: tick.iso });
    setAgentStatus(tick, agent, 'idle', 'answered the user', { active_tools: [] });
    noteMayorAnswered(tick.sql, agent.id, tick.iso);
  },
};
