import { clipLine } from '../../../../lib/bounded-text';
import { BaseEdge, Handle, Position, type Edge, type EdgeProps, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { statusLabel, statusTone } from '../../../../components/status';
import type { DrawnBead, DrawnEdge, DrawnGroup } from '../../model/graph';
import type { Point } from '../../model/layout';

export type BeadFlowNode = Node<{ node: DrawnBead }, 'bead'>;
export type GroupFlowNode = Node<{ node: DrawnGroup }, 'group'>;
export type DependencyFlowEdge = Edge<{ points: Point[] | null; edge: DrawnEdge }, 'dependency'>;

const ROLE_LABEL = { focus: 'focus', upstream: 'blocks the focus', downstream: 'blocked by the focus', related: '' } as const;

export const BeadNodeView = memo(function BeadNodeView({ data }: NodeProps<BeadFlowNode>) {
  const { bead, role, blockedBehind } = data.node;
  return (
    <div
      className={`gnode status-${bead.status} tone-${statusTone('bead', bead.status)} role-${role}${blockedBehind.length ? ' is-blocked' : ''}`}
      data-bead-id={bead.id}
      data-role={role}
      title={`${clipLine(bead.title)}\n${bead.type} · ${bead.status} · ${bead.priority}${ROLE_LABEL[role] ? `\n${ROLE_LABEL[role]}` : ''}\nclick: focus · double-click: open`}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <span className="gnode-title">{clipLine(bead.title)}</span>
      <span className="gnode-meta">
        <span className="gnode-status">{statusLabel(bead.status)}</span>
        {bead.type !== 'issue' ? <span>{bead.type.replace('_', ' ')}</span> : null}
        {bead.assignee_name ? <span>{bead.assignee_name}</span> : null}
        {blockedBehind.length ? <span className="gnode-flag">behind failed</span> : null}
      </span>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});

export const GroupNodeView = memo(function GroupNodeView({ data }: NodeProps<GroupFlowNode>) {
  const { members, counts } = data.node;
  const parts = Object.entries(counts).map(([status, n]) => `${n} ${status.replace('_', ' ')}`);
  return (
    <div className="gnode gnode-group" title={`${members.length} parallel beads with the same dependencies — click to expand`}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <span className="gnode-title">{members.length} parallel beads</span>
      <span className="gnode-meta">{parts.join(' · ')} · click to expand</span>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});

/** Draws ELK's polyline when there is one (a straight line while only a preview is laid out). */
export const DependencyEdgeView = memo(function DependencyEdgeView({
  id,
  data,
  sourceX,
  sourceY,
  targetX,
  targetY,
  markerEnd,
}: EdgeProps<DependencyFlowEdge>) {
  const points = data?.points;
  const path =
    points && points.length >= 2
      ? `M ${points.map((p) => `${p.x} ${p.y}`).join(' L ')}`
      : `M ${sourceX} ${sourceY} L ${targetX} ${targetY}`;
  const kind = data?.edge.type ?? 'blocks';
  return (
    <BaseEdge
      id={id}
      path={path}
      markerEnd={markerEnd}
      className={`gedge gedge-${kind}${data?.edge.onFocusPath ? ' gedge-focus-path' : ''}`}
    />
  );
});

export const nodeTypes = { bead: BeadNodeView, group: GroupNodeView };
export const edgeTypes = { dependency: DependencyEdgeView };
