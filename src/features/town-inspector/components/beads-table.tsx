import { clipLine } from '../../../lib/bounded-text';
import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { memo, useCallback, useMemo, useRef } from 'react';
import { Link } from 'react-router';
import { BeadStatus, BeadType, isKnown, type BeadListItem, type BeadPriority } from '../../../api';
import { OpenValue } from '../../../components/open-value';
import { AllRowsCheckbox, RowCheckbox } from '../../../components/row-checkbox';
import { StatusBadge } from '../../../components/status-badge';
import { RelativeTime } from '../../../components/relative-time';
import { shortId } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import type { BeadColumn, BeadSort } from '../model/bead-view';
import { useRowsVirtualizer } from './use-rows-virtualizer';

const PRIORITY_RANK: Record<BeadPriority, number> = { low: 0, medium: 1, high: 2, critical: 3 };
const STATUS_RANK: Record<BeadStatus, number> = { open: 0, in_progress: 1, in_review: 2, closed: 3, failed: 4 };
const FINAL_RANK = 4;

const ROW_HEIGHT = 36;
const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel() });
const helper = createColumnHelper<typeof features, BeadListItem>();

const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
const by = (key: (b: BeadListItem) => string | number) => (ra: { original: BeadListItem }, rb: { original: BeadListItem }) =>
  compare(key(ra.original), key(rb.original));

function BeadLink({ townId, bead }: { townId: string; bead: BeadListItem }) {
  return (
    <Link to={paths.bead.getHref(townId, bead.id)} className="bead-title" title={clipLine(bead.title)}>
      {clipLine(bead.title) || <span className="muted">(untitled)</span>}
    </Link>
  );
}

function columns(townId: string) {
  return helper.columns([
    helper.accessor('title', {
      header: 'Bead',
      sortFn: by((b) => b.title.toLowerCase()),
      cell: (info) => (
        <span className="bead-cell">
          <BeadLink townId={townId} bead={info.row.original} />
          <code className="muted small" title={info.row.original.id}>
            {shortId(info.row.original.id)}
          </code>
          {info.row.original.labels.map((l) => (
            <span key={l} className="label-chip">
              {l}
            </span>
          ))}
        </span>
      ),
    }),
    helper.accessor('status', {
      header: 'Status',
      // A status newer than this panel sorts after the known ones.
      sortFn: by((b) => (isKnown(BeadStatus, b.status) ? STATUS_RANK[b.status] : FINAL_RANK + 1)),
      cell: (info) => <StatusBadge kind="bead" status={info.getValue()} />,
    }),
    helper.accessor('type', {
      header: 'Type',
      sortFn: by((b) => b.type),
      cell: (info) => <OpenValue noun="bead type" value={info.getValue()} known={BeadType.options} className="small" />,
    }),
    helper.accessor('priority', {
      header: 'Priority',
      sortFn: by((b) => PRIORITY_RANK[b.priority]),
      cell: (info) => <StatusBadge kind="priority" status={info.getValue()} />,
    }),
    helper.accessor((b) => b.assignee_name ?? '', {
      id: 'assignee',
      header: 'Agent',
      sortFn: by((b) => (b.assignee_name ?? '').toLowerCase()),
      cell: (info) => {
        const b = info.row.original;
        return b.assignee_agent_bead_id ? (
          <Link to={paths.agent.getHref(townId, b.assignee_agent_bead_id)}>{b.assignee_name ?? shortId(b.assignee_agent_bead_id)}</Link>
        ) : (
          <span className="muted">—</span>
        );
      },
    }),
    helper.accessor('dispatch_attempts', {
      header: 'Dispatches',
      sortFn: by((b) => b.dispatch_attempts),
      // 5 = production's dispatch cap per bead.
      cell: (info) => (
        <span className={info.getValue() >= 5 ? 'num text-red strong' : info.getValue() >= 3 ? 'num text-yellow' : 'num'}>
          {info.getValue()}/5
        </span>
      ),
    }),
    helper.accessor((b) => b.last_event_at ?? '', {
      id: 'last_event_at',
      header: 'Last event',
      sortFn: by((b) => b.last_event_at ?? ''),
      cell: (info) => <RelativeTime iso={info.row.original.last_event_at} fallback="—" />,
    }),
    helper.accessor('updated_at', {
      header: 'Updated',
      sortFn: by((b) => b.updated_at),
      cell: (info) => <RelativeTime iso={info.getValue()} />,
    }),
  ]);
}

type TableRow = ReturnType<ReturnType<typeof useTable<typeof features, BeadListItem>>['getRowModel']>['rows'][number];

/** The ticked beads, from the State tab's `useRowSelection` (the toolbar acts on them). */
export interface BeadsSelection {
  isSelected: (id: string) => boolean;
  /** `order`: the ids in the order the table shows them (it sorts), for shift-click ranges. */
  toggle: (id: string, range: boolean, order: readonly string[]) => void;
  toggleAll: () => void;
  selected: number;
}

/**
 * One row; memoized on the row object (stable while data and sort are) and its tick, so scrolling and
 * ticking render only the rows that changed.
 */
const BeadRow = memo(function BeadRow({
  row,
  index,
  Render,
  checked,
  onToggle,
}: {
  row: TableRow;
  index: number;
  Render: ReturnType<typeof useTable<typeof features, BeadListItem>>['FlexRender'];
  checked: boolean | null;
  onToggle: (id: string, range: boolean) => void;
}) {
  return (
    <tr style={{ height: ROW_HEIGHT }} aria-rowindex={index + 2} className={row.original.status === 'failed' ? 'row-failed' : undefined}>
      {checked !== null ? (
        <td className="check-cell">
          <RowCheckbox
            label={clipLine(row.original.title) || shortId(row.original.id)}
            checked={checked}
            onToggle={(range) => onToggle(row.id, range)}
          />
        </td>
      ) : null}
      {row.getAllCells().map((cell) => (
        <td key={cell.id}>
          <Render cell={cell} />
        </td>
      ))}
    </tr>
  );
});

const columnCache = new Map<string, ReturnType<typeof columns>>();
function columnsFor(townId: string) {
  let c = columnCache.get(townId);
  if (!c) {
    c = columns(townId);
    columnCache.set(townId, c);
  }
  return c;
}

const COL_WIDTH: Record<BeadColumn, string> = {
  title: 'auto',
  status: '112px',
  type: '110px',
  priority: '92px',
  assignee: '120px',
  dispatch_attempts: '96px',
  last_event_at: '120px',
  updated_at: '120px',
};

/**
 * The beads table: TanStack Table for columns and sorting, TanStack Virtual for rows; with `selection`,
 * a tick box per row and in the header (every bead the filter shows).
 */
export const BeadsTable = memo(function BeadsTable({
  townId,
  beads,
  sort,
  onSort,
  selection,
}: {
  townId: string;
  beads: BeadListItem[];
  sort: BeadSort;
  onSort: (sort: BeadSort) => void;
  selection?: BeadsSelection;
}) {
  const sorting: SortingState = [{ id: sort.column, desc: sort.desc }];
  const onSortingChange = useCallback(
    (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      if (first) onSort({ column: first.id as BeadColumn, desc: first.desc });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [onSort, sort.column, sort.desc],
  );
  const table = useTable({
    features,
    columns: columnsFor(townId),
    data: beads,
    state: { sorting },
    onSortingChange,
    enableSortingRemoval: false,
    enableMultiSort: false,
    getRowId: (b) => b.id,
  });
  const rows = table.getRowModel().rows;
  const order = useMemo(() => rows.map((r) => r.id), [rows]);
  const toggle = selection?.toggle;
  const onToggle = useCallback((id: string, range: boolean) => toggle?.(id, range, order), [toggle, order]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useRowsVirtualizer(rows.length, scrollRef, ROW_HEIGHT, (i) => rows[i]!.id);
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <div ref={scrollRef} className="virtual-scroll" data-testid="beads-scroll">
      <table className="table table-fixed" aria-label="Beads" aria-rowcount={rows.length + 1}>
        <colgroup>
          {selection ? <col style={{ width: '36px' }} /> : null}
          {table.getAllLeafColumns().map((c) => (
            <col key={c.id} style={{ width: COL_WIDTH[c.id as BeadColumn] }} />
          ))}
        </colgroup>
        <thead className="sticky-head">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {selection ? (
                <th className="check-cell">
                  <AllRowsCheckbox
                    label={`Select all ${rows.length} beads shown`}
                    selected={selection.selected}
                    shown={rows.length}
                    onToggle={selection.toggleAll}
                  />
                </th>
              ) : null}
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th key={header.id} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
                    <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                      <table.FlexRender header={header} />
                      <span aria-hidden="true" className="sort-mark">
                        {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {top > 0 ? <tr aria-hidden="true" style={{ height: top }} /> : null}
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <BeadRow
                key={row.id}
                row={row}
                index={item.index}
                Render={table.FlexRender}
                checked={selection ? selection.isSelected(row.id) : null}
                onToggle={onToggle}
              />
            );
          })}
          {bottom > 0 ? <tr aria-hidden="true" style={{ height: bottom }} /> : null}
        </tbody>
      </table>
    </div>
  );
});
