import { Background, Controls, MarkerType, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import type { DrawnGraph } from '../../model/graph';
import type { LayoutInput, LayoutResult } from '../../model/layout';
import { layoutClient } from './layout-client';
import { edgeTypes, NODE_HEIGHT, NODE_WIDTH, nodeTypes, type BeadFlowNode, type DependencyFlowEdge, type GroupFlowNode } from './graph-nodes';

export interface GraphCanvasProps {
  drawn: DrawnGraph;
  onFocus: (beadId: string) => void;
  onOpen: (beadId: string) => void;
  onToggleGroup: (groupId: string) => void;
}

/** Up to this many nodes the whole graph is fitted on screen; above it the view starts on the focus. */
const FIT_ALL_UP_TO = 150;
/** Above this, the minimap is left out: thousands of SVG rects cost more than they tell. */
const MINIMAP_UP_TO = 2500;

type LayoutState = { key: string; phase: 'pending' | 'preview' | 'final'; result: LayoutResult | null; error: string | null };

const STATUS_COLOURS: Record<string, string> = {
  open: '#2459b3',
  in_progress: '#9a6700',
  in_review: '#7a4cc2',
  closed: '#8b95a3',
  failed: '#c2352b',
};

function toLayoutInput(drawn: DrawnGraph): { key: string; input: LayoutInput } {
  const input: LayoutInput = {
    nodes: drawn.nodes.map((n) => ({ id: n.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: drawn.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
  };
  // The drawn set's shape: roles and statuses do not move nodes, so they are not part of it.
  const key = `${input.nodes.length}:${input.edges.length}:${input.nodes.map((n) => n.id).join(',')}|${input.edges.map((e) => e.id).join(',')}`;
  return { key, input };
}

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

function Viewport({ layout, focusId, count }: { layout: LayoutState; focusId: string; count: number }) {
  const flow = useReactFlow();
  const placed = useRef<string>('');
  useEffect(() => {
    const result = layout.result;
    if (!result || layout.phase === 'pending') return;
    const signature = `${layout.key}:${layout.phase}:${count > FIT_ALL_UP_TO ? focusId : ''}`;
    if (placed.current === signature) return;
    placed.current = signature;
    const focus = result.nodes[focusId];
    if (count <= FIT_ALL_UP_TO || !focus) void flow.fitView({ padding: 0.12, maxZoom: 1.1, minZoom: 0.05 });
    else void flow.setCenter(focus.x + NODE_WIDTH / 2, focus.y + NODE_HEIGHT / 2, { zoom: 0.85 });
  }, [layout, focusId, count, flow]);
  return null;
}

function Canvas({ drawn, onFocus, onOpen, onToggleGroup }: GraphCanvasProps) {
  const layout = useLayout(drawn);
  const result = layout.result;
  const nodes = useMemo(() => {
    if (!result) return [];
    const out: (BeadFlowNode | GroupFlowNode)[] = [];
    for (const n of drawn.nodes) {
      const position = result.nodes[n.id];
      if (!position) continue;
      const common = { id: n.id, position, width: NODE_WIDTH, height: NODE_HEIGHT, draggable: false, connectable: false };
      if (n.kind === 'bead') out.push({ ...common, type: 'bead', data: { node: n }, className: n.role === 'focus' ? 'is-focus' : undefined });
      else out.push({ ...common, type: 'group', data: { node: n } });
    }
    return out;
  }, [drawn, result]);
  const edges = useMemo(() => {
    if (!result) return [];
    const out: DependencyFlowEdge[] = [];
    for (const e of drawn.edges) {
      if (!result.nodes[e.source] || !result.nodes[e.target]) continue;
      out.push({ id: e.id, source: e.source, target: e.target, type: 'dependency', data: { points: result.edges[e.id] ?? null, edge: e }, markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14 } });
    }
    return out;
  }, [drawn, result]);
  const clickTimer = useRef<number | null>(null);
  const state = layout.error ? 'error' : layout.phase === 'final' ? 'ready' : layout.phase;
  const laidOut = layout.phase === 'final' ? drawn.nodes.length : nodes.length;

  return (
    <div className="graph-canvas" data-graph-state={state} data-node-count={nodes.length} data-layout-ms={result?.ms ?? ''}>
      {layout.phase !== 'final' && !layout.error ? (
        <div className="graph-status" role="status">
          {layout.phase === 'preview' ? `Showing the focus neighbourhood (${laidOut} beads); laying out all ${drawn.nodes.length}…` : `Laying out ${drawn.nodes.length} beads…`}
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
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} position="bottom-left" />
        {drawn.nodes.length <= MINIMAP_UP_TO ? (
          <MiniMap
            pannable
            zoomable
            position="bottom-right"
            nodeColor={(n) => {
              const data = n.data as { node?: { kind: string; bead?: { status: string } } };
              return data.node?.kind === 'bead' ? (STATUS_COLOURS[data.node.bead!.status] ?? '#8b95a3') : '#5d6878';
            }}
          />
        ) : null}
        <Viewport layout={layout} focusId={drawn.focusId} count={drawn.nodes.length} />
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
