import type { LayoutResult } from './layout';
import type { View } from './viewport-window';

/** The big-graph minimap's geometry (components/graph/graph-overview.tsx), React-free so it is testable. */

const MAX_WIDTH = 200;
const MAX_HEIGHT = 140;
const MIN_SIDE = 48;

/** The box takes the layout's shape (a wide town is a wide strip, not a strip in an empty box). */
export function overviewBox(layout: Pick<LayoutResult, 'width' | 'height'>): { scale: number; width: number; height: number } {
  const scale = Math.min(MAX_WIDTH / Math.max(1, layout.width), MAX_HEIGHT / Math.max(1, layout.height));
  return {
    scale,
    width: Math.max(MIN_SIDE, Math.round(layout.width * scale)),
    height: Math.max(MIN_SIDE, Math.round(layout.height * scale)),
  };
}

/** Where the pane's view lies on the minimap. */
export function viewRectangle(view: View, pane: { width: number; height: number }, scale: number) {
  return {
    left: (-view.x / view.zoom) * scale,
    top: (-view.y / view.zoom) * scale,
    width: (pane.width / view.zoom) * scale,
    height: (pane.height / view.zoom) * scale,
  };
}

/** The graph point under a click on the minimap, kept inside the layout (a click on the margin never shows empty space). */
export function overviewToFlow(point: { x: number; y: number }, layout: Pick<LayoutResult, 'width' | 'height'>) {
  const { scale } = overviewBox(layout);
  const clamp = (v: number, max: number) => Math.min(max, Math.max(0, v));
  return { x: clamp(point.x / scale, layout.width), y: clamp(point.y / scale, layout.height) };
}
