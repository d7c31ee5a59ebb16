import type { AgentListItem } from '../../../api';

/** An SDK event within this window counts as the agent actually doing something. */
export const WORKING_WINDOW_MS = 10 * 60_000;

export type WorkVerdict = { working: true } | { working: false; why: string };

/**
 * Whether an agent is actually working, not just marked so: it is `working`/`waiting`, hooked to a
 * bead, and its session produced an SDK event recently. Zombies (working without a hook) burn tokens
 * for nothing; a working agent with a silent session is stuck.
 */
export function getWorkVerdict(agent: AgentListItem, now: number): WorkVerdict {
  if (agent.status !== 'working' && agent.status !== 'waiting') return { working: false, why: agent.status };
  // The mayor and the refinery work without a hooked bead of their own.
  if (agent.role === 'polecat' && !agent.current_hook_bead_id) return { working: false, why: 'no hooked bead' };
  const last = agent.last_sdk_event_at ? Date.parse(agent.last_sdk_event_at) : NaN;
  if (Number.isNaN(last)) return { working: false, why: 'no SDK events' };
  if (now - last > WORKING_WINDOW_MS) return { working: false, why: 'session silent' };
  if (agent.process_status && agent.process_status !== 'running' && agent.process_status !== 'starting')
    return { working: false, why: `process ${agent.process_status}` };
  return { working: true };
}

export function isTroubled(agent: AgentListItem): boolean {
  return agent.status === 'stalled' || agent.status === 'dead';
}

const ROLE_ORDER: Readonly<Record<string, number>> = { mayor: 0, refinery: 1, polecat: 2 };
/** A role this panel does not know (`witness` in old towns) sorts after the known ones. */
const roleOrder = (role: string) => ROLE_ORDER[role] ?? 3;

/** Stalled and dead first (they are why the admin is here), then by role and name. */
export function sortAgents(agents: readonly AgentListItem[]): AgentListItem[] {
  return [...agents].sort(
    (a, b) => Number(isTroubled(b)) - Number(isTroubled(a)) || roleOrder(a.role) - roleOrder(b.role) || a.name.localeCompare(b.name),
  );
}

export function summarizeAgents(agents: readonly AgentListItem[], now: number) {
  let active = 0;
  let working = 0;
  let troubled = 0;
  for (const a of agents) {
    if (a.status === 'working' || a.status === 'waiting') active++;
    if (getWorkVerdict(a, now).working) working++;
    if (isTroubled(a)) troubled++;
  }
  return { total: agents.length, active, working, troubled };
}
