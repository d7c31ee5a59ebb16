import { useMemo } from 'react';
import { BeadEventType, type BeadStatus, type Open } from '../../../api';
import { InvalidRows } from '../../../components/invalid-rows';
import { OpenValue } from '../../../components/open-value';
import { ErrorState } from '../../../components/error-state';
import { RelativeTime } from '../../../components/relative-time';
import { EmptyState, Loading } from '../../../components/states';
import { useNow } from '../../../components/use-now';
import { formatExact } from '../../../lib/time';
import { useAgents, useBeadEvents } from '../api/bead';
import { toHistoryRows } from '../model/history';

/** Every bead event in order with the silences between them made visible. */
export function StateHistory({ townId, beadId, status }: { townId: string; beadId: string; status: Open<BeadStatus> }) {
  const events = useBeadEvents(townId, beadId);
  const agents = useAgents(townId);
  const now = useNow();
  const names = useMemo(() => new Map((agents.data?.items ?? []).map((a) => [a.id, a.name])), [agents.data]);
  const rows = useMemo(
    () => (events.data ? toHistoryRows(events.data.items, { agentNames: names, status, now }) : []),
    [events.data, names, status, now],
  );
  return (
    <section className="panel" aria-labelledby="history-heading">
      <div className="panel-head">
        <h2 id="history-heading">State history</h2>
        {events.data ? <span className="muted small">{events.data.items.length} events</span> : null}
      </div>
      {events.isPending ? <Loading label="Loading bead events" query={events} /> : null}
      {events.isError ? <ErrorState error={events.error} what="bead events" onRetry={() => void events.refetch()} /> : null}
      <InvalidRows rows={events.data?.invalid_rows} noun="event" />
      {events.data && rows.length === 0 && !events.data.invalid_rows?.length ? (
        <EmptyState title="No events recorded for this bead" />
      ) : null}
      {rows.length ? (
        <ol className="history">
          {rows.map((row) =>
            row.kind === 'gap' ? (
              <li key={row.id} className="history-gap" title={`${formatExact(row.from)} → ${row.to ? formatExact(row.to) : 'now'}`}>
                {row.label}
              </li>
            ) : (
              <li key={row.id} className="history-row">
                <span className="history-time">
                  <RelativeTime iso={row.at} />
                </span>
                <OpenValue
                  noun="event type"
                  value={row.type}
                  known={BeadEventType.options}
                  label={row.type}
                  className="history-type mono"
                />
                <span className="history-change">{row.change ?? ''}</span>
                <span className="history-actor">{row.actor}</span>
                {row.note ? <span className="history-note muted small">{row.note}</span> : null}
              </li>
            ),
          )}
        </ol>
      ) : null}
    </section>
  );
}
