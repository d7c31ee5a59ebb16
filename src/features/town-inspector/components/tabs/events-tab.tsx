import { BoundedJson, BoundedText } from '../../../../components/bounded-text';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { townNow, type TimelineEvent, type TimelineKind } from '../../../../api';
import { Badge } from '../../../../components/badge';
import { CopyId } from '../../../../components/copy-id';
import { ErrorState } from '../../../../components/error-state';
import { EmptyState, Loading } from '../../../../components/states';
import { CSV_TYPE, download, JSON_TYPE } from '../../../../lib/export';
import { formatNumber } from '../../../../lib/format';
import { formatExact } from '../../../../lib/time';
import { TIMELINE_PAGE_SIZE, timelineQuery, useTimeline } from '../../api/timeline';
import { useLiveRefreshPaused } from '../../../../lib/live-refresh';
import { useAgents } from '../../api/tabs';
import {
  exportFileName,
  parseTimelineView,
  RANGE_PRESETS,
  TIMELINE_KINDS,
  toTimelineCsv,
  toTimelineJson,
  toTimelineQuery,
  writeTimelineView,
} from '../../model/timeline-view';
import { KIND_TONE, TimelineRows } from '../timeline-rows';
import { useSearchState, useUrlText } from '../../../../components/use-search-state';
import { useDebounced } from '../../../../components/use-debounced';
import { SavedViewsBar } from '../../../saved-views';
import { InvalidRows } from '../../../../components/invalid-rows';

const EMPTY: TimelineEvent[] = [];

/** ISO → the `YYYY-MM-DDTHH:mm` a datetime-local input shows, in the admin's local time. */
function toLocalInput(iso: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : '');

function EventDetails({ event, onClose, onFilter }: { event: TimelineEvent; onClose: () => void; onFilter: (id: string) => void }) {
  return (
    <section className="panel event-details" aria-label="Event details">
      <div className="panel-head">
        <h2>{event.type}</h2>
        <Badge tone={KIND_TONE[event.kind]}>{event.kind}</Badge>
        <span className="muted small">{formatExact(event.at)}</span>
        <span className="spacer" />
        <button type="button" className="button button-small" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="message-cell">
        <BoundedText text={event.summary} size="block" label="summary" />
      </p>
      <div className="page-header-meta small">
        <CopyId id={event.id} full label="event id" />
        {event.bead_id ? (
          <button type="button" className="button button-small" onClick={() => onFilter(event.bead_id!)}>
            Only this bead
          </button>
        ) : null}
        {event.agent_id ? (
          <button type="button" className="button button-small" onClick={() => onFilter(event.agent_id!)}>
            Only this agent
          </button>
        ) : null}
      </div>
      <BoundedJson value={event.details} className="text-block small" label="details" />
    </section>
  );
}

/** One timeline of everything that happened in the town, filterable, exportable. */
export function EventsTab({ townId }: { townId: string }) {
  const [view, setView] = useSearchState(parseTimelineView, writeTimelineView);
  // Filter changes are history entries (back undoes a filter); selecting a row is not.
  const update = useCallback((patch: Partial<ReturnType<typeof parseTimelineView>>) => setView(patch, { replace: false }), [setView]);
  const [text, setText, resetText] = useUrlText(
    view.q,
    useCallback((q: string) => setView({ q }), [setView]),
  );
  // The server filters by text: ask once typing pauses, not per keystroke (the URL follows each one).
  const typed = view.q.trim();
  const q = useDebounced(typed, typed, 300).value;
  // Keyed on the filter's values, not the parsed object: selecting a row (`?event=`) must not refetch.
  const kindKey = view.kind.join(',');
  const { entity, from, to } = view;
  const query = useMemo(
    () =>
      toTimelineQuery({ q, kind: kindKey ? (kindKey.split(',') as TimelineKind[]) : [], entity, from, to, event: '' }, TIMELINE_PAGE_SIZE),
    [q, kindKey, entity, from, to],
  );
  const timeline = useTimeline(townId, query);
  const queryClient = useQueryClient();
  const livePaused = useLiveRefreshPaused();
  // Refetching every loaded page each 15 s would reload thousands of rows under the reader: polling stops, and says so.
  const backToNewest = () => void queryClient.resetQueries({ queryKey: timelineQuery(townId, query).queryKey, exact: true });
  const agents = useAgents(townId);
  const agentNames = useMemo(() => new Map((agents.data?.items ?? []).map((a) => [a.id, a.name])), [agents.data]);
  const pages = timeline.data?.pages;
  const rows = useMemo(() => (pages ? pages.flatMap((p) => p.items) : EMPTY), [pages]);
  const total = pages?.[0]?.total ?? null;
  const invalid = useMemo(() => pages?.flatMap((p) => p.invalid_rows ?? []), [pages]);
  const [loadingAll, setLoadingAll] = useState(false);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = timeline;
  const loadAll = async () => {
    setLoadingAll(true);
    try {
      let result = await fetchNextPage();
      while (result.hasNextPage && !result.isError) result = await fetchNextPage();
    } finally {
      setLoadingAll(false);
    }
  };

  const onSelect = useCallback((id: string) => setView({ event: id }), [setView]);
  const onFilterEntity = useCallback((id: string) => update({ entity: id, event: '' }), [update]);
  const selected = view.event ? rows.find((r) => r.id === view.event) : undefined;
  const toggleKind = (k: TimelineKind) => update({ kind: view.kind.includes(k) ? view.kind.filter((x) => x !== k) : [...view.kind, k] });
  const filtered = typed !== '' || view.kind.length > 0 || view.entity !== '' || view.from !== '' || view.to !== '';
  const clearFilters = () => {
    resetText('');
    update({ q: '', kind: [], entity: '', from: '', to: '', event: '' });
  };
  const clearText = () => {
    resetText('');
    update({ q: '' });
  };
  const exportMeta = () => ({ town_id: townId, filter: view, exported_at: new Date().toISOString() });

  return (
    <div className="tab-stack">
      <section className="panel tab-panel" aria-label="Events">
        <SavedViewsBar scope="timeline" />
        <div className="toolbar">
          <input
            className="input toolbar-search"
            type="search"
            placeholder="Filter events by text…"
            aria-label="Filter events by text"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <div className="status-chips" role="group" aria-label="Filter by kind">
            {TIMELINE_KINDS.map((k) => (
              <button key={k} type="button" className="chip" aria-pressed={view.kind.includes(k)} onClick={() => toggleKind(k)}>
                {k}
              </button>
            ))}
          </div>
          <div className="status-chips" role="group" aria-label="Time range">
            {RANGE_PRESETS.map((p) => (
              <button
                key={p.id}
                type="button"
                className="chip"
                onClick={() => update({ from: new Date(townNow(townId) - p.ms).toISOString(), to: '' })}
              >
                last {p.label}
              </button>
            ))}
          </div>
          <label className="toolbar-field">
            <span className="muted small">From (local)</span>
            <input
              className="input"
              type="datetime-local"
              aria-label="From (local time)"
              value={toLocalInput(view.from)}
              onChange={(e) => update({ from: fromLocalInput(e.target.value) })}
            />
          </label>
          <label className="toolbar-field">
            <span className="muted small">To (local)</span>
            <input
              className="input"
              type="datetime-local"
              aria-label="To (local time)"
              value={toLocalInput(view.to)}
              onChange={(e) => update({ to: fromLocalInput(e.target.value) })}
            />
          </label>
          {filtered ? (
            <button type="button" className="button button-small button-ghost" onClick={clearFilters}>
              Clear filters
            </button>
          ) : null}
        </div>
        {view.entity ? (
          <div className="entity-filter" role="status">
            Only events of <CopyId id={view.entity} full label="filtered id" />
            <button type="button" className="button button-small" onClick={() => update({ entity: '' })}>
              Show all entities
            </button>
          </div>
        ) : null}
        <div className="toolbar">
          <span className="muted small" data-testid="timeline-count" role="status" aria-live="polite">
            {timeline.isPending
              ? 'loading…'
              : `${formatNumber(rows.length)} of ${total !== null ? formatNumber(total) : '?'} events loaded, newest first`}
          </span>
          <span className="spacer" />
          <button
            type="button"
            className="button button-small"
            disabled={!hasNextPage || isFetchingNextPage}
            onClick={() => void fetchNextPage()}
          >
            {isFetchingNextPage && !loadingAll ? 'Loading…' : 'Load older'}
          </button>
          <button type="button" className="button button-small" disabled={!hasNextPage || loadingAll} onClick={() => void loadAll()}>
            {loadingAll ? `Loading all… ${formatNumber(rows.length)}` : 'Load all'}
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={rows.length === 0}
            onClick={() => download(exportFileName(townId, view, 'json', new Date()), toTimelineJson(rows, exportMeta()), JSON_TYPE)}
          >
            Export JSON
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={rows.length === 0}
            onClick={() => download(exportFileName(townId, view, 'csv', new Date()), toTimelineCsv(rows), CSV_TYPE)}
          >
            Export CSV
          </button>
        </div>
        {!livePaused && (pages?.length ?? 0) > 1 ? (
          <p className="muted small" role="status" data-testid="timeline-live-off">
            Live refresh skips this list while older events are loaded: new events do not appear.{' '}
            <button type="button" className="link-button" onClick={backToNewest}>
              Back to the newest {formatNumber(TIMELINE_PAGE_SIZE)} (refreshing again)
            </button>
          </p>
        ) : null}
        {hasNextPage && rows.length > 0 ? (
          <p className="muted small">
            Exports hold the {formatNumber(rows.length)} loaded rows; “Load all” first to export every matching event.
          </p>
        ) : null}
        {selected ? <EventDetails event={selected} onClose={() => onSelect('')} onFilter={onFilterEntity} /> : null}
        <InvalidRows rows={invalid} noun="event" />
        {timeline.isPending ? (
          <Loading label="Loading the town timeline" query={timeline} />
        ) : timeline.isError && rows.length === 0 ? (
          <ErrorState error={timeline.error} what="timeline" onRetry={() => void timeline.refetch()} />
        ) : rows.length === 0 && !invalid?.length ? (
          <EmptyState
            title={
              typed ? `No events match “${typed}”` : filtered ? 'No events match these filters' : 'No events recorded for this town yet'
            }
          >
            {typed ? (
              <>
                The text is looked for in each event’s type, summary and details.{' '}
                <button type="button" className="button button-small" onClick={clearText}>
                  Clear the text
                </button>{' '}
              </>
            ) : null}
            {filtered ? (
              <button type="button" className="button button-small" onClick={clearFilters}>
                Clear filters
              </button>
            ) : null}
          </EmptyState>
        ) : (
          <>
            {timeline.isError ? <ErrorState error={timeline.error} what="older events" onRetry={() => void fetchNextPage()} /> : null}
            <TimelineRows
              townId={townId}
              rows={rows}
              agentNames={agentNames}
              selected={view.event}
              onSelect={onSelect}
              onFilterEntity={onFilterEntity}
            />
          </>
        )}
      </section>
    </div>
  );
}
