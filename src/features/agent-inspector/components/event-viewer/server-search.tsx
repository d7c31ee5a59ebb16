import { useState } from 'react';
import { ErrorState } from '../../../../components/error-state';
import { Loading } from '../../../../components/states';
import { formatNumber } from '../../../../lib/format';
import { formatExact } from '../../../../lib/time';
import { useAgentEvents } from '../../api/agent';
import { Highlighted } from '../highlighted';

const PAGE = 50;

/**
 * Server-side search (`?q=` on the events endpoint): searches full payloads, including events not
 * loaded yet. Asked for explicitly, never per keystroke.
 */
export function ServerSearch({
  townId,
  agentId,
  query,
  onPick,
}: {
  townId: string;
  agentId: string;
  query: string;
  onPick: (id: number) => void;
}) {
  const [asked, setAsked] = useState<{ q: string; before?: number } | null>(null);
  const q = query.trim();
  const events = useAgentEvents(townId, agentId, { q: asked?.q, before: asked?.before, limit: PAGE }, asked !== null);
  if (!q) return null;
  const stale = asked !== null && asked.q !== q;
  return (
    <div className="ev-server">
      <div className="ev-server-bar">
        <button type="button" className="button button-small" onClick={() => setAsked({ q })}>
          Search full payloads on the server for “{q}”
        </button>
        {asked && !stale ? <span className="muted small">newest first, {PAGE} at a time; includes events not loaded yet</span> : null}
        {asked ? (
          <button type="button" className="button button-small button-ghost" onClick={() => setAsked(null)}>
            Close
          </button>
        ) : null}
      </div>
      {asked && stale ? <p className="muted small">Results below are for “{asked.q}”.</p> : null}
      {asked && events.isPending ? <Loading label={`Searching the server for “${asked.q}”`} query={events} /> : null}
      {asked && events.isError ? (
        <ErrorState error={events.error} what="server-side event search" onRetry={() => void events.refetch()} />
      ) : null}
      {asked && events.data ? (
        <>
          <p className="small">
            {events.data.items.length === 0
              ? 'No events found'
              : `${formatNumber(events.data.items.length)} event${events.data.items.length === 1 ? '' : 's'}`}
            {asked.before ? ` older than #${asked.before}` : ''} in {formatNumber(events.data.total)} on the server
            {events.data.next_cursor !== null ? ' — more may be older' : ''}
          </p>
          {events.data.items.length > 0 ? (
            <ul className="ev-server-list" aria-label="Server search results">
              {events.data.items.map((e) => (
                <li key={e.id}>
                  <button type="button" className="ev-server-hit" onClick={() => onPick(e.id)}>
                    <span className="mono small muted">#{e.id}</span>
                    <span className="mono small muted" title={formatExact(e.created_at)}>
                      {e.created_at.slice(0, 19).replace('T', ' ')}
                    </span>
                    <span className="mono small">{e.event_type}</span>
                    <span className="ev-ellipsis">
                      <Highlighted text={e.summary} query={asked.q} />
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          {events.data.next_cursor !== null ? (
            <button
              type="button"
              className="button button-small"
              onClick={() => setAsked({ q: asked.q, before: events.data.next_cursor ?? undefined })}
            >
              Search older events
            </button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
