import {
  Background,
  ControlButton,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Node,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useEffectEvent, useMemo, useRef, useState, type RefObject } from 'react';
import { STATUS_TONES, TONE_HEX } from '../../../../components/status';
import type { DrawnGraph } from '../../model/graph';
import type { LayoutResult } from '../../model/layout';
import { NODE_HEIGHT, NODE_WIDTH, toLayoutInput } from '../../model/layout-input';
import { centredOn, selectWindow, WINDOW_ABOVE, type View } from '../../model/viewport-window';
import { layoutClient } from './layout-client';
import { GraphOverview } from './graph-overview';
import { edgeTypes, nodeTypes, type BeadFlowNode, type DependencyFlowEdge, type GroupFlowNode } from './graph-nodes';

export interface GraphCanvasProps {
  drawn: DrawnGraph;
  onFocus: (beadId: string) => void;
  onOpen: (beadId: string) => void;
  onToggleGroup: (groupId: string) => void;
}

/** Up to this many nodes the whole graph is fitted on screen; above it the view starts on the focus. */
const FIT_ALL_UP_TO = 150;
/** Big graphs open at this zoom, centred on the focus. */
const FOCUS_ZOOM = 0.85;
/** React Flow's minimap shows from this size (smaller graphs fit on screen) up to WINDOW_ABOVE; bigger graphs reach React Flow only as a window, so they get GraphOverview, drawn from the whole layout. */
const MINIMAP_FROM = 30;
/** Below this zoom node titles cannot be read. */
const MIN_READABLE_ZOOM = 0.45;

type LayoutState = { key: string; phase: 'pending' | 'preview' | 'final'; result: LayoutResult | null; error: string | null };

/** Bead colours for the minimaps (canvas and SVG attributes, which cannot read the theme's CSS variables). */
const STATUS_COLOURS: Record<string, string> = Object.fromEntries(
  Object.entries(STATUS_TONES.bead).map(([s, tone]) => [s, TONE_HEX[tone]]),
);

function useLayout(drawn: DrawnGraph): LayoutState {
  const { key, input } = useMemo(() => toLayoutInput(drawn), [drawn]);
  const [delivered, setDelivered] = useState<LayoutState>({ key: '', phase: 'pending', result: null, error: null });
  // Read at request time: a new focus alone does not move any node, so it does not re-run the layout.
  const current = useEffectEvent(() => ({ input, focusId: drawn.focusId }));
  useEffect(() => {
    const { input: latest, focusId } = current();
    return layoutClient.request(latest, focusId, (phase, result, error) => setDelivered({ key, phase, result, error }));
  }, [key]);
  // Until the new shape is laid out, the previous positions stay on screen.
  return delivered.key === key ? delivered : { key, phase: 'pending', result: delivered.result, error: null };
}

function Viewport({
  layout,
  focusId,
  count,
  size,
}: {
  layout: LayoutState;
  focusId: string;
  count: number;
  size: { width: number; height: number };
}) {
  const flow = useReactFlow();
  const placed = useRef<string>('');
  useEffect(() => {
    const result = layout.result;
    if (!result || layout.phase === 'pending') return;
    const signature = `${layout.key}:${layout.phase}:${count > FIT_ALL_UP_TO ? focusId : ''}`;
    if (placed.current === signature) return;
    placed.current = signature;
    const focus = result.nodes[focusId];
    // Fitting a long chain into a phone-sized pane makes every title unreadable: centre on the focus instead.
    const fitZoom = Math.min(size.width / (result.width + 80), size.height / (result.height + 80));
    if (!focus || (count <= FIT_ALL_UP_TO && fitZoom >= MIN_READABLE_ZOOM))
      void flow.fitView({ padding: 0.12, maxZoom: 1.1, minZoom: 0.05 });
    else void flow.setCenter(focus.x + NODE_WIDTH / 2, focus.y + NODE_HEIGHT / 2, { zoom: FOCUS_ZOOM });
  }, [layout, focusId, count, flow, size]);
  return null;
}

/** A three-bead chain needs no 600-pixel canvas; big graphs get the room. */
function canvasHeight(count: number): string {
  if (count <= 8) return 'min(320px, 60vh)';
  if (count <= 40) return 'min(460px, 70vh)';
  return 'min(640px, 75vh)';
}

/** Fits the whole layout, not just the beads currently handed to React Flow. */
function FitAllButton({ layout, size }: { layout: LayoutResult | null; size: { width: number; height: number } }) {
  const flow = useReactFlow();
  const fit = () => {
    if (!layout) return;
    const zoom = Math.min(1.1, Math.max(0.05, Math.min(size.width / (layout.width + 80), size.height / (layout.height + 80))));
    void flow.setViewport(
      { x: (size.width - layout.width * zoom) / 2, y: (size.height - layout.height * zoom) / 2, zoom },
      { duration: 200 },
    );
  };
  return (
    <ControlButton onClick={fit} title="Fit the whole graph" aria-label="Fit the whole graph">
      ⤢
    </ControlButton>
  );
}

function usePaneSize(ref: RefObject<HTMLDivElement | null>) {
  const [size, setSize] = useState({ width: 1000, height: 600 });
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

function Canvas({ drawn, onFocus, onOpen, onToggleGroup }: GraphCanvasProps) {
  const layout = useLayout(drawn);
  const result = layout.result;
  const pane = useRef<HTMLDivElement>(null);
  const size = usePaneSize(pane);
  const [view, setView] = useState<View | null>(null);
  // Big graphs: React Flow gets only the window around the view (recomputed when a pan or zoom ends).
  const window_ = useMemo(() => {
    if (!result || drawn.nodes.length <= WINDOW_ABOVE) return null;
    const focus = result.nodes[drawn.focusId];
    const current = view ?? (focus ? centredOn(focus, size, FOCUS_ZOOM) : { x: 0, y: 0, zoom: FOCUS_ZOOM });
    return selectWindow(result, drawn.edges, current, size, [drawn.focusId]);
  }, [result, drawn, view, size]);
  const nodes = useMemo(() => {
    if (!result) return [];
    const out: (BeadFlowNode | GroupFlowNode)[] = [];
    for (const n of drawn.nodes) {
      const position = result.nodes[n.id];
      if (!position || (window_ && !window_.ids.has(n.id))) continue;
      const common = { id: n.id, position, width: NODE_WIDTH, height: NODE_HEIGHT, draggable: false, connectable: false };
      if (n.kind === 'bead')
        out.push({ ...common, type: 'bead', data: { node: n }, className: n.role === 'focus' ? 'is-focus' : undefined });
      else out.push({ ...common, type: 'group', data: { node: n } });
    }
    return out;
  }, [drawn, result, window_]);
  const edges = useMemo(() => {
    if (!result) return [];
    const out: DependencyFlowEdge[] = [];
    for (const e of drawn.edges) {
      if (!result.nodes[e.source] || !result.nodes[e.target]) continue;
      if (window_ && !(window_.ids.has(e.source) && window_.ids.has(e.target))) continue;
      out.push({
        id: e.id,
        source: e.source,
        target: e.target,
        type: 'dependency',
        data: { points: result.edges[e.id] ?? null, edge: e },
        markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14 },
      });
    }
    return out;
  }, [drawn, result, window_]);
  const clickTimer = useRef<number | null>(null);
  const state = layout.error ? 'error' : layout.phase === 'final' ? 'ready' : layout.phase;
  const laidOut = layout.phase === 'final' ? drawn.nodes.length : nodes.length;
  // User-timing marks for the graph benchmark (and DevTools): when each layout phase was drawn.
  useEffect(() => {
    if (state === 'preview' || state === 'ready')
      performance.mark(`graph-layout-${state}`, { detail: { nodes: nodes.length, layoutMs: result?.ms ?? null } });
  }, [state, nodes.length, result]);

  return (
    <div
      ref={pane}
      className="graph-canvas"
      style={{ height: canvasHeight(drawn.nodes.length) }}
      data-graph-state={state}
      data-node-count={nodes.length}
      data-layout-ms={result?.ms ?? ''}
    >
      {layout.phase !== 'final' && !layout.error ? (
        <div className="graph-status" role="status">
          {layout.phase === 'preview'
            ? `Showing the focus neighbourhood (${laidOut} beads); laying out all ${drawn.nodes.length}…`
            : `Laying out ${drawn.nodes.length} beads…`}
        </div>
      ) : null}
      {window_?.capped ? (
        <div className="graph-status" role="status">
          Zoomed out: showing the {nodes.length} beads nearest the centre of {drawn.nodes.length}; zoom in to see the rest.
        </div>
      ) : null}
      {layout.error ? (
        <div className="graph-status graph-status-error" role="alert">
          Layout failed: {layout.error}
        </div>
      ) : null}
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onlyRenderVisibleElements
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        minZoom={0.05}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
        onNodeClick={(_, node: Node) => {
          if (node.type === 'group') return onToggleGroup(node.id);
          // Wait a beat so a double click opens the bead without first refocusing the graph.
          if (clickTimer.current) window.clearTimeout(clickTimer.current);
          clickTimer.current = window.setTimeout(() => onFocus(node.id), 220);
        }}
        onNodeDoubleClick={(_, node: Node) => {
          if (clickTimer.current) window.clearTimeout(clickTimer.current);
          if (node.type === 'bead') onOpen(node.id);
        }}
        zoomOnDoubleClick={false}
        onMoveEnd={(_, next) => setView(next)}
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} showFitView={false} position="bottom-left">
          <FitAllButton layout={result} size={size} />
        </Controls>
        {window_ && result ? <GraphOverview layout={result} drawn={drawn} colours={STATUS_COLOURS} size={size} /> : null}
        {drawn.nodes.length > MINIMAP_FROM && !window_ ? (
          <MiniMap
            pannable
            zoomable
            position="bottom-right"
            nodeColor={(n) => {
              const data = n.data as { node?: { kind: string; bead?: { status: string } } };
              return data.node?.kind === 'bead' ? (STATUS_COLOURS[data.node.bead!.status] ?? TONE_HEX.neutral) : '#5d6878';
            }}
          />
        ) : null}
        <Viewport layout={layout} focusId={drawn.focusId} count={drawn.nodes.length} size={size} />
      </ReactFlow>
    </div>
  );
}

/** The dependency graph drawn with React Flow on an ELK layout computed in a Web Worker. */
export default function GraphCanvas(props: GraphCanvasProps) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
}
