import type { SearchHit, SearchKind, SearchLine } from '../../../api';

/** The town's own kinds, in the order the results list them (SDK events come last, per agent). */
export const TOWN_KINDS = ['bead', 'agent', 'dispatch', 'git', 'credential', 'timeline'] as const satisfies readonly SearchKind[];
export type TownKind = (typeof TOWN_KINDS)[number];

export const KIND_LABEL: Record<SearchKind, string> = {
  bead: 'Beads',
  agent: 'Agents',
  dispatch: 'Dispatch errors',
  git: 'Git stderr',
  credential: 'Credential errors',
  timeline: 'Timeline',
  sdk_event: 'SDK events',
};

export interface AgentHits {
  agentId: string;
  agentName: string;
  items: SearchHit[];
  total: number;
  capped: boolean;
}

/** What one search has found so far, built line by line as the stream arrives. */
export interface SearchResults {
  /** `searching` until the `done` line; `failed` when the stream broke or the server stopped early. */
  status: 'searching' | 'done' | 'failed';
  agentsTotal: number | null;
  agentsDone: number;
  town: Partial<Record<TownKind, { items: SearchHit[]; total: number }>>;
  /** Agents with matching SDK events, in the order their AgentDO answered. */
  agents: AgentHits[];
  agentErrors: { agentId: string; agentName: string; message: string }[];
  /** The server's own `error` line (the transport's errors are the hook's). */
  failure: { code: string; message: string } | null;
  tookMs: number | null;
}

export const EMPTY_RESULTS: SearchResults = {
  status: 'searching',
  agentsTotal: null,
  agentsDone: 0,
  town: {},
  agents: [],
  agentErrors: [],
  failure: null,
  tookMs: null,
};

const isTownKind = (kind: SearchKind): kind is TownKind => (TOWN_KINDS as readonly string[]).includes(kind);

/** Folds one NDJSON line into the results (pure; the hook calls it per line). */
export function addLine(state: SearchResults, line: SearchLine): SearchResults {
  switch (line.type) {
    case 'start':
      return { ...state, agentsTotal: line.agents_total };
    case 'hits':
      if (line.kind === 'sdk_event' && line.agent_id)
        return {
          ...state,
          agents: [
            ...state.agents,
            { agentId: line.agent_id, agentName: line.agent_name ?? 'agent', items: line.items, total: line.total, capped: line.capped },
          ],
        };
      if (isTownKind(line.kind)) return { ...state, town: { ...state.town, [line.kind]: { items: line.items, total: line.total } } };
      return state;
    case 'progress':
      return { ...state, agentsDone: line.agents_done, agentsTotal: line.agents_total };
    case 'agent_error':
      return {
        ...state,
        agentErrors: [...state.agentErrors, { agentId: line.agent_id, agentName: line.agent_name, message: line.message }],
      };
    case 'error':
      return { ...state, status: 'failed', failure: { code: line.code, message: line.message } };
    case 'done':
      return { ...state, status: 'done', agentsDone: line.agents_done, agentsTotal: line.agents_total, tookMs: line.took_ms };
  }
}

/** Matches found so far, across every kind (an agent's SDK events count by their total). */
export function matchCount(state: SearchResults): number {
  const town = Object.values(state.town).reduce((n, g) => n + (g?.total ?? 0), 0);
  return town + state.agents.reduce((n, a) => n + a.total, 0);
}

/** "searching 12 of 50 agents…" while the stream runs, then what was read and how long it took. */
export function progressText(state: SearchResults): string {
  const total = state.agentsTotal;
  if (state.status === 'searching')
    return total === null ? 'Searching the town…' : `Searching ${state.agentsDone} of ${total} agent${total === 1 ? '' : 's'}…`;
  const agents = `${state.agentsDone} of ${total ?? 0} agents’ SDK events`;
  if (state.status === 'failed') return `Stopped after the town’s rows and ${agents}.`;
  const took =
    state.tookMs === null ? '' : ` in ${state.tookMs < 1000 ? `${Math.round(state.tookMs)} ms` : `${(state.tookMs / 1000).toFixed(1)} s`}`;
  return `Searched the town’s rows and ${agents}${took}.`;
}

/** Text split around the query's occurrences (case-insensitive), for marking them; capped at 50 pieces. */
export function splitOnQuery(text: string, q: string): { text: string; match: boolean }[] {
  const needle = q.toLowerCase();
  if (!needle) return [{ text, match: false }];
  const lower = text.toLowerCase();
  const parts: { text: string; match: boolean }[] = [];
  let from = 0;
  for (let i = 0; i < 50; i++) {
    const at = lower.indexOf(needle, from);
    if (at < 0) break;
    if (at > from) parts.push({ text: text.slice(from, at), match: false });
    parts.push({ text: text.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false });
  return parts;
}
