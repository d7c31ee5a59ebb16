import { clipLine } from '../../../lib/bounded-text';
import { memo, useRef } from 'react';
import { Link } from 'react-router';
import type { TimelineEvent, TimelineKind } from '../../../api';
import { Badge, type Tone } from '../../../components/badge';
import { statusTone, toneTextClass } from '../../../components/status';
import { shortId } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { formatExact } from '../../../lib/time';
import { useRowsVirtualizer } from './use-rows-virtualizer';

const ROW_HEIGHT = 34;
export const KIND_TONE: Record<TimelineKind, Tone> = {
  bead: 'neutral',
  agent: 'blue',
  dispatch: 'yellow',
  container: 'neutral',
  git: 'neutral',
  credential: 'yellow',
  admin: 'blue',
};
const SEVERITY_CLASS = { info: '', warn: 'row-warn', error: 'row-error' } as const;

/** `2026-11-24 09:12:33` in UTC: rows are read by exact time, the relative time is in the tooltip-free header. */
const shortExact = (iso: string) => formatExact(iso).slice(0, 19);

interface Props {
  townId: string;
  rows: TimelineEvent[];
  agentNames: Map<string, string>;
  selected: string;
  onSelect: (id: string) => void;
  onFilterEntity: (id: string) => void;
}

function EntityCell({
  townId,
  id,
  kind,
  name,
  onFilter,
}: {
  townId: string;
  id: string | null;
  kind: 'bead' | 'agent';
  name?: string;
  onFilter: (id: string) => void;
}) {
  if (!id) return <span className="muted">—</span>;
  const label = name ?? shortId(id);
  return (
    <span className="entity-cell">
      <Link
        to={kind === 'bead' ? paths.bead.getHref(townId, id) : paths.agent.getHref(townId, id)}
        className={kind === 'bead' ? 'mono small' : 'small'}
        title={`Open ${kind} ${id}`}
      >
        {label}
      </Link>
      <button
        type="button"
        className="icon-button"
        aria-label={`Show only events of ${kind} ${id}`}
        title={`Filter the timeline to this ${kind}`}
        onClick={(e) => {
          e.stopPropagation();
          onFilter(id);
        }}
      >
        <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M1.5 2h13l-5 6v5l-3 1.5V8z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
        </svg>
      </button>
    </span>
  );
}

interface RowProps {
  townId: string;
  row: TimelineEvent;
  index: number;
  agentName: string | undefined;
  selected: boolean;
  onSelect: (id: string) => void;
  onFilterEntity: (id: string) => void;
}

/** One row; memoized so scrolling renders only the rows that enter the window. */
const TimelineRow = memo(function TimelineRow({ townId, row: r, index, agentName, selected, onSelect, onFilterEntity }: RowProps) {
  return (
    <tr
      style={{ height: ROW_HEIGHT }}
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={`timeline-row ${SEVERITY_CLASS[r.severity]} ${selected ? 'row-selected' : ''}`}
      onClick={() => onSelect(r.id)}
      data-testid="timeline-row"
    >
      <td className="mono small" title={formatExact(r.at)}>
        {shortExact(r.at)}
      </td>
      <td>
        <Badge tone={KIND_TONE[r.kind]}>{r.kind}</Badge>
      </td>
      <td className="mono small ellipsis" title={r.type}>
        {r.type}
      </td>
      <td className="ellipsis" title={clipLine(r.summary)}>
        <button
          type="button"
          className="link-button"
          onClick={(e) => {
            e.stopPropagation();
            onSelect(r.id);
          }}
          // The name holds the visible text (WCAG 2.5.3): the severity prefix too.
          aria-label={`Details of ${r.severity !== 'info' ? `${r.severity} · ` : ''}${clipLine(r.summary)}`}
        >
          {r.severity !== 'info' ? (
            <span className={`${toneTextClass(statusTone('severity', r.severity))} strong`}>{r.severity} · </span>
          ) : null}
          {clipLine(r.summary)}
        </button>
      </td>
      <td>
        <EntityCell townId={townId} id={r.bead_id} kind="bead" onFilter={onFilterEntity} />
      </td>
      <td>
        <EntityCell townId={townId} id={r.agent_id} kind="agent" name={agentName} onFilter={onFilterEntity} />
      </td>
    </tr>
  );
});

/** The unified timeline, newest first, virtualized for tens of thousands of rows. */
export const TimelineRows = memo(function TimelineRows({ townId, rows, agentNames, selected, onSelect, onFilterEntity }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useRowsVirtualizer(rows.length, scrollRef, ROW_HEIGHT, (i) => rows[i]!.id);
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div ref={scrollRef} className="virtual-scroll" data-testid="timeline-scroll">
      <table className="table table-fixed" aria-label="Timeline" aria-rowcount={rows.length + 1}>
        <colgroup>
          <col style={{ width: '180px' }} />
          <col style={{ width: '96px' }} />
          <col style={{ width: '150px' }} />
          <col />
          <col style={{ width: '120px' }} />
          <col style={{ width: '120px' }} />
        </colgroup>
        <thead className="sticky-head">
          <tr>
            <th>When (UTC)</th>
            <th>Kind</th>
            <th>Type</th>
            <th>What happened</th>
            <th>Bead</th>
            <th>Agent</th>
          </tr>
        </thead>
        <tbody>
          {top > 0 ? <tr aria-hidden="true" style={{ height: top }} /> : null}
          {items.map((item) => {
            const r = rows[item.index]!;
            return (
              <TimelineRow
                key={r.id}
                townId={townId}
                row={r}
                index={item.index}
                agentName={r.agent_id ? agentNames.get(r.agent_id) : undefined}
                selected={r.id === selected}
                onSelect={onSelect}
                onFilterEntity={onFilterEntity}
              />
            );
          })}
          {bottom > 0 ? <tr aria-hidden="true" style={{ height: bottom }} /> : null}
        </tbody>
      </table>
    </div>
  );
});
