import { useCallback, useDeferredValue, useMemo } from 'react';
import { BeadStatus, BeadType } from '../../../../api';
import { ErrorState } from '../../../../components/error-state';
import { EmptyState, Loading } from '../../../../components/states';
import { formatNumber } from '../../../../lib/format';
import { useAllBeads } from '../../api/beads';
import {
  collectLabels,
  countByStatus,
  filterBeadsExceptStatus,
  filterByStatus,
  mergeBeadPages,
  parseBeadView,
  writeBeadView,
  type BeadSort,
} from '../../model/bead-view';
import { BeadsTable, type BeadsSelection } from '../beads-table';
import { InvalidRows } from '../../../../components/invalid-rows';
import { BulkBeadsButton, BulkSelectedButton } from '../../../interventions';
import { useRowSelection } from '../../../../components/use-row-selection';
import { useSearchState, useUrlText } from '../../../../components/use-search-state';
import { SavedViewsBar } from '../../../saved-views';
import { FilterToolbar, NoMatch, SelectionBar, StatusChips, ToolbarSelect } from '../filter-toolbar';

const STATUS_LABEL: Record<BeadStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  in_review: 'In review',
  closed: 'Closed',
  failed: 'Failed',
};

/** All beads of the town: filters and sort in the URL, counts per status, virtualized rows. */
export function StateTab({ townId }: { townId: string }) {
  const [view, update] = useSearchState(parseBeadView, writeBeadView);
  const onSort = useCallback((sort: BeadSort) => update({ sort }), [update]);
  const [text, setText, resetText] = useUrlText(
    view.q,
    useCallback((q: string) => update({ q }), [update]),
  );

  const clearFilters = () => {
    resetText('');
    update({ status: [], type: [], label: '', q: '' });
  };

  const query = useAllBeads(townId);
  const pages = query.data?.pages;
  const beads = useMemo(() => (pages ? mergeBeadPages(pages) : []), [pages]);
  const invalid = useMemo(() => pages?.flatMap((p) => p.invalid_rows ?? []), [pages]);
  const total = pages?.[pages.length - 1]?.total ?? pages?.[0]?.total ?? null;
  const loading = query.hasNextPage || query.isFetchingNextPage;

  // Typing stays responsive on 10k beads: the table catches up with the deferred text.
  const q = useDeferredValue(view.q);
  const { type, label, status } = view;
  const base = useMemo(() => filterBeadsExceptStatus(beads, { type, label, q }), [beads, type, label, q]);
  const counts = useMemo(() => countByStatus(base), [base]);
  const visible = useMemo(() => filterByStatus(base, status), [base, status]);
  const labels = useMemo(() => collectLabels(beads), [beads]);
  // Ticked beads never exceed the filter: the hook drops the ones `visible` no longer holds.
  const visibleIds = useMemo(() => visible.map((b) => b.id), [visible]);
  const rowSelection = useRowSelection(visibleIds);
  const { isSelected, toggle: toggleRow, toggleAll, selected } = rowSelection;
  const tableSelection = useMemo<BeadsSelection>(
    () => ({ isSelected, toggle: toggleRow, toggleAll, selected: selected.length }),
    [isSelected, toggleRow, toggleAll, selected.length],
  );

  if (query.isPending) return <Loading label="Loading beads from TownDO" query={query} />;
  if (query.isError && beads.length === 0) return <ErrorState error={query.error} what="beads" onRetry={() => void query.refetch()} />;

  const filtered = view.status.length > 0 || view.type.length > 0 || view.label !== '' || view.q !== '';
  return (
    <section className="panel tab-panel" aria-label="Beads">
      <SavedViewsBar scope="beads" onApplied={(p) => resetText(p.get('q') ?? '')} />
      <FilterToolbar
        text={text}
        onText={setText}
        placeholder="Filter by title, id, label, agent"
        label="Filter beads by text"
        filtered={filtered}
        onClear={clearFilters}
        actions={
          <>
            <BulkBeadsButton
              townId={townId}
              filter={{
                ...(view.status.length ? { status: view.status } : {}),
                ...(view.type.length ? { type: view.type } : {}),
                ...(view.label ? { label: view.label } : {}),
                ...(view.q.trim() ? { q: view.q.trim() } : {}),
              }}
              shown={visible.length}
            />
            {selected.length ? (
              <SelectionBar testId="beads-selection" onClear={rowSelection.clear}>
                <BulkSelectedButton townId={townId} kind="bead" ids={selected} />
              </SelectionBar>
            ) : null}
          </>
        }
        count={
          loading && total !== null
            ? `loaded ${formatNumber(beads.length)} of ${formatNumber(total)} beads`
            : `${formatNumber(visible.length)} of ${formatNumber(beads.length)} beads`
        }
        countTestId="beads-progress"
      >
        <ToolbarSelect
          caption="Type"
          label="Filter by type"
          value={view.type[0] ?? ''}
          onChange={(type) => update({ type: type ? [type as BeadType] : [] })}
          all="all types"
          options={BeadType.options.map((t) => ({ value: t, label: t.replace('_', ' ') }))}
        />
        <ToolbarSelect
          caption="Label"
          label="Filter by label"
          value={view.label}
          onChange={(label) => update({ label })}
          all="all labels"
          // A label in the URL that no loaded bead carries (yet) stays selectable.
          options={[...labels, ...(view.label && !labels.includes(view.label) ? [view.label] : [])].map((l) => ({ value: l, label: l }))}
        />
      </FilterToolbar>
      {loading && total ? <progress className="load-progress" max={total} value={beads.length} aria-label="Beads loaded" /> : null}
      <StatusChips
        label="Filter by status"
        options={BeadStatus.options}
        selected={view.status}
        onChange={(status) => update({ status })}
        count={(s) => formatNumber(counts[s])}
        text={(s) => STATUS_LABEL[s]}
      />
      <InvalidRows rows={invalid} noun="bead" />
      {query.isError ? <ErrorState error={query.error} what="the rest of the beads" onRetry={() => void query.fetchNextPage()} /> : null}
      {beads.length === 0 && !invalid?.length ? (
        <EmptyState title="This town has no beads yet">Beads appear here as soon as the Mayor or a user creates work.</EmptyState>
      ) : visible.length === 0 ? (
        <NoMatch what="bead" onClear={clearFilters} />
      ) : (
        <BeadsTable townId={townId} beads={visible} sort={view.sort} onSort={onSort} selection={tableSelection} />
      )}
    </section>
  );
}
