import { BoundedJson } from '../../../../components/bounded-text';
import { useState } from 'react';
import { useHref } from 'react-router';
import { ErrorState } from '../../../../components/error-state';
import { Loading } from '../../../../components/states';
import { paths } from '../../../../lib/paths';
import { formatExact } from '../../../../lib/time';
import { useAgentEvent } from '../../api/agent';
import { Highlighted } from '../highlighted';

/** The expanded row: the event's full payload as formatted JSON text, and a link to it. */
export function EventDetail({ townId, agentId, eventId, query }: { townId: string; agentId: string; eventId: number; query: string }) {
  const event = useAgentEvent(townId, agentId, eventId);
  const href = useHref(paths.agent.getHref(townId, agentId, { event: eventId, q: query.trim() || undefined }));
  const link = new URL(href, window.location.origin).toString();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="ev-detail" data-event-detail={eventId}>
      <div className="ev-detail-bar">
        <span className="mono small">event #{eventId}</span>
        {event.data ? <span className="muted small">{formatExact(event.data.created_at)}</span> : null}
        <span className="spacer" />
        <button type="button" className="button button-small" onClick={() => void copy()}>
          Copy link to event
        </button>
      </div>
      {copied ? (
        <label className="ev-link small">
          <span className={copied === 'yes' ? 'muted' : 'ev-warn'}>
            {copied === 'yes' ? 'Link copied:' : 'Copy failed; select the link:'}
          </span>
          <input className="input mono" readOnly value={link} aria-label="Link to this event" onFocus={(e) => e.currentTarget.select()} />
        </label>
      ) : null}
      {event.isPending ? <Loading label={`Loading event #${eventId}`} query={event} /> : null}
      {event.isError ? <ErrorState error={event.error} what={`event ${eventId}`} onRetry={() => void event.refetch()} /> : null}
      {event.data ? (
        <div aria-label={`Payload of event ${eventId}`} role="group">
          <BoundedJson
            value={event.data.data}
            className="ev-payload"
            label="payload"
            render={(text) => <Highlighted text={text} query={query} />}
          />
        </div>
      ) : null}
    </div>
  );
}
