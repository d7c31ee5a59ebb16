import { memo, useEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent, type RefObject } from 'react';
import { ErrorState } from '../../../../components/error-state';
import { useSearchState } from '../../../../components/use-search-state';
import { SavedViewsBar } from '../../../saved-views';
import { formatNumber } from '../../../../lib/format';
import { EventStreamLoader, type StreamState } from '../../api/event-stream';
import { parseAgentView, writeAgentView } from '../../model/agent-view';
import type { EventColumns } from '../../model/event-columns';
import { Highlighted } from '../highlighted';
import { EventDetail } from './event-detail';
import { ServerSearch } from './server-search';
import { matchIndexOf, neighbourMatch, useEventSearch } from './use-event-search';
import { useFixedRows } from './use-fixed-rows';
import { useFeedRetention } from '../../../deployment';

const ROW_HEIGHT = 28;
/** URL writes of the search text wait for a pause in typing (the search itself does not). */
const URL_DEBOUNCE_MS = 300;

type ScrollTarget = { kind: 'event'; id: number } | { kind: 'time'; at: number } | { kind: 'oldest' } | { kind: 'newest' };

function lowerBound(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Every SDK event of an agent, newest first: virtualized rows (time, type, one-line summary),
 * loaded page by page; a row expands to its full payload. Search runs in a Web Worker over what is
 * loaded; the server searches the rest. `?q=`, `?event=` and `?type=` keep the place in the URL.
 * Mount with `key={agentId}`: the loader lives as long as the component.
 */
export function EventViewer({ townId, agentId, eventCount }: { townId: string; agentId: string; eventCount: number }) {
  const [loader] = useState(() => new EventStreamLoader(townId, agentId, eventCount));
  useEffect(() => {
    loader.start();
    return () => loader.dispose();
  }, [loader]);
  const stream = useSyncExternalStore(loader.subscribe, loader.getState);
  const cols = loader.columns;

  const [urlView, setView] = useSearchState(parseAgentView, writeAgentView);
  const { event: selectedId, type: typeFilter } = urlView;
  const [query, setQuery] = useState(urlView.q);
  const [target, setTarget] = useState<ScrollTarget | null>(() => (selectedId !== null ? { kind: 'event', id: selectedId } : null));
  const [timeInput, setTimeInput] = useState('');

  // Only a search the admin typed is written: a write on mount (or when another navigation changes the
  // URL under a viewer that is going away) would land on the next page's URL and wipe its parameters.
  const urlQuery = urlView.q;
  useEffect(() => {
    if (query === urlQuery) return;
    const timer = setTimeout(() => setView({ q: query }), URL_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, urlQuery, setView]);

  const typeCode = typeFilter ? cols.typeNames.indexOf(typeFilter) : -1;
  const allowed = useMemo(() => (typeFilter ? (typeCode >= 0 ? [typeCode] : []) : null), [typeFilter, typeCode]);
  const view = useMemo(() => (allowed ? cols.filterPositions(new Set(allowed), stream.loaded) : null), [cols, allowed, stream.loaded]);
  const count = view ? view.length : stream.loaded;
  const positionAt = (index: number) => (view ? view[index]! : index);
  const indexOfPosition = (position: number) => (view ? Math.min(lowerBound(view, position), view.length - 1) : position);

  const search = useEventSearch(loader.search, query, allowed, stream.loaded, cols.newerCount);
  const matches = search.result?.matches ?? null;
  const selectedPos = selectedId === null ? -1 : cols.positionOf(selectedId);

  const parentRef = useRef<HTMLDivElement>(null);
  // The selected row's index in the list shown (-1 when the type filter hides it).
  const openAt = view && selectedPos >= 0 ? lowerBound(view, selectedPos) : selectedPos;
  const openIndex = view && view[openAt] !== selectedPos ? -1 : openAt;
  const rows = useFixedRows({ count, scrollRef: parentRef, rowHeight: ROW_HEIGHT, overscan: 12, openIndex });

  // Near the end of what is loaded (beyond the auto-load limit), ask for older pages.
  const items = rows.items;
  const lastVisible = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (!stream.done && count > 0 && lastVisible > count - 200) loader.requestUpTo(stream.loaded + 20_000);
  }, [lastVisible, count, stream.done, stream.loaded, loader]);

  // Resolve a pending jump (to an event, a time, the oldest) once the rows it needs are loaded.
  const pending = resolveTarget(target, cols, stream);
  useEffect(() => {
    if (!target) return;
    if (pending.position === null) {
      if (pending.needsMore) loader.requestUpTo(Number.MAX_SAFE_INTEGER);
      return;
    }
    if (count > 0) rows.scrollToIndex(indexOfPosition(pending.position), target.kind === 'event' ? 'center' : 'start');
    // The jump is done once the scroll element has moved (the DOM, outside React): forget it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setTarget(null);
    // indexOfPosition and rows.scrollToIndex are derived from `view` and `count`, listed instead.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target, pending.position, pending.needsMore, count, view, loader]);

  const tail = useLiveTail(loader, stream, parentRef, selectedId !== null || target !== null);

  const select = (id: number | null) => setView({ event: id });
  const goToMatch = (direction: 1 | -1) => {
    if (!matches || matches.length === 0) return;
    const i = neighbourMatch(matches, selectedPos >= 0 ? selectedPos : null, direction);
    const id = cols.id(matches[i]!);
    select(id);
    setTarget({ kind: 'event', id });
  };
  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      goToMatch(e.shiftKey ? -1 : 1);
    } else if (e.key === 'Escape') {
      setQuery('');
    }
  };
  const jumpToTime = () => {
    const at = Date.parse(`${timeInput}Z`);
    if (!Number.isNaN(at)) setTarget({ kind: 'time', at });
  };

  const matchIndex = matches ? matchIndexOf(matches, selectedPos) : -1;
  const retention = useFeedRetention('sdk_events');
  const total = stream.total ?? eventCount;
  const q = query.trim();

  return (
    <section className="panel ev" aria-labelledby="ev-title">
      <div className="panel-head">
        <h2 id="ev-title">SDK events</h2>
        <span
          className="muted small"
          role="status"
          aria-live="polite"
          data-loaded={stream.loaded}
          data-total={total}
          data-done={stream.done}
        >
          {stream.done
            ? `All ${formatNumber(stream.loaded)} events loaded`
            : `Loaded ${formatNumber(stream.loaded)} of ${formatNumber(total)} events (newest first)`}
        </span>
        {retention ? (
          <span className="muted small" data-testid="sdk-retention" title="What this deployment keeps of an agent's SDK events">
            this deployment keeps the {retention}:{' '}
            {stream.dropped > 0 ? `${formatNumber(stream.dropped)} older ones are gone` : 'older ones are gone'}
          </span>
        ) : null}
        {!stream.done && total > 0 ? (
          <progress className="ev-progress" max={total} value={stream.loaded} aria-label="Events loaded" />
        ) : null}
      </div>
      {stream.error ? <ErrorState error={stream.error} what="the agent's event index" onRetry={() => loader.retry()} /> : null}

      <SavedViewsBar scope="sdk_events" onApplied={(p) => setQuery(p.get('q') ?? '')} />
      <div className="ev-toolbar">
        <div className="ev-search">
          <input
            className="input"
            type="search"
            placeholder="Search loaded events (type, message, tool, error)"
            aria-label="Search loaded events"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={onSearchKey}
          />
          <span
            className="ev-count small"
            data-search-query={search.result?.query ?? ''}
            data-search-state={q ? (search.busy ? 'busy' : 'done') : 'idle'}
            aria-live="polite"
          >
            {!q
              ? null
              : !search.result
                ? 'searching…'
                : matches!.length === 0
                  ? `No matches in ${formatNumber(search.result.searched)} loaded`
                  : matchIndex >= 0
                    ? `${formatNumber(matchIndex + 1)} of ${formatNumber(matches!.length)} matches`
                    : `${formatNumber(matches!.length)} ${matches!.length === 1 ? 'match' : 'matches'}`}
          </span>
          <button
            type="button"
            className="button button-small"
            onClick={() => goToMatch(-1)}
            disabled={!matches?.length}
            aria-label="Previous match"
            title="Previous match (Shift+Enter)"
          >
            ↑
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={() => goToMatch(1)}
            disabled={!matches?.length}
            aria-label="Next match"
            title="Next match (Enter)"
          >
            ↓
          </button>
        </div>
        <div className="ev-controls">
          <label className="ev-inline small">
            <span className="muted">Type</span>
            <select
              className="input ev-select"
              value={typeFilter}
              onChange={(e) => setView({ type: e.target.value })}
              aria-label="Filter by event type"
            >
              <option value="">All types</option>
              {(typeFilter && typeCode < 0 ? [...cols.typeNames, typeFilter] : cols.typeNames).map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button button-small" onClick={() => setTarget({ kind: 'newest' })}>
            Newest
          </button>
          <button type="button" className="button button-small" onClick={() => setTarget({ kind: 'oldest' })}>
            Oldest
          </button>
          <label className="ev-inline small">
            <span className="muted">at (UTC)</span>
            <input
              className="input ev-time"
              type="datetime-local"
              step="1"
              value={timeInput}
              onChange={(e) => setTimeInput(e.target.value)}
              aria-label="Jump to time (UTC)"
            />
          </label>
          <button type="button" className="button button-small" onClick={jumpToTime} disabled={!timeInput}>
            Go
          </button>
        </div>
      </div>

      {target && pending.position === null ? (
        <p className="ev-note small" role="status">
          {target.kind === 'event' && stream.done
            ? `Event #${target.id} does not exist in this stream.`
            : `Loading older events to reach ${describeTarget(target)}…`}
        </p>
      ) : null}
      {selectedId !== null && selectedPos < 0 && stream.done ? (
        <div className="ev-orphan">
          <EventDetail townId={townId} agentId={agentId} eventId={selectedId} query={query} />
        </div>
      ) : null}
      <ServerSearch
        townId={townId}
        agentId={agentId}
        query={query}
        onPick={(id) => {
          select(id);
          if (typeFilter) setView({ type: '' });
          setTarget({ kind: 'event', id });
        }}
      />

      <div className="ev-head small muted" aria-hidden="true">
        <span>time (UTC)</span>
        <span>type</span>
        <span>summary</span>
      </div>
      <div className="ev-tail" aria-live="polite">
        {stream.pending > 0 ? (
          <button
            type="button"
            className="button button-small ev-new-pill"
            onClick={() => {
              loader.admitPending();
              setTarget({ kind: 'newest' });
            }}
          >
            ↑ {formatNumber(stream.pending)} new {stream.pending === 1 ? 'event' : 'events'}
          </button>
        ) : null}
      </div>
      <div ref={parentRef} className="ev-scroll" role="list" aria-label="SDK events, newest first" aria-busy={!stream.done}>
        {count === 0 ? (
          <p className="ev-empty muted">
            {stream.loaded === 0
              ? stream.done
                ? 'This agent has no SDK events.'
                : 'Loading the newest events…'
              : `No loaded events of type “${typeFilter}”.`}
          </p>
        ) : null}
        <div style={{ height: rows.totalSize, position: 'relative', width: '100%' }}>
          {items.map((item) => {
            const position = positionAt(item.index);
            const id = cols.id(position);
            const selected = id === selectedId;
            return (
              // Keyed by event id: when the live tail puts rows in front, every row keeps its element.
              <div
                key={id}
                data-index={item.index}
                ref={selected ? rows.measureOpen : undefined}
                className={`ev-item${selected ? ' ev-item-selected' : ''}${id >= tail.freshFrom ? ' ev-item-fresh' : ''}`}
                data-fresh={id >= tail.freshFrom || undefined}
                style={{ transform: `translateY(${item.start}px)` }}
                role="listitem"
              >
                <EventRow
                  cols={cols}
                  id={id}
                  position={position}
                  query={q}
                  match={matches ? matchIndexOf(matches, position) >= 0 : false}
                  selected={selected}
                  onToggle={select}
                />
                {selected ? <EventDetail townId={townId} agentId={agentId} eventId={id} query={q} /> : null}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}

const EventRow = memo(function EventRow({
  cols,
  id,
  position,
  query,
  match,
  selected,
  onToggle,
}: {
  cols: EventColumns;
  /** The row's event (a position holds another event once the live tail puts rows in front). */
  id: number;
  position: number;
  query: string;
  match: boolean;
  selected: boolean;
  onToggle: (id: number | null) => void;
}) {
  const at = cols.time(position);
  const type = cols.typeOf(position);
  const iso = new Date(at).toISOString();
  return (
    <button
      type="button"
      className={`ev-row${match ? ' ev-row-match' : ''}${type === 'error' || type.endsWith('.error') ? ' ev-row-error' : ''}`}
      aria-expanded={selected}
      data-event-row={id}
      data-match={match || undefined}
      onClick={() => onToggle(selected ? null : id)}
    >
      <time className="ev-time-cell" dateTime={iso} title={`#${id} · ${iso}`}>
        <span className="ev-date">{iso.slice(5, 10)} </span>
        {iso.slice(11, 23)}
      </time>
      <span className="ev-type">
        <Highlighted text={type} query={query} />
      </span>
      <span className="ev-summary">
        <Highlighted text={cols.summary(position)} query={query} />
      </span>
    </button>
  );
});

function describeTarget(target: ScrollTarget): string {
  if (target.kind === 'event') return `event #${target.id}`;
  if (target.kind === 'time') return new Date(target.at).toISOString().replace('T', ' ').slice(0, 19);
  return target.kind === 'oldest' ? 'the first event' : 'the newest event';
}

function resolveTarget(
  target: ScrollTarget | null,
  cols: EventColumns,
  stream: StreamState,
): { position: number | null; needsMore: boolean } {
  if (!target) return { position: null, needsMore: false };
  const last = cols.length - 1;
  switch (target.kind) {
    case 'newest':
      return { position: cols.length > 0 ? 0 : null, needsMore: false };
    case 'oldest':
      return stream.done ? { position: Math.max(0, last), needsMore: false } : { position: null, needsMore: true };
    case 'time': {
      const p = cols.positionAtOrBefore(target.at);
      if (p < cols.length) return { position: p, needsMore: false };
      return stream.done ? { position: Math.max(0, last), needsMore: false } : { position: null, needsMore: true };
    }
    case 'event': {
      const p = cols.positionOf(target.id);
      if (p >= 0) return { position: p, needsMore: false };
      return { position: null, needsMore: !stream.done };
    }
  }
}

/** Within this many pixels of the top (the newest end), the viewer follows new events. */
const EDGE_PX = ROW_HEIGHT / 2;

/**
 * The live tail's policy. New events arrive in the loader's waiting list; they go into the list at once
 * only while the reader is at the newest end with nothing open (following), so the rows being read
 * never move. Otherwise they wait behind the "N new events" pill. Returns the id from which rows are
 * marked fresh (Infinity once the mark has run out).
 */
function useLiveTail(
  loader: EventStreamLoader,
  stream: StreamState,
  scrollRef: RefObject<HTMLDivElement | null>,
  reading: boolean,
): { freshFrom: number } {
  const [atEdge, setAtEdge] = useState(true);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const onScroll = () => setAtEdge(el.scrollTop <= EDGE_PX);
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, [scrollRef]);

  const following = atEdge && !reading;
  useEffect(() => {
    if (following && stream.pending > 0) loader.admitPending();
  }, [following, stream.pending, loader]);

  // Re-render once the fresh mark runs out, so it does not come back on rows scrolled out and in.
  const [expired, setExpired] = useState(0);
  useEffect(() => {
    const left = stream.freshUntil - Date.now();
    if (left <= 0) return;
    const timer = setTimeout(() => setExpired(stream.freshUntil), left);
    return () => clearTimeout(timer);
  }, [stream.freshUntil]);
  return { freshFrom: expired >= stream.freshUntil ? Number.POSITIVE_INFINITY : stream.freshFrom };
}
