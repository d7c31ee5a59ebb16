import { useReactFlow, useViewport } from '@xyflow/react';
import { useEffect, useRef, type PointerEvent } from 'react';
import { TONE_HEX } from '../../../../components/status';
import type { DrawnGraph } from '../../model/graph';
import type { LayoutResult } from '../../model/layout';
import { NODE_HEIGHT, NODE_WIDTH } from '../../model/layout-input';
import { overviewBox, overviewToFlow, viewRectangle } from '../../model/overview';

/**
 * The minimap of a big graph. React Flow's own minimap only knows the beads handed to it, and a
 * graph over WINDOW_ABOVE beads reaches React Flow as a window around the view; this one draws the
 * whole layout on a canvas (5,000 beads in a few milliseconds, redrawn only when the layout
 * changes), the view as a rectangle over it, and moves the view where it is clicked or dragged.
 */
export function GraphOverview({
  layout,
  drawn,
  colours,
  size,
}: {
  layout: LayoutResult;
  drawn: DrawnGraph;
  colours: Record<string, string>;
  size: { width: number; height: number };
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const flow = useReactFlow();
  const { x, y, zoom } = useViewport();
  const { scale, width: boxWidth, height: boxHeight } = overviewBox(layout);

  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const ratio = window.devicePixelRatio || 1;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, boxWidth, boxHeight);
    const w = Math.max(1, NODE_WIDTH * scale);
    const h = Math.max(1, NODE_HEIGHT * scale);
    for (const n of drawn.nodes) {
      const p = layout.nodes[n.id];
      if (!p) continue;
      context.fillStyle = n.kind === 'bead' ? (colours[n.bead.status] ?? TONE_HEX.neutral) : '#5d6878';
      context.fillRect(p.x * scale, p.y * scale, w, h);
    }
    const focus = layout.nodes[drawn.focusId];
    if (focus) {
      context.strokeStyle = '#1c2430';
      context.lineWidth = 1.5;
      context.strokeRect(focus.x * scale - 2, focus.y * scale - 2, w + 4, h + 4);
    }
  }, [layout, drawn, colours, scale, boxWidth, boxHeight]);

  const moveTo = (event: PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const target = overviewToFlow({ x: event.clientX - box.left, y: event.clientY - box.top }, layout);
    void flow.setCenter(target.x, target.y, { zoom });
  };
  const view = viewRectangle({ x, y, zoom }, size, scale);

  return (
    <div
      className="graph-overview"
      style={{ width: boxWidth, height: boxHeight }}
      role="img"
      aria-label={`Overview of all ${drawn.nodes.length} beads; click or drag to move the view`}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        moveTo(e);
      }}
      onPointerMove={(e) => {
        if (e.currentTarget.hasPointerCapture(e.pointerId)) moveTo(e);
      }}
    >
      <canvas
        ref={canvas}
        width={boxWidth * (window.devicePixelRatio || 1)}
        height={boxHeight * (window.devicePixelRatio || 1)}
        style={{ width: boxWidth, height: boxHeight }}
      />
      <div className="graph-overview-view" style={{ left: view.left, top: view.top, width: view.width, height: view.height }} />
    </div>
  );
}
