import type {
  AgentDetail,
  AgentListItem,
  BeadDetail,
  BeadGraph,
  BeadListItem,
  BeadPage,
  BeadStatus,
  ContainerState,
  Convoy,
  EnvVar,
  GraphNode,
  ReviewEntry,
  ReviewQueue,
  TimelineEvent,
  TimelinePage,
  TokenUsage,
  TownConfigResponse,
  TownUsage,
} from '../../api';
import type { TownSeed } from '../scenarios';
import {
  adminTimelineEvent,
  agentStatusTimelineEvent,
  beadTimelineEvent,
  containerTimelineEvent,
  credentialTimelineEvent,
  dispatchTimelineEvent,
  gitTimelineEvent,
} from '../scenarios/timeline-events';
import { lastSdkEventAt } from './streams';

const DAY_MS = 24 * 3600_000;
const PRIORITY_RANK = { low: 0, medium: 1, high: 2, critical: 3 } as const;
const SECRET_MASK = '****';

export function maskEnv(env: TownSeed['env']): EnvVar[] {
  return env.map((v) => ({ key: v.key, value: v.secret ? SECRET_MASK : v.value, secret: v.secret }));
}

function agentName(town: TownSeed, id: string | null): string | null {
  return id ? (town.agents.find((a) => a.id === id)?.name ?? null) : null;
}

/** The agent's process: the one it points at, else its latest (as the worker reads it): a restart leaves the old one behind, exited. */
function currentProcess(town: TownSeed, agent: Pick<AgentListItem, 'id' | 'container_process_id'>) {
  const own = town.processes.filter((p) => p.agent_id === agent.id);
  return (
    own.find((p) => p.process_id === agent.container_process_id) ??
    own.reduce<(typeof own)[number] | null>((latest, p) => (!latest || p.started_at > latest.started_at ? p : latest), null)
  );
}

export function toAgentListItem(town: TownSeed, agentId: string, now: number): AgentListItem | null {
  const a = town.agents.find((x) => x.id === agentId);
  if (!a) return null;
  return {
    ...a,
    hooked_bead_title: a.current_hook_bead_id ? (town.beads.find((b) => b.id === a.current_hook_bead_id)?.title ?? null) : null,
    last_sdk_event_at: lastSdkEventAt(town, a.id),
    process_status: currentProcess(town, a)?.status ?? null,
    tokens_24h: town.usage
      .filter((u) => u.agent_id === a.id && now - Date.parse(u.at) <= DAY_MS)
      .reduce((s, u) => s + u.input_tokens + u.output_tokens, 0),
  };
}

export function lastEventAtByBead(town: TownSeed): Map<string, string> {
  const last = new Map<string, string>();
  for (const e of town.bead_events) {
    const prev = last.get(e.bead_id);
    if (!prev || e.created_at > prev) last.set(e.bead_id, e.created_at);
  }
  return last;
}

export interface BeadFilter {
  status?: string[];
  type?: string[];
  label?: string;
  q?: string;
  sort?: string;
  cursor?: number;
  limit: number;
}

const SORTABLE = new Set(['created_at', 'updated_at', 'priority', 'status', 'type', 'title', 'dispatch_attempts', 'last_event_at']);
export function isSortable(sort: string): boolean {
  return SORTABLE.has(sort.replace(/^-/, ''));
}

export function toBeadPage(town: TownSeed, filter: BeadFilter, lastEvents: Map<string, string>): BeadPage {
  const q = filter.q?.toLowerCase();
  const base = town.beads.filter(
    (b) =>
      (!filter.type?.length || filter.type.includes(b.type)) &&
      (!filter.label || b.labels.includes(filter.label)) &&
      (!q || b.title.toLowerCase().includes(q) || b.id.startsWith(q)),
  );
  const counts: Record<BeadStatus, number> = { open: 0, in_progress: 0, in_review: 0, closed: 0, failed: 0 };
  for (const b of base) counts[b.status]++;
  const rows = base.filter((b) => !filter.status?.length || filter.status.includes(b.status));
  const sort = filter.sort ?? '-updated_at';
  const desc = sort.startsWith('-');
  const key = sort.replace(/^-/, '');
  const value = (b: (typeof rows)[number]): string | number =>
    key === 'priority'
      ? PRIORITY_RANK[b.priority]
      : key === 'last_event_at'
        ? (lastEvents.get(b.id) ?? '')
        : ((b as unknown as Record<string, string | number>)[key] ?? '');
  rows.sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    const c = va < vb ? -1 : va > vb ? 1 : a.id.localeCompare(b.id);
    return desc ? -c : c;
  });
  const start = filter.cursor ?? 0;
  const slice = rows.slice(start, start + filter.limit);
  const items: BeadListItem[] = slice.map(({ body: _body, ...b }) => ({
    ...b,
    assignee_name: agentName(town, b.assignee_agent_bead_id),
    last_event_at: lastEvents.get(b.id) ?? null,
  }));
  const next = start + filter.limit < rows.length ? String(start + filter.limit) : null;
  return { items, next_cursor: next, total: rows.length, counts };
}

export function toReviewEntry(town: TownSeed, r: TownSeed['reviews'][number]): ReviewEntry {
  const bead = town.beads.find((b) => b.id === r.bead_id);
  return {
    ...r,
    title: bead?.title ?? r.branch,
    status: bead?.status ?? 'open',
    rig_id: bead?.rig_id ?? null,
    refinery_name: agentName(town, r.refinery_agent_id),
    version: bead?.version ?? 1,
  };
}

export function toConvoy(town: TownSeed, beadId: string): Convoy | null {
  const row = town.convoys.find((c) => c.bead_id === beadId);
  const bead = town.beads.find((b) => b.id === beadId);
  if (!row || !bead) return null;
  const landing = row.landing_mr_bead_id ? town.reviews.find((r) => r.bead_id === row.landing_mr_bead_id) : undefined;
  return {
    ...row,
    title: bead.title,
    status: bead.status,
    landing_mr_state: landing?.review_state ?? null,
    tracked: town.dependencies
      .filter((d) => d.bead_id === beadId && d.dependency_type === 'tracks')
      .map((d) => {
        const t = town.beads.find((b) => b.id === d.depends_on_bead_id);
        return { bead_id: d.depends_on_bead_id, title: t?.title ?? null, status: t?.status ?? null, present: Boolean(t) };
      }),
  };
}

export function toBeadDetail(town: TownSeed, beadId: string, now: number): BeadDetail | null {
  const bead = town.beads.find((b) => b.id === beadId);
  if (!bead) return null;
  const hooked = town.agents.find((a) => a.current_hook_bead_id === bead.id);
  const mrIds = new Set(
    town.dependencies.filter((d) => d.depends_on_bead_id === bead.id && d.dependency_type === 'tracks').map((d) => d.bead_id),
  );
  return {
    bead,
    hooked_agent: hooked ? toAgentListItem(town, hooked.id, now) : null,
    assignments: town.assignments.filter((a) => a.bead_id === bead.id).sort((a, b) => a.started_at.localeCompare(b.started_at)),
    merge_requests: town.reviews.filter((r) => mrIds.has(r.bead_id) || r.source_bead_id === bead.id).map((r) => toReviewEntry(town, r)),
    dispatch_attempts: town.dispatch_attempts.filter((d) => d.bead_id === bead.id).sort((a, b) => a.created_at.localeCompare(b.created_at)),
    convoy: bead.type === 'convoy' ? toConvoy(town, bead.id) : null,
    member_of_convoys: town.dependencies
      .filter((d) => d.depends_on_bead_id === bead.id && d.dependency_type === 'tracks')
      .map((d) => town.beads.find((b) => b.id === d.bead_id && b.type === 'convoy'))
      .filter((b) => b !== undefined)
      .map((b) => ({ bead_id: b!.id, title: b!.title })),
  };
}

/** Breadth-first neighbourhood over every dependency edge, both directions, up to `depth` hops. */
export function toBeadGraph(town: TownSeed, beadId: string, depth: number | null, maxNodes = 5000): BeadGraph | null {
  const focus = town.beads.find((b) => b.id === beadId);
  if (!focus) return null;
  const adjacency = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = adjacency.get(a);
    if (list) list.push(b);
    else adjacency.set(a, [b]);
  };
  for (const d of town.dependencies) {
    link(d.bead_id, d.depends_on_bead_id);
    link(d.depends_on_bead_id, d.bead_id);
  }
  const distance = new Map<string, number>([[focus.id, 0]]);
  let frontier = [focus.id];
  let truncated = false;
  for (let level = 1; frontier.length > 0 && (depth === null || level <= depth); level++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const other of adjacency.get(id) ?? []) {
        if (distance.has(other)) continue;
        if (distance.size >= maxNodes) {
          truncated = true;
          break;
        }
        distance.set(other, level);
        next.push(other);
      }
    }
    frontier = next;
  }
  const byId = new Map(town.beads.map((b) => [b.id, b]));
  const nodes: GraphNode[] = [];
  for (const [id, dist] of distance) {
    const b = byId.get(id);
    if (!b) continue;
    nodes.push({
      id,
      type: b.type,
      status: b.status,
      title: b.title,
      priority: b.priority,
      assignee_name: agentName(town, b.assignee_agent_bead_id),
      distance: dist,
    });
  }
  const present = new Set(nodes.map((n) => n.id));
  return {
    focus_bead_id: focus.id,
    depth,
    nodes,
    edges: town.dependencies.filter((d) => present.has(d.bead_id) && present.has(d.depends_on_bead_id)),
    truncated,
  };
}

export function toTokenUsage(town: TownSeed, agentId: string): TokenUsage {
  const rows = town.usage.filter((u) => u.agent_id === agentId).sort((a, b) => a.at.localeCompare(b.at));
  const perBead = new Map<string, TokenUsage['per_bead'][number]>();
  for (const u of rows) {
    const key = u.bead_id ?? '';
    const row = perBead.get(key) ?? {
      bead_id: u.bead_id,
      bead_title: u.bead_id ? (town.beads.find((b) => b.id === u.bead_id)?.title ?? null) : null,
      input_tokens: 0,
      output_tokens: 0,
      cost_microdollars: 0,
    };
    row.input_tokens += u.input_tokens;
    row.output_tokens += u.output_tokens;
    row.cost_microdollars += u.cost_microdollars;
    perBead.set(key, row);
  }
  return {
    agent_id: agentId,
    input_tokens: rows.reduce((s, u) => s + u.input_tokens, 0),
    output_tokens: rows.reduce((s, u) => s + u.output_tokens, 0),
    cost_microdollars: rows.reduce((s, u) => s + u.cost_microdollars, 0),
    per_bead: [...perBead.values()].sort((a, b) => b.cost_microdollars - a.cost_microdollars),
    series: rows
      .slice(-500)
      .map(({ at, input_tokens, output_tokens, cost_microdollars }) => ({ at, input_tokens, output_tokens, cost_microdollars })),
  };
}

export function toAgentDetail(town: TownSeed, agentId: string, now: number): AgentDetail | null {
  const agent = toAgentListItem(town, agentId, now);
  if (!agent) return null;
  const stream = town.sdk_streams.find((s) => s.agent_id === agentId);
  const mayor = town.mayor && town.mayor.agent_id === agentId ? (({ agent_id: _a, ...m }) => m)(town.mayor) : null;
  return {
    agent,
    status_history: town.agent_status_history
      .filter((h) => h.agent_id === agentId)
      .sort((a, b) => a.at.localeCompare(b.at))
      .map(({ agent_id: _a, ...h }) => h),
    hooked_beads: town.assignments
      .filter((a) => a.agent_id === agentId)
      .sort((a, b) => b.started_at.localeCompare(a.started_at))
      .map((a) => {
        const bead = town.beads.find((b) => b.id === a.bead_id);
        return {
          bead_id: a.bead_id,
          title: bead?.title ?? a.bead_title,
          status: bead?.status ?? null,
          hooked_at: a.started_at,
          unhooked_at: a.ended_at,
          outcome: a.outcome,
        };
      }),
    dispatch_attempts: town.dispatch_attempts
      .filter((d) => d.agent_id === agentId)
      .sort((a, b) => b.created_at.localeCompare(a.created_at)),
    git_operations: town.git_operations.filter((g) => g.agent_id === agentId).sort((a, b) => b.created_at.localeCompare(a.created_at)),
    token_usage: toTokenUsage(town, agentId),
    process: currentProcess(town, agent),
    event_count: stream?.total ?? 0,
    mayor,
  };
}

export function toReviewQueue(town: TownSeed): ReviewQueue {
  const entries = town.reviews.map((r) => toReviewEntry(town, r)).sort((a, b) => b.enqueued_at.localeCompare(a.enqueued_at));
  return {
    merge_strategy: town.config.merge_strategy,
    depth: town.reviews.filter((r) => r.review_state === 'pending' || r.review_state === 'running').length,
    entries: entries.filter((e) => e.review_state !== 'merged').concat(entries.filter((e) => e.review_state === 'merged').slice(0, 50)),
    samples: town.review_samples,
  };
}

export function toContainerState(town: TownSeed): ContainerState {
  return {
    ...town.container,
    town_id: town.town.id,
    sleep_after_minutes: town.config.container.sleep_after_minutes,
    processes: town.processes,
    env_vars: maskEnv(town.env),
    events: [...town.container_events].sort((a, b) => b.created_at.localeCompare(a.created_at)).slice(0, 200),
    resources: town.resource_samples,
  };
}

export function toConfigResponse(town: TownSeed): TownConfigResponse {
  return {
    config: { ...town.config, env_vars: maskEnv(town.env), git_auth: { ...town.config.git_auth, token_set: town.git_token !== null } },
    rigs: town.rigs.map((rig) => {
      const rc = town.rig_configs.find((c) => c.rig_id === rig.id);
      return {
        rig,
        max_polecats: rc?.max_polecats ?? null,
        model_override: rc?.model_override ?? null,
        custom_instructions: rc?.custom_instructions ?? null,
        version: rc?.version ?? 1,
      };
    }),
    credentials: town.credentials,
    credential_events: [...town.credential_events].sort((a, b) => b.created_at.localeCompare(a.created_at)).slice(0, 100),
    git_failures: town.git_operations.filter((g) => g.outcome === 'failure').sort((a, b) => b.created_at.localeCompare(a.created_at)),
  };
}

export function toTownUsage(town: TownSeed, now: number): TownUsage {
  return {
    items: town.agents.map((a) => {
      const rows = town.usage.filter((u) => u.agent_id === a.id && now - Date.parse(u.at) <= DAY_MS);
      return {
        agent_id: a.id,
        name: a.name,
        role: a.role,
        hooked_bead_id: a.current_hook_bead_id,
        input_tokens_24h: rows.reduce((s, u) => s + u.input_tokens, 0),
        output_tokens_24h: rows.reduce((s, u) => s + u.output_tokens, 0),
        cost_microdollars_24h: rows.reduce((s, u) => s + u.cost_microdollars, 0),
      };
    }),
  };
}

/** Every row of the unified timeline, newest first (MSW builds it whole; the worker pages it in SQL). */
export function toTimeline(town: TownSeed): TimelineEvent[] {
  const beadTitle = new Map(town.beads.map((b) => [b.id, b.title]));
  const rigName = new Map(town.rigs.map((r) => [r.id, r.name]));
  const rows: TimelineEvent[] = [
    ...town.bead_events.map((e) => ({
      id: `bead:${e.id}`,
      kind: 'bead' as const,
      at: e.created_at,
      ...beadTimelineEvent(e, beadTitle.get(e.bead_id) ?? null),
    })),
    ...town.agent_status_history.map((h, i) => ({
      id: `agent:${h.agent_id}:${i}`,
      kind: 'agent' as const,
      at: h.at,
      ...agentStatusTimelineEvent(h, agentName(town, h.agent_id)),
    })),
    ...town.dispatch_attempts.map((d) => ({
      id: `dispatch:${d.id}`,
      kind: 'dispatch' as const,
      at: d.created_at,
      ...dispatchTimelineEvent(d),
    })),
    ...town.container_events.map((c) => ({
      id: `container:${c.id}`,
      kind: 'container' as const,
      at: c.created_at,
      ...containerTimelineEvent(c),
    })),
    ...town.git_operations.map((g) => ({ id: `git:${g.id}`, kind: 'git' as const, at: g.created_at, ...gitTimelineEvent(g) })),
    ...town.credential_events.map((c) => ({
      id: `credential:${c.id}`,
      kind: 'credential' as const,
      at: c.created_at,
      ...credentialTimelineEvent(c, rigName.get(c.rig_id) ?? null),
    })),
    ...town.audit_log.map((a) => ({ id: `admin:${a.id}`, kind: 'admin' as const, at: a.at, ...adminTimelineEvent(a) })),
  ];
  if (town.scenario === 'large') rows.push(...toBenchAgentChurn(town, LARGE_TIMELINE_ROWS - rows.length));
  return rows.sort((a, b) => (a.at === b.at ? b.id.localeCompare(a.id) : b.at.localeCompare(a.at)));
}

/** The benchmark town's timeline holds this many rows (the Town Inspector bench scrolls 50k). */
export const LARGE_TIMELINE_ROWS = 50_000;

/**
 * Status churn of the benchmark town's polecats (working ↔ waiting ↔ idle every few minutes over its
 * history), derived from the row index: it fills the timeline to its bench size without storing rows.
 */
export function toBenchAgentChurn(town: TownSeed, count: number): TimelineEvent[] {
  const polecats = town.agents.filter((a) => a.role === 'polecat');
  if (count <= 0 || polecats.length === 0) return [];
  const end = Date.parse(town.town.updated_at);
  const start = Date.parse(town.town.created_at);
  const step = Math.max(1000, Math.floor((end - start) / count));
  const cycle = ['working', 'waiting', 'working', 'idle'] as const;
  const rows: TimelineEvent[] = [];
  for (let i = 0; i < count; i++) {
    const agent = polecats[i % polecats.length]!;
    const status = cycle[Math.floor(i / polecats.length) % cycle.length]!;
    const reason = status === 'waiting' ? 'waiting for review' : status === 'idle' ? 'work submitted' : 'hooked next bead';
    rows.push({
      id: `agent:churn:${i}`,
      kind: 'agent',
      at: new Date(end - (i + 1) * step).toISOString(),
      ...agentStatusTimelineEvent({ agent_id: agent.id, status, reason }, agent.name),
    });
  }
  return rows;
}

export function pageTimeline(
  all: TimelineEvent[],
  query: { before?: string; limit: number; kind?: string[]; entity?: string; from?: string; to?: string },
): TimelinePage {
  const filtered = all.filter(
    (r) =>
      (!query.kind?.length || query.kind.includes(r.kind)) &&
      (!query.entity || r.bead_id === query.entity || r.agent_id === query.entity) &&
      (!query.from || r.at >= query.from) &&
      (!query.to || r.at <= query.to),
  );
  const start = query.before ? Number(query.before) : 0;
  const items = filtered.slice(start, start + query.limit);
  return { items, next_cursor: start + query.limit < filtered.length ? String(start + query.limit) : null, total: filtered.length };
}
