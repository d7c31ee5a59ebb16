import { AgentRole, AgentStatus, type AgentListItem } from '../../../api';

/** The Agents tab's URL: `?role=polecat&status=stalled,dead&q=toast` (a saved view "stalled polecats" is exactly that). */
export interface AgentFilter {
  role: AgentRole[];
  status: AgentStatus[];
  q: string;
}

function parseList<T extends string>(raw: string | null, allowed: readonly T[]): T[] {
  if (!raw) return [];
  return raw.split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
}

/** Unknown values are ignored rather than failing the tab. */
export function parseAgentFilter(params: URLSearchParams): AgentFilter {
  return {
    role: parseList(params.get('role'), AgentRole.options),
    status: parseList(params.get('status'), AgentStatus.options),
    q: params.get('q') ?? '',
  };
}

export function writeAgentFilter(filter: AgentFilter, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(base);
  const set = (key: string, value: string) => (value ? next.set(key, value) : next.delete(key));
  set('role', filter.role.join(','));
  set('status', filter.status.join(','));
  set('q', filter.q);
  return next;
}

export const isAgentFilterEmpty = (f: AgentFilter) => f.role.length === 0 && f.status.length === 0 && f.q.trim() === '';

/**
 * Agents matching everything but the status filter: what the per-status counts describe. The text
 * matches name, identity or id, as the server's filter does for "all matching" (server/town/batches.ts).
 */
export function filterAgentsExceptStatus(agents: readonly AgentListItem[], filter: Pick<AgentFilter, 'role' | 'q'>): AgentListItem[] {
  const q = filter.q.trim().toLowerCase();
  const roles = filter.role.length ? new Set<string>(filter.role) : null;
  return agents.filter((a) => (!roles || roles.has(a.role)) && (!q || `${a.name}\n${a.identity}\n${a.id}`.toLowerCase().includes(q)));
}

export function filterAgents(agents: readonly AgentListItem[], filter: AgentFilter): AgentListItem[] {
  const base = filterAgentsExceptStatus(agents, filter);
  if (!filter.status.length) return base;
  const wanted = new Set<string>(filter.status);
  return base.filter((a) => wanted.has(a.status));
}

export function countAgentsByStatus(agents: readonly AgentListItem[]): Record<AgentStatus, number> {
  const counts: Record<AgentStatus, number> = { idle: 0, working: 0, waiting: 0, stalled: 0, dead: 0 };
  for (const a of agents) if (Object.hasOwn(counts, a.status)) counts[a.status as AgentStatus]++;
  return counts;
}
