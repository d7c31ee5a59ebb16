import { clipLine } from '../../../../lib/bounded-text';
import { useCallback, useMemo } from 'react';
import { Link } from 'react-router';
import { ReviewState, type ReviewEntry } from '../../../../api';
import { Badge } from '../../../../components/badge';
import { ErrorState, RefreshFailed } from '../../../../components/error-state';
import { InvalidRows } from '../../../../components/invalid-rows';
import { RelativeTime } from '../../../../components/relative-time';
import { EmptyState, Loading } from '../../../../components/states';
import { StatusBadge } from '../../../../components/status-badge';
import { useNow } from '../../../../components/use-now';
import { paths } from '../../../../lib/paths';
import { formatDuration } from '../../../../lib/time';
import { useReviewQueue } from '../../api/tabs';
import { toSafeExternalUrl } from '../../../../lib/urls';
import { ReviewQueueChart } from '../lazy-charts';
import { BulkFilterButton, BulkSelectedButton, ReadyBatchButton, ReviewActions, ReviewQueueActions } from '../../../interventions';
import { SavedViewsBar } from '../../../saved-views';
import { FilterToolbar, NoMatch, SelectionBar, StatusChips } from '../filter-toolbar';
import { AllRowsCheckbox, RowCheckbox } from '../../../../components/row-checkbox';
import { useRowSelection } from '../../../../components/use-row-selection';
import { useSearchState, useUrlText } from '../../../../components/use-search-state';
import { filterReviews, parseReviewFilter, writeReviewFilter } from '../../model/review-filter';
import { BoundedText } from '../../../../components/bounded-text';

const EMPTY: ReviewEntry[] = [];

const STATE_ORDER: Record<ReviewState, number> = { failed: 0, running: 1, pending: 2, merged: 3 };

/** The refinery may report a bogus PR URL: only http(s) becomes a link, and it opens without an opener. */
export function PrLink({ url }: { url: string | null }) {
  if (!url) return <span className="muted">—</span>;
  const safe = toSafeExternalUrl(url);
  if (!safe)
    return (
      <span className="mono small text-red" title="Not an http(s) URL: shown as text">
        {url}
      </span>
    );
  return (
    <a className="mono small" href={safe} target="_blank" rel="noopener noreferrer">
      {safe.replace(/^https?:\/\//, '')} ↗
    </a>
  );
}

function timeInQueue(e: ReviewEntry, now: number): number {
  const end = e.completed_at ? Date.parse(e.completed_at) : now;
  return end - Date.parse(e.enqueued_at);
}

/** Merge requests in the refinery's queue with depth and throughput over time. */
export function ReviewTab({ townId }: { townId: string }) {
  const queue = useReviewQueue(townId);
  const now = useNow();
  const [filter, update] = useSearchState(parseReviewFilter, writeReviewFilter);
  const [text, setText, resetText] = useUrlText(
    filter.q,
    useCallback((q: string) => update({ q }), [update]),
  );
  const entries = queue.data?.entries ?? EMPTY;
  const sorted = useMemo(
    () =>
      [...entries].sort((a, b) => STATE_ORDER[a.review_state] - STATE_ORDER[b.review_state] || a.enqueued_at.localeCompare(b.enqueued_at)),
    [entries],
  );
  const shown = useMemo(() => filterReviews(sorted, filter), [sorted, filter]);
  const shownIds = useMemo(() => shown.map((e) => e.bead_id), [shown]);
  const selection = useRowSelection(shownIds);
  const clearFilters = () => {
    resetText('');
    update({ state: [], q: '' });
  };
  if (queue.isPending) return <Loading label="Loading the review queue" query={queue} />;
  if (queue.data === undefined) return <ErrorState error={queue.error} what="review queue" onRetry={() => void queue.refetch()} />;
  const { samples, depth, merge_strategy } = queue.data;
  const filtered = filter.state.length > 0 || filter.q.trim() !== '';
  // A merge request an admin closed without merging keeps review state failed; it is not failing work.
  const failed = entries.filter((e) => e.review_state === 'failed' && e.status !== 'closed').length;
  const closedUnmerged = entries.filter((e) => e.review_state === 'failed' && e.status === 'closed').length;
  const oldest = entries
    .filter((e) => e.review_state === 'pending' || e.review_state === 'running')
    .sort((a, b) => a.enqueued_at.localeCompare(b.enqueued_at))[0];
  const processedLastHour = samples.filter((s) => now - Date.parse(s.at) <= 3600_000).reduce((sum, s) => sum + s.processed, 0);
  return (
    <div className="tab-stack">
      <RefreshFailed query={queue} what="review queue" />
      <InvalidRows rows={queue.data.invalid_rows} noun="review queue row" />
      <section className="panel" aria-label="Review queue summary">
        <ReviewQueueActions
          townId={townId}
          strategy={merge_strategy}
          pending={entries.filter((e) => e.review_state === 'pending').length}
        />
        <dl className="facts">
          <div>
            <dt>Merge strategy</dt>
            <dd>
              <Badge tone="neutral">{merge_strategy === 'pr' ? 'pull request' : 'direct merge'}</Badge>
            </dd>
          </div>
          <div>
            <dt>Queue depth</dt>
            <dd data-testid="queue-depth">{depth}</dd>
          </div>
          <div>
            <dt>Failed</dt>
            <dd>
              {failed > 0 ? <Badge tone="red">{failed} failed</Badge> : 0}
              {closedUnmerged > 0 ? <span className="muted small">+ {closedUnmerged} closed without merging</span> : null}
            </dd>
          </div>
          <div>
            <dt>Oldest waiting</dt>
            <dd>{oldest ? formatDuration(timeInQueue(oldest, now)) : <span className="muted">—</span>}</dd>
          </div>
          <div>
            <dt>Processed, last hour</dt>
            <dd className={depth > 0 && processedLastHour === 0 ? 'text-red' : undefined}>{processedLastHour}</dd>
          </div>
        </dl>
      </section>
      <section className="panel" aria-label="Queue depth and processing rate">
        <h2>Queue depth and processing rate</h2>
        {samples.length ? <ReviewQueueChart samples={samples} /> : <EmptyState title="No queue samples yet" />}
      </section>
      <section className="panel" aria-label="Merge requests">
        <h2>Merge requests</h2>
        <SavedViewsBar scope="reviews" onApplied={(p) => resetText(p.get('q') ?? '')} />
        <FilterToolbar
          text={text}
          onText={setText}
          placeholder="Filter by title or bead id"
          label="Filter merge requests by text"
          filtered={filtered}
          onClear={clearFilters}
          actions={
            <>
              <BulkFilterButton
                townId={townId}
                kind="review"
                filter={{ ...(filter.state.length ? { state: filter.state } : {}), ...(filter.q.trim() ? { q: filter.q.trim() } : {}) }}
                shown={shown.length}
              />
              <ReadyBatchButton townId={townId} preset="failed_reviews" />
              {selection.selected.length ? (
                <SelectionBar testId="reviews-selection" onClear={selection.clear}>
                  <BulkSelectedButton townId={townId} kind="review" ids={selection.selected} />
                </SelectionBar>
              ) : null}
            </>
          }
          count={`${shown.length} of ${sorted.length} merge requests`}
        >
          <StatusChips
            label="Filter by review state"
            options={ReviewState.options}
            selected={filter.state}
            onChange={(state) => update({ state })}
            count={(s) => entries.filter((e) => e.review_state === s).length}
            toned={false}
          />
        </FilterToolbar>
        {sorted.length === 0 ? (
          <EmptyState title="The review queue is empty">Merge requests appear here when a polecat submits work for review.</EmptyState>
        ) : shown.length === 0 ? (
          <NoMatch what="merge request" onClear={clearFilters} />
        ) : (
          <div className="table-scroll">
            <table className="table" aria-label="Merge requests">
              <thead>
                <tr>
                  <th className="check-cell">
                    <AllRowsCheckbox
                      label={`Select all ${shown.length} merge requests shown`}
                      selected={selection.selected.length}
                      shown={shown.length}
                      onToggle={selection.toggleAll}
                    />
                  </th>
                  <th>Merge request</th>
                  <th>State</th>
                  <th>Retries</th>
                  <th>Refinery</th>
                  <th>Branch</th>
                  <th>PR</th>
                  <th>In queue</th>
                  <th>Enqueued</th>
                  <th className="actions-col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((e) => (
                  <tr
                    key={e.bead_id}
                    className={e.review_state === 'failed' && e.status !== 'closed' ? 'row-troubled' : undefined}
                    data-testid="review-row"
                  >
                    <td className="check-cell">
                      <RowCheckbox
                        label={e.title}
                        checked={selection.isSelected(e.bead_id)}
                        onToggle={(range) => selection.toggle(e.bead_id, range)}
                      />
                    </td>
                    <td>
                      <Link to={paths.bead.getHref(townId, e.bead_id)} title={clipLine(e.title)}>
                        {clipLine(e.title)}
                      </Link>
                      {e.failure_reason ? (
                        <div className="text-red small message-cell">
                          <BoundedText text={e.failure_reason} label="failure reason" />
                        </div>
                      ) : null}
                    </td>
                    <td>
                      <StatusBadge kind="review" status={e.review_state} />
                      {e.status === 'closed' && e.review_state !== 'merged' ? (
                        <div className="small">
                          closed without merging{e.pr_state === 'open' ? <span className="muted"> · PR still open on GitHub</span> : null}
                        </div>
                      ) : e.pr_state ? (
                        <span className="muted small"> PR {e.pr_state}</span>
                      ) : null}
                    </td>
                    <td className={e.retry_count >= 3 ? 'num text-red strong' : e.retry_count > 0 ? 'num text-yellow' : 'num'}>
                      {e.retry_count}
                    </td>
                    <td>
                      {e.refinery_agent_id ? (
                        <Link to={paths.agent.getHref(townId, e.refinery_agent_id)}>{e.refinery_name ?? 'refinery'}</Link>
                      ) : (
                        <span className="muted">unassigned</span>
                      )}
                    </td>
                    <td className="mono small">
                      {clipLine(e.branch, 120)} → {clipLine(e.target_branch, 120)}
                    </td>
                    <td>
                      <PrLink url={e.pr_url} />
                    </td>
                    <td className="num">
                      {formatDuration(timeInQueue(e, now))}
                      {e.completed_at ? <span className="muted small"> (done)</span> : null}
                    </td>
                    <td>
                      <RelativeTime iso={e.enqueued_at} />
                    </td>
                    <td className="actions-col">
                      {e.review_state === 'merged' ? (
                        <span className="muted small">merged</span>
                      ) : (
                        <ReviewActions townId={townId} entry={e} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
