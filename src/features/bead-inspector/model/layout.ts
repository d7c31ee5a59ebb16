import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';

/**
 * Graph layout with elkjs `layered`, React-free so it runs in a Web Worker and in Node tests.
 * Speed comes from (TOOLCHAIN.md): tuned options, one ELK run per connected component (each cached
 * by its shape, then packed onto shelves), and a small focus neighbourhood laid out first.
 */

export interface LayoutNodeInput {
  id: string;
  width: number;
  height: number;
}
export interface LayoutEdgeInput {
  id: string;
  source: string;
  target: string;
}
export interface LayoutInput {
  nodes: LayoutNodeInput[];
  edges: LayoutEdgeInput[];
}

export interface Point {
  x: number;
  y: number;
}

export interface LayoutResult {
  /** Top-left corner of every node. */
  nodes: Record<string, Point>;
  /** Polyline of every edge, start to end, in the same coordinates. */
  edges: Record<string, Point[]>;
  width: number;
  height: number;
  components: number;
  cacheHits: number;
  ms: number;
}

/** What the layout needs of ELK (the bundled build in Node and workers, or a worker-backed instance). */
export interface ElkLike {
  layout(graph: ElkNode): Promise<ElkNode>;
}

/**
 * Tuned for big graphs: thoroughness 1 and no greedy switch cut crossing minimisation, linear
 * segments place nodes in one pass, polyline routing skips orthogonal routing. ~1/3 faster than
 * the defaults on town-shaped graphs; `force`/`stress` take minutes and are not an option.
 */
export const LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'POLYLINE',
  'elk.layered.thoroughness': '1',
  'elk.layered.nodePlacement.strategy': 'LINEAR_SEGMENTS',
  'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
  'elk.layered.spacing.nodeNodeBetweenLayers': '56',
  'elk.spacing.nodeNode': '18',
  'elk.spacing.edgeNode': '12',
  'elk.padding': '[top=0,left=0,bottom=0,right=0]',
  'elk.separateConnectedComponents': 'false',
};

const COMPONENT_GAP = 72;

/** Above this many nodes the focus neighbourhood is laid out and drawn first, then the whole graph. */
export const PREVIEW_ABOVE = 60;
/** How far the first view reaches from the focus (undirected hops). */
export const PREVIEW_HOPS = 2;

interface ComponentLayout {
  nodes: Record<string, Point>;
  edges: Record<string, Point[]>;
  width: number;
  height: number;
}

/** Layouts by component shape; lives as long as the worker (or the caller's map). */
export type LayoutCache = Map<string, ComponentLayout>;

/** Splits a graph into connected components (union-find), each with its own edges. */
export function connectedComponents(input: LayoutInput): LayoutInput[] {
  const index = new Map(input.nodes.map((n, i) => [n.id, i]));
  const parent = input.nodes.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const edges = input.edges.filter((e) => index.has(e.source) && index.has(e.target));
  for (const e of edges) {
    const a = find(index.get(e.source)!);
    const b = find(index.get(e.target)!);
    if (a !== b) parent[a] = b;
  }
  const groups = new Map<number, LayoutInput>();
  input.nodes.forEach((n, i) => {
    const root = find(i);
    const group = groups.get(root) ?? { nodes: [], edges: [] };
    group.nodes.push(n);
    groups.set(root, group);
  });
  for (const e of edges) groups.get(find(index.get(e.source)!))!.edges.push(e);
  return [...groups.values()];
}

/** The beads within `hops` of the focus (undirected): what the first, fast layout shows. */
export function neighbourhoodOf(input: LayoutInput, focusId: string, hops: number): LayoutInput {
  const adjacency = new Map<string, string[]>();
  for (const e of input.edges) {
    (adjacency.get(e.source) ?? adjacency.set(e.source, []).get(e.source)!).push(e.target);
    (adjacency.get(e.target) ?? adjacency.set(e.target, []).get(e.target)!).push(e.source);
  }
  const keep = new Set([focusId]);
  let frontier = [focusId];
  for (let h = 0; h < hops && frontier.length; h++) {
    const next: string[] = [];
    for (const id of frontier)
      for (const o of adjacency.get(id) ?? [])
        if (!keep.has(o)) {
          keep.add(o);
          next.push(o);
        }
    frontier = next;
  }
  return { nodes: input.nodes.filter((n) => keep.has(n.id)), edges: input.edges.filter((e) => keep.has(e.source) && keep.has(e.target)) };
}

/** A key for a component's shape: same nodes, sizes and edges → same layout. */
export function shapeKey(component: LayoutInput): string {
  const nodes = component.nodes.map((n) => `${n.id}:${n.width}x${n.height}`).sort();
  const edges = component.edges.map((e) => `${e.source}>${e.target}`).sort();
  return `${nodes.join(',')}|${edges.join(',')}`;
}

async function layoutComponent(component: LayoutInput, elk: ElkLike): Promise<ComponentLayout> {
  if (component.nodes.length === 1 && component.edges.length === 0) {
    const n = component.nodes[0]!;
    return { nodes: { [n.id]: { x: 0, y: 0 } }, edges: {}, width: n.width, height: n.height };
  }
  const root = await elk.layout({
    id: 'root',
    layoutOptions: LAYOUT_OPTIONS,
    children: component.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: component.edges.map<ElkExtendedEdge>((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const nodes: Record<string, Point> = {};
  for (const child of root.children ?? []) nodes[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
  const edges: Record<string, Point[]> = {};
  for (const edge of (root.edges ?? []) as ElkExtendedEdge[]) {
    const section = edge.sections?.[0];
    if (section) edges[edge.id] = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
  }
  return { nodes, edges, width: root.width ?? 0, height: root.height ?? 0 };
}

/**
 * Lays out every connected component on its own (cached by shape), then packs them onto shelves:
 * the component holding `focusId` first, the rest largest first.
 */
export async function layoutGraph(
  input: LayoutInput,
  elk: ElkLike,
  options: { focusId?: string; cache?: LayoutCache } = {},
): Promise<LayoutResult> {
  const started = performance.now();
  const components = connectedComponents(input).sort((a, b) => {
    const fa = options.focusId && a.nodes.some((n) => n.id === options.focusId) ? 1 : 0;
    const fb = options.focusId && b.nodes.some((n) => n.id === options.focusId) ? 1 : 0;
    return fb - fa || b.nodes.length - a.nodes.length;
  });
  let cacheHits = 0;
  const laid: ComponentLayout[] = [];
  for (const component of components) {
    const key = options.cache ? shapeKey(component) : '';
    let layout = options.cache?.get(key);
    if (layout) cacheHits++;
    else {
      layout = await layoutComponent(component, elk);
      options.cache?.set(key, layout);
    }
    laid.push(layout);
  }
  const result = packShelves(laid);
  return { ...result, components: components.length, cacheHits, ms: Math.round(performance.now() - started) };
}

/** Rows of components, left to right, wrapping at roughly a 16:10 overall shape. */
function packShelves(laid: ComponentLayout[]): Omit<LayoutResult, 'components' | 'cacheHits' | 'ms'> {
  const area = laid.reduce((s, c) => s + (c.width + COMPONENT_GAP) * (c.height + COMPONENT_GAP), 0);
  const rowWidth = Math.max(...laid.map((c) => c.width), Math.sqrt(area * 1.6));
  const nodes: Record<string, Point> = {};
  const edges: Record<string, Point[]> = {};
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let width = 0;
  for (const c of laid) {
    if (x > 0 && x + c.width > rowWidth) {
      x = 0;
      y += rowHeight + COMPONENT_GAP;
      rowHeight = 0;
    }
    for (const [id, p] of Object.entries(c.nodes)) nodes[id] = { x: p.x + x, y: p.y + y };
    for (const [id, points] of Object.entries(c.edges)) edges[id] = points.map((p) => ({ x: p.x + x, y: p.y + y }));
    width = Math.max(width, x + c.width);
    rowHeight = Math.max(rowHeight, c.height);
    x += c.width + COMPONENT_GAP;
  }
  return { nodes, edges, width, height: y + rowHeight };
}
