import type { BeadGraph, BeadStatus, Dependency, GraphNode } from '../src/api/schemas';
import { ISSUE_TITLES, POLECAT_NAMES } from './names';
import { createRng } from './random';

export const TOWN_GRAPH_SEED = 0x6a7a_0001;

/**
 * A town-shaped dependency graph of `beads` beads, in the shape of `buildLargeTown`: convoys of
 * 5–50 beads with `blocks` chains inside (some fan-in), `tracks` edges from each convoy to its
 * beads, cross-convoy blockers, about 2 edges per bead; a few staged convoys whose beads are not
 * chained (parallel siblings). Every bead is returned, not only the focus's component, so the
 * graph benchmark and layout tests see a whole town. `distance` counts hops from the focus
 * (the first bead of the largest convoy) within its component, or from its convoy elsewhere.
 */
export function buildTownGraph(options: { beads: number; seed?: number }): BeadGraph {
  const rng = createRng(options.seed ?? TOWN_GRAPH_SEED);
  const statuses: BeadStatus[] = ['closed', 'closed', 'closed', 'closed', 'in_review', 'in_progress', 'open', 'open', 'failed'];
  const nodes: GraphNode[] = [];
  const edges: Dependency[] = [];
  const heads: string[] = [];
  let largest: { size: number; first: string } | null = null;
  let convoyIndex = 0;
  const add = (node: Omit<GraphNode, 'distance' | 'priority' | 'assignee_name'> & { assignee_name?: string | null }) => {
    nodes.push({ priority: 'medium', assignee_name: null, distance: 0, ...node });
    return node.id;
  };
  while (nodes.length < options.beads) {
    const size = Math.min(rng.int(5, 50), options.beads - nodes.length - 1);
    if (size < 1) break;
    const convoy = add({
      id: rng.uuid(),
      type: 'convoy',
      status: 'in_progress',
      title: `Convoy ${convoyIndex + 1}: ${ISSUE_TITLES[convoyIndex % ISSUE_TITLES.length]}`,
    });
    const staged = size >= 8 && rng.chance(0.05);
    const members: string[] = [];
    for (let i = 0; i < size; i++) {
      const status = staged ? 'open' : rng.pick(statuses);
      const id = add({
        id: rng.uuid(),
        type: 'issue',
        status,
        title: ISSUE_TITLES[(convoyIndex * 7 + i) % ISSUE_TITLES.length]!,
        assignee_name: status === 'in_progress' || status === 'in_review' ? POLECAT_NAMES[(convoyIndex + i) % POLECAT_NAMES.length]! : null,
      });
      edges.push({ bead_id: convoy, depends_on_bead_id: id, dependency_type: 'tracks' });
      if (!staged && i > 0) edges.push({ bead_id: id, depends_on_bead_id: members[i - 1]!, dependency_type: 'blocks' });
      if (!staged && i > 3 && rng.chance(0.25))
        edges.push({ bead_id: id, depends_on_bead_id: members[i - 3 - rng.int(0, Math.min(5, i - 4))]!, dependency_type: 'blocks' });
      members.push(id);
    }
    if (heads.length > 2 && rng.chance(0.3))
      edges.push({ bead_id: members[0]!, depends_on_bead_id: rng.pick(heads), dependency_type: 'blocks' });
    heads.push(members[members.length - 1]!);
    if (!largest || size > largest.size) largest = { size, first: members[0]! };
    convoyIndex++;
  }
  const focus = largest?.first ?? nodes[0]!.id;
  // Hop counts by breadth-first search, the focus's component first.
  const adjacency = new Map<string, string[]>();
  for (const e of edges) {
    (adjacency.get(e.bead_id) ?? adjacency.set(e.bead_id, []).get(e.bead_id)!).push(e.depends_on_bead_id);
    (adjacency.get(e.depends_on_bead_id) ?? adjacency.set(e.depends_on_bead_id, []).get(e.depends_on_bead_id)!).push(e.bead_id);
  }
  const distance = new Map<string, number>();
  for (const root of [focus, ...nodes.map((n) => n.id)]) {
    if (distance.has(root)) continue;
    distance.set(root, 0);
    let frontier = [root];
    while (frontier.length) {
      const next: string[] = [];
      for (const id of frontier)
        for (const other of adjacency.get(id) ?? [])
          if (!distance.has(other)) {
            distance.set(other, distance.get(id)! + 1);
            next.push(other);
          }
      frontier = next;
    }
  }
  for (const n of nodes) n.distance = distance.get(n.id)!;
  return { focus_bead_id: focus, depth: null, nodes, edges, truncated: false };
}
