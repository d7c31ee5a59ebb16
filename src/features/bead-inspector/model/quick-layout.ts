import { connectedComponents, type LayoutInput, type LayoutResult, type Point } from './layout';

/**
 * A small layered layout for the first view of a big graph, while ELK's 1.4 MB bundle is still
 * being parsed in its worker (~300 ms on a cold page). Same direction and spacing as the ELK
 * options, so the final layout replaces it without turning the picture around:
 * cycles broken by a depth-first search, longest-path layers, a few barycentre sweeps to cut
 * crossings, straight edges. Linear in the graph plus the sweeps; a 2-hop neighbourhood takes
 * well under a millisecond. Dependency-free so the preview worker that runs it stays tiny.
 */

const LAYER_GAP = 56;
const NODE_GAP = 18;
const SWEEPS = 4;

export function quickLayout(input: LayoutInput): LayoutResult {
  const started = performance.now();
  const index = new Map(input.nodes.map((n, i) => [n.id, i]));
  const count = input.nodes.length;
  const edges = input.edges.filter((e) => e.source !== e.target && index.has(e.source) && index.has(e.target));
  const out: number[][] = input.nodes.map(() => []);
  for (const e of edges) out[index.get(e.source)!]!.push(index.get(e.target)!);

  // Break cycles: an edge back to a node still on the depth-first stack is ignored for layering.
  const state = new Uint8Array(count); // 0 new, 1 on stack, 2 done
  const forward: number[][] = input.nodes.map(() => []);
  for (let root = 0; root < count; root++) {
    if (state[root]) continue;
    const stack: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const [v, i] = top;
      if (i < out[v]!.length) {
        top[1]++;
        const w = out[v]![i]!;
        if (state[w] === 1) continue;
        forward[v]!.push(w);
        if (state[w] === 0) {
          state[w] = 1;
          stack.push([w, 0]);
        }
      } else {
        state[v] = 2;
        stack.pop();
      }
    }
  }

  // Longest-path layers over the acyclic edges (Kahn's order).
  const indegree = new Int32Array(count);
  for (const targets of forward) for (const w of targets) indegree[w]!++;
  const layerOf = new Int32Array(count);
  const queue: number[] = [];
  for (let v = 0; v < count; v++) if (indegree[v] === 0) queue.push(v);
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    for (const w of forward[v]!) {
      layerOf[w] = Math.max(layerOf[w]!, layerOf[v]! + 1);
      if (--indegree[w]! === 0) queue.push(w);
    }
  }

  const layers: number[][] = [];
  for (const v of queue) (layers[layerOf[v]!] ??= []).push(v);
  const neighbours: number[][] = input.nodes.map(() => []);
  for (const e of edges) {
    const a = index.get(e.source)!;
    const b = index.get(e.target)!;
    neighbours[a]!.push(b);
    neighbours[b]!.push(a);
  }

  // Barycentre sweeps, down then up: each node moves towards the mean position of its neighbours.
  const rank = new Float64Array(count);
  for (const layer of layers) layer.forEach((v, i) => (rank[v] = i));
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const order = sweep % 2 === 0 ? layers : [...layers].reverse();
    for (const layer of order) {
      const key = new Map<number, number>();
      for (const v of layer) {
        const near = neighbours[v]!.filter((w) => layerOf[w] !== layerOf[v]);
        key.set(v, near.length ? near.reduce((s, w) => s + rank[w]!, 0) / near.length : rank[v]!);
      }
      layer.sort((a, b) => key.get(a)! - key.get(b)! || rank[a]! - rank[b]!);
      layer.forEach((v, i) => (rank[v] = i));
    }
  }

  // Coordinates: layers left to right, each centred on the tallest.
  const heights = layers.map((layer) => layer.reduce((s, v) => s + input.nodes[v]!.height, 0) + NODE_GAP * Math.max(0, layer.length - 1));
  const height = Math.max(0, ...heights);
  const nodes: Record<string, Point> = {};
  let x = 0;
  layers.forEach((layer, l) => {
    let y = (height - heights[l]!) / 2;
    let widest = 0;
    for (const v of layer) {
      const n = input.nodes[v]!;
      nodes[n.id] = { x, y };
      y += n.height + NODE_GAP;
      widest = Math.max(widest, n.width);
    }
    x += widest + LAYER_GAP;
  });

  const size = new Map(input.nodes.map((n) => [n.id, n]));
  const routes: Record<string, Point[]> = {};
  for (const e of edges) {
    const s = nodes[e.source]!;
    const t = nodes[e.target]!;
    const sn = size.get(e.source)!;
    const tn = size.get(e.target)!;
    routes[e.id] = [
      { x: s.x + sn.width, y: s.y + sn.height / 2 },
      { x: t.x, y: t.y + tn.height / 2 },
    ];
  }
  return {
    nodes,
    edges: routes,
    width: Math.max(0, x - LAYER_GAP),
    height,
    components: connectedComponents(input).length,
    cacheHits: 0,
    ms: Math.round(performance.now() - started),
  };
}
