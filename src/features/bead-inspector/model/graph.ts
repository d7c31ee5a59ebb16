import type { BeadGraph, BeadStatus, DependencyType, GraphNode, Open } from '../../../api';

/** Where a drawn bead stands relative to the focus along `blocks` edges. */
export type GraphRole = 'focus' | 'upstream' | 'downstream' | 'related';

export interface DrawnBead {
  kind: 'bead';
  id: string;
  bead: GraphNode;
  role: GraphRole;
  /** Failed beads that (transitively) block this unfinished bead. */
  blockedBehind: string[];
}

/** A run of parallel siblings (same neighbours, same edge types) drawn as one counted node. */
export interface DrawnGroup {
  kind: 'group';
  id: string;
  members: GraphNode[];
  role: GraphRole;
  counts: Partial<Record<Open<BeadStatus>, number>>;
}

export type DrawnNode = DrawnBead | DrawnGroup;

/** Drawn in dependency order: `source` is what `target` depends on (a blocker, a tracked bead, a parent). */
export interface DrawnEdge {
  id: string;
  source: string;
  target: string;
  type: DependencyType;
  /** On a `blocks` path into or out of the focus. */
  onFocusPath: boolean;
}

export interface BlockedChain {
  /** The failed bead at the head of the chain. */
  failed: GraphNode;
  /** Unfinished beads it holds up, nearest first (along `blocks` edges). */
  blocked: GraphNode[];
  /** True when the focus bead is one of them. */
  includesFocus: boolean;
}

export interface DrawnGraph {
  focusId: string;
  nodes: DrawnNode[];
  edges: DrawnEdge[];
  upstream: GraphNode[];
  downstream: GraphNode[];
  blockedChains: BlockedChain[];
  /** Groups that could be collapsed (id → member count), expanded or not. */
  collapsible: Map<string, number>;
}

export const FINAL_STATUSES: readonly BeadStatus[] = ['closed', 'failed'];
const isFinal = (s: Open<BeadStatus>) => (FINAL_STATUSES as readonly string[]).includes(s);

/** Runs shorter than this stay drawn bead by bead. */
export const MIN_COLLAPSED_RUN = 6;

export type Depth = 1 | 2 | 'all';
export const DEPTHS: readonly Depth[] = [1, 2, 'all'];

/** `?depth=` to a depth; anything unknown falls back to 2 (the API's default). */
export function parseDepth(raw: string | null): Depth {
  if (raw === '1') return 1;
  if (raw === 'all') return 'all';
  return 2;
}

export const depthToApi = (depth: Depth): number | null => (depth === 'all' ? null : depth);

function walk(start: string, next: Map<string, string[]>): string[] {
  const seen = new Set([start]);
  const order: string[] = [];
  let frontier = [start];
  while (frontier.length) {
    const following: string[] = [];
    for (const id of frontier) {
      for (const other of next.get(id) ?? []) {
        if (seen.has(other)) continue;
        seen.add(other);
        order.push(other);
        following.push(other);
      }
    }
    frontier = following;
  }
  return order;
}

function push(map: Map<string, string[]>, key: string, value: string) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The beads within `depth` hops of `focusId` over every dependency edge (both directions).
 * The API answers the same question; this lets a cached "all" graph be cut down without a request.
 */
export function selectNeighbourhood(graph: BeadGraph, focusId: string, depth: Depth): BeadGraph {
  const adjacency = new Map<string, string[]>();
  for (const e of graph.edges) {
    push(adjacency, e.bead_id, e.depends_on_bead_id);
    push(adjacency, e.depends_on_bead_id, e.bead_id);
  }
  const distance = new Map([[focusId, 0]]);
  let frontier = [focusId];
  for (let level = 1; frontier.length && (depth === 'all' || level <= depth); level++) {
    const next: string[] = [];
    for (const id of frontier)
      for (const other of adjacency.get(id) ?? [])
        if (!distance.has(other)) {
          distance.set(other, level);
          next.push(other);
        }
    frontier = next;
  }
  const nodes = graph.nodes.filter((n) => distance.has(n.id)).map((n) => ({ ...n, distance: distance.get(n.id)! }));
  return {
    ...graph,
    focus_bead_id: focusId,
    depth: depth === 'all' ? null : depth,
    nodes,
    edges: graph.edges.filter((e) => distance.has(e.bead_id) && distance.has(e.depends_on_bead_id)),
  };
}

/**
 * Turns the API's graph into what the canvas draws: roles relative to the focus, blocked chains
 * (an unfinished bead behind a failed one), and long runs of parallel siblings collapsed into one
 * counted node unless expanded.
 */
export function toDrawnGraph(
  graph: BeadGraph,
  options: { focusId?: string; expanded?: ReadonlySet<string>; minRun?: number } = {},
): DrawnGraph {
  const focusId = options.focusId ?? graph.focus_bead_id;
  const minRun = options.minRun ?? MIN_COLLAPSED_RUN;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const edges = graph.edges.filter((e) => byId.has(e.bead_id) && byId.has(e.depends_on_bead_id));

  // blocks: depends_on_bead_id blocks bead_id.
  const blocksOut = new Map<string, string[]>();
  const blocksIn = new Map<string, string[]>();
  for (const e of edges) {
    if (e.dependency_type !== 'blocks') continue;
    push(blocksOut, e.depends_on_bead_id, e.bead_id);
    push(blocksIn, e.bead_id, e.depends_on_bead_id);
  }
  const upstreamIds = byId.has(focusId) ? walk(focusId, blocksIn) : [];
  const downstreamIds = byId.has(focusId) ? walk(focusId, blocksOut) : [];
  const upstreamSet = new Set(upstreamIds);
  const downstreamSet = new Set(downstreamIds);
  const roleOf = (id: string): GraphRole =>
    id === focusId ? 'focus' : upstreamSet.has(id) ? 'upstream' : downstreamSet.has(id) ? 'downstream' : 'related';

  const blockedChains: BlockedChain[] = [];
  const blockedBehind = new Map<string, string[]>();
  for (const failed of graph.nodes) {
    if (failed.status !== 'failed') continue;
    const blocked = walk(failed.id, blocksOut)
      .map((id) => byId.get(id)!)
      .filter((n) => !isFinal(n.status));
    if (!blocked.length) continue;
    for (const n of blocked) push(blockedBehind, n.id, failed.id);
    blockedChains.push({ failed, blocked, includesFocus: blocked.some((n) => n.id === focusId) || failed.id === focusId });
  }
  blockedChains.sort((a, b) => Number(b.includesFocus) - Number(a.includesFocus) || b.blocked.length - a.blocked.length);

  // Parallel siblings: beads (not the focus) whose whole neighbourhood is identical.
  const signature = new Map<string, string[]>();
  for (const e of edges) {
    push(signature, e.bead_id, `o:${e.dependency_type}:${e.depends_on_bead_id}`);
    push(signature, e.depends_on_bead_id, `i:${e.dependency_type}:${e.bead_id}`);
  }
  const runs = new Map<string, string[]>();
  for (const n of graph.nodes) {
    if (n.id === focusId) continue;
    const sig = signature.get(n.id);
    if (!sig) continue;
    push(runs, [...sig].sort().join('|'), n.id);
  }
  const groupOf = new Map<string, string>();
  const collapsible = new Map<string, number>();
  const groups = new Map<string, DrawnGroup>();
  for (const ids of runs.values()) {
    if (ids.length < minRun) continue;
    const groupId = `group:${[...ids].sort()[0]}`;
    collapsible.set(groupId, ids.length);
    if (options.expanded?.has(groupId)) continue;
    const members = ids.map((id) => byId.get(id)!);
    const counts: DrawnGroup['counts'] = {};
    for (const m of members) counts[m.status] = (counts[m.status] ?? 0) + 1;
    groups.set(groupId, { kind: 'group', id: groupId, members, role: roleOf(ids[0]!), counts });
    for (const id of ids) groupOf.set(id, groupId);
  }

  const nodes: DrawnNode[] = [];
  for (const n of graph.nodes) {
    const group = groupOf.get(n.id);
    if (group) {
      if (groups.get(group)!.members[0]!.id === n.id) nodes.push(groups.get(group)!);
      continue;
    }
    nodes.push({ kind: 'bead', id: n.id, bead: n, role: roleOf(n.id), blockedBehind: blockedBehind.get(n.id) ?? [] });
  }

  const drawnEdges: DrawnEdge[] = [];
  const seenEdges = new Set<string>();
  for (const e of edges) {
    const source = groupOf.get(e.depends_on_bead_id) ?? e.depends_on_bead_id;
    const target = groupOf.get(e.bead_id) ?? e.bead_id;
    const id = `${e.dependency_type}:${source}->${target}`;
    if (source === target || seenEdges.has(id)) continue;
    seenEdges.add(id);
    const onFocusPath =
      e.dependency_type === 'blocks' &&
      ((upstreamSet.has(e.depends_on_bead_id) && (upstreamSet.has(e.bead_id) || e.bead_id === focusId)) ||
        ((downstreamSet.has(e.bead_id) || false) && (downstreamSet.has(e.depends_on_bead_id) || e.depends_on_bead_id === focusId)));
    drawnEdges.push({ id, source, target, type: e.dependency_type, onFocusPath });
  }

  return {
    focusId,
    nodes,
    edges: drawnEdges,
    upstream: upstreamIds.map((id) => byId.get(id)!),
    downstream: downstreamIds.map((id) => byId.get(id)!),
    blockedChains,
    collapsible,
  };
}
