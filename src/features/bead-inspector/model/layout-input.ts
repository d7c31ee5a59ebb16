import type { DrawnGraph } from './graph';
import type { LayoutInput } from './layout';

/** Every node is drawn at this size, so ELK and React Flow agree without measuring. */
export const NODE_WIDTH = 232;
export const NODE_HEIGHT = 58;

/**
 * What ELK lays out for a drawn graph. A convoy `tracks` every bead of its chain; laid out as is,
 * each of those edges spans up to 50 layers and ELK inserts a dummy node per layer crossed (a
 * 50-bead convoy: ~1,300 dummies), which made a 5,000-bead town take 20 s. Only the tracks edges
 * from chain ends (beads that block nothing) go to ELK: the convoy still lands right after its chain,
 * and the other tracks edges are drawn as straight lines.
 */
export function toLayoutInput(drawn: DrawnGraph): { key: string; input: LayoutInput } {
  const blocksSomething = new Set<string>();
  for (const e of drawn.edges) if (e.type === 'blocks') blocksSomething.add(e.source);
  const tracksByTarget = new Map<string, typeof drawn.edges>();
  const edges: LayoutInput['edges'] = [];
  for (const e of drawn.edges) {
    if (e.type !== 'tracks') edges.push({ id: e.id, source: e.source, target: e.target });
    else (tracksByTarget.get(e.target) ?? tracksByTarget.set(e.target, []).get(e.target)!).push(e);
  }
  for (const tracks of tracksByTarget.values()) {
    const ends = tracks.filter((e) => !blocksSomething.has(e.source));
    for (const e of ends.length ? ends : tracks.slice(-1)) edges.push({ id: e.id, source: e.source, target: e.target });
  }
  const input: LayoutInput = { nodes: drawn.nodes.map((n) => ({ id: n.id, width: NODE_WIDTH, height: NODE_HEIGHT })), edges };
  // The drawn set's shape: roles and statuses do not move nodes, so they are not part of it.
  const key = `${input.nodes.length}:${input.edges.length}:${input.nodes.map((n) => n.id).join(',')}|${input.edges.map((e) => e.id).join(',')}`;
  return { key, input };
}
