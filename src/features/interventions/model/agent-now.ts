import type { AgentDetail } from '../../../api';

const quote = (s: string) => `“${s}”`;
// A process in one of these states is the agent's: anything else means nothing runs for it.
const LIVE = new Set(['starting', 'running', 'stopping']);

/**
 * What an agent is now, as one statement: its status, its hook, the Mayor's session, and whether a process
 * runs for it. A process that failed or exited is said as "no process runs for it (its last one failed)",
 * never beside "working" as if both held ("working … process failed; session idle" read as three states).
 */
export function describeAgentNow(detail: Pick<AgentDetail, 'agent' | 'process' | 'mayor'>): string {
  const a = detail.agent;
  const hook = a.current_hook_bead_id ? `hooked to ${quote(a.hooked_bead_title ?? a.current_hook_bead_id)}` : 'hooked to nothing';
  const session = detail.mayor ? `, session ${detail.mayor.session_state}` : '';
  const p = detail.process;
  const process =
    p === null
      ? 'no process runs for it'
      : LIVE.has(p.status)
        ? `its process is ${p.status}`
        : `no process runs for it (its last one ${p.status})`;
  return `${a.name} is now ${a.status}, ${hook}${session}; ${process}.`;
}
