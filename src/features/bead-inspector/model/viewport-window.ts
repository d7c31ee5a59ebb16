import type { LayoutResult } from './layout';
import { NODE_HEIGHT, NODE_WIDTH } from './layout-input';

export interface View {
  x: number;
  y: number;
  zoom: number;
}

/** Graphs up to this size go to React Flow whole; bigger ones only as the window around the view. */
export const WINDOW_ABOVE = 400;
/** At most this many beads are handed to React Flow at once; zoomed far out, the nearest ones win. */
export const MAX_WINDOW = 500;

/** The viewport that puts `point` (a node's top-left) in the middle of a `width`×`height` pane. */
export function centredOn(point: { x: number; y: number }, size: { width: number; height: number }, zoom: number): View {
  return { x: size.width / 2 - (point.x + NODE_WIDTH / 2) * zoom, y: size.height / 2 - (point.y + NODE_HEIGHT / 2) * zoom, zoom };
}

/**
 * The beads React Flow gets for a big graph: those within one screen of the view in every
 * direction (so a pan shows drawn beads before the window moves), capped at MAX_WINDOW nearest
 * the centre, plus the far ends of their edges so no edge is cut. Handing React Flow all 5,000
 * beads cost ~1.5 s of main-thread work on each new layout; a window of ≤ 500 costs tens of ms.
 */
export function selectWindow(
  layout: LayoutResult,
  edges: readonly { source: string; target: string }[],
  view: View,
  size: { width: number; height: number },
  keep: readonly string[],
  max = MAX_WINDOW,
): { ids: Set<string>; capped: boolean } {
  const w = size.width / view.zoom;
  const h = size.height / view.zoom;
  const left = -view.x / view.zoom - w;
  const top = -view.y / view.zoom - h;
  const right = left + 3 * w;
  const bottom = top + 3 * h;
  const cx = left + 1.5 * w;
  const cy = top + 1.5 * h;
  const inside: [string, number][] = [];
  for (const [id, p] of Object.entries(layout.nodes)) {
    if (p.x + NODE_WIDTH < left || p.x > right || p.y + NODE_HEIGHT < top || p.y > bottom) continue;
    inside.push([id, (p.x - cx) ** 2 + (p.y - cy) ** 2]);
  }
  const capped = inside.length > max;
  if (capped) inside.sort((a, b) => a[1] - b[1]).length = max;
  const ids = new Set(inside.map(([id]) => id));
  const ends: string[] = [];
  for (const e of edges) {
    if (ids.has(e.source) && !ids.has(e.target)) ends.push(e.target);
    else if (ids.has(e.target) && !ids.has(e.source)) ends.push(e.source);
  }
  for (const id of ends) if (layout.nodes[id]) ids.add(id);
  for (const id of keep) if (layout.nodes[id]) ids.add(id);
  return { ids, capped };
}
