import type { SqlPort } from '../ports';
import type { BeadGraph, Dependency, GraphNode } from '../../src/api/schemas';
import { all, str, strOrNull } from '../db/sql';

/** Beyond this many nodes the graph is cut (and says so): layout of thousands of nodes takes seconds. */
export const GRAPH_NODE_CAP = 1000;

/**
 * Breadth-first over dependencies in both directions (what blocks the bead, what it blocks, convoy
 * membership) up to `depth` edges; null depth walks the whole component. Frontiers go to SQLite as one
 * JSON array parameter, so a wide level is one query. Beads that no longer exist are left out.
 */
export function getBeadGraph(sql: SqlPort, focusId: string, depth: number | null): BeadGraph {
  const distance = new Map<string, number>([[focusId, 0]]);
  let frontier = [focusId];
  let truncated = false;
  for (let level = 0; frontier.length > 0 && (depth === null || level < depth); level++) {
    const edges = all(
      sql,
      `SELECT bead_id, depends_on_bead_id FROM bead_dependencies
       WHERE bead_id IN (SELECT value FROM json_each(?1)) OR depends_on_bead_id IN (SELECT value FROM json_each(?1))`,
      JSON.stringify(frontier),
    );
    const next: string[] = [];
    for (const edge of edges) {
      for (const id of [str(edge.bead_id), str(edge.depends_on_bead_id)]) {
        if (distance.has(id)) continue;
        if (distance.size >= GRAPH_NODE_CAP) {
          truncated = true;
          continue;
        }
        distance.set(id, level + 1);
        next.push(id);
      }
    }
    frontier = next;
  }
  const ids = JSON.stringify([...distance.keys()]);
  const nodes: GraphNode[] = all(
    sql,
    `SELECT b.id, b.type, b.status, b.title, b.priority, a.name AS assignee_name
     FROM beads b LEFT JOIN agents a ON a.id = b.assignee_agent_bead_id
     WHERE b.id IN (SELECT value FROM json_each(?))`,
    ids,
  ).map((r) => ({
    id: str(r.id),
    type: str(r.type) as GraphNode['type'],
    status: str(r.status) as GraphNode['status'],
    title: str(r.title),
    priority: str(r.priority) as GraphNode['priority'],
    assignee_name: strOrNull(r.assignee_name),
    distance: distance.get(str(r.id)) ?? 0,
  }));
  nodes.sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id));
  const present = JSON.stringify(nodes.map((n) => n.id));
  const edges: Dependency[] = all(
    sql,
    `SELECT bead_id, depends_on_bead_id, dependency_type FROM bead_dependencies
     WHERE bead_id IN (SELECT value FROM json_each(?1)) AND depends_on_bead_id IN (SELECT value FROM json_each(?1))`,
    present,
  ).map((r) => ({
    bead_id: str(r.bead_id),
    depends_on_bead_id: str(r.depends_on_bead_id),
    dependency_type: str(r.dependency_type) as Dependency['dependency_type'],
  }));
  return { focus_bead_id: focusId, depth, nodes, edges, truncated };
}
