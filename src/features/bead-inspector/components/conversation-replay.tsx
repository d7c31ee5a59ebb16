import { BoundedText } from '../../../components/bounded-text';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Assignment } from '../../../api';
import { ErrorState } from '../../../components/error-state';
import { RelativeTime } from '../../../components/relative-time';
import { EmptyState, Loading } from '../../../components/states';
import { statusTone, toneTextClass } from '../../../components/status';
import { conversationQuery } from '../api/bead';
import { toConversation } from '../model/conversation';

/** The agent's messages and tool calls during one assignment, as text; tool calls fold open. */
export function ConversationReplay({ townId, assignment }: { townId: string; assignment: Assignment }) {
  // An active assignment has no end: its window stays open, so new events show on refetch.
  const window = { since: assignment.started_at, until: assignment.ended_at };
  const pages = useInfiniteQuery(conversationQuery(townId, assignment.agent_id, window));
  const events = useMemo(() => pages.data?.pages.flatMap((p) => p.items) ?? [], [pages.data]);
  const conversation = useMemo(() => toConversation(events), [events]);
  if (pages.isPending) return <Loading label={`Loading ${assignment.agent_name}'s SDK events`} query={pages} />;
  if (pages.isError)
    return <ErrorState error={pages.error} what={`SDK events of ${assignment.agent_name}`} onRetry={() => void pages.refetch()} />;
  return (
    <div className="conversation">
      {conversation.items.length === 0 ? (
        <EmptyState title="No messages or tool calls in this window">
          {events.length
            ? `${events.length} other SDK events (heartbeats, session updates).`
            : 'AgentDO holds no events between these times.'}
        </EmptyState>
      ) : (
        <ol className="conversation-list">
          {conversation.items.map((item) => (
            <li key={`${item.kind}:${item.id}`} className={`conv-item conv-${item.kind}`}>
              <span className="conv-time small muted">
                <RelativeTime iso={item.at} />
              </span>
              {item.kind === 'message' ? (
                <div>
                  <span className="conv-role">{item.role}</span>
                  <BoundedText text={item.text} size="block" pre className="conv-text" label="message" />
                </div>
              ) : item.kind === 'error' ? (
                <div>
                  <span className="conv-role status-text tone-text-red">error</span>
                  <BoundedText text={item.text} size="block" pre className="conv-text" label="message" />
                </div>
              ) : (
                <details className="conv-tool">
                  <summary>
                    <span className="mono">{item.tool}</span>{' '}
                    <span className={`status-text ${toneTextClass(statusTone('tool', item.status))}`}>{item.status}</span>{' '}
                    <span className="muted mono small conv-tool-preview">
                      {item.input.slice(0, 240).replace(/\s+/g, ' ').slice(0, 120)}
                    </span>
                  </summary>
                  <div className="conv-tool-body">
                    <span className="label">Input</span>
                    <BoundedText text={item.input} size="block" pre label="input" />
                    <span className="label">Output</span>
                    {item.output !== null ? (
                      <BoundedText text={item.output} size="block" pre label="output" />
                    ) : (
                      <p className="muted">(no output yet)</p>
                    )}
                  </div>
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
      <p className="muted small">
        {events.length} SDK events in this window
        {conversation.otherEvents ? `, ${conversation.otherEvents} of them heartbeats and session updates (not shown)` : ''}.
        {pages.hasNextPage ? (
          <>
            {' '}
            <button
              type="button"
              className="button button-small"
              disabled={pages.isFetchingNextPage}
              onClick={() => void pages.fetchNextPage()}
            >
              {pages.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          </>
        ) : null}
      </p>
    </div>
  );
}
