import { BoundedText } from '../../../components/bounded-text';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { MayorState } from '../../../api';
import { Badge } from '../../../components/badge';
import { ErrorState } from '../../../components/error-state';
import { RelativeTime } from '../../../components/relative-time';
import { Loading } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import { paths } from '../../../lib/paths';
import { Link } from 'react-router';
import { useLiveAgentEvents } from '../api/agent';
import { toConversation, type ConversationItem } from '../model/sdk-event';
import { BLOCK_BOUND, clipLine, formatSize } from '../../../lib/bounded-text';
import { clipSegments, isSuspectContext, promptSize, renderSystemPrompt } from '../model/system-prompt';

/** Recent enough to see a loop and what led to it, small enough to read. */
const RECENT_EVENTS = 200;

/** The Mayor's inspector: session state, recent conversation (text only), the rendered system prompt. */
export function MayorView({ townId, agentId, mayor }: { townId: string; agentId: string; mayor: MayorState }) {
  return (
    <>
      <section className="panel" aria-labelledby="mayor-title">
        <div className="panel-head">
          <h2 id="mayor-title">Mayor session</h2>
          <StatusBadge kind="session" status={mayor.session_state} />
          <span className="muted small">
            last activity <RelativeTime iso={mayor.last_activity_at} />
          </span>
          {mayor.session_id ? <code className="small">{mayor.session_id}</code> : null}
        </div>
        {mayor.session_error ? (
          <p className="ai-error" role="note">
            <strong>Session error:</strong> <span className="ai-text">{mayor.session_error}</span>
          </p>
        ) : null}
        {mayor.last_user_message ? (
          <div className="ai-usermsg">
            <div className="small muted">
              Last user message <RelativeTime iso={mayor.last_user_message.at} /> ·{' '}
              {mayor.last_user_message.answered ? <Badge tone="green">answered</Badge> : <Badge tone="red">unanswered</Badge>}
            </div>
            <p className="ai-text">
              <BoundedText text={mayor.last_user_message.text} size="block" label="message" />
            </p>
          </div>
        ) : null}
      </section>
      <div className="ai-grid">
        <Conversation townId={townId} agentId={agentId} />
        <SystemPrompt mayor={mayor} />
      </div>
    </>
  );
}

function Conversation({ townId, agentId }: { townId: string; agentId: string }) {
  const events = useLiveAgentEvents(townId, agentId, { limit: RECENT_EVENTS });
  return (
    <section className="panel" aria-labelledby="conversation-title">
      <h2 id="conversation-title">Recent conversation</h2>
      {events.isPending ? <Loading label="Loading the conversation" query={events} /> : null}
      {events.isError ? <ErrorState error={events.error} what="the Mayor's recent events" onRetry={() => void events.refetch()} /> : null}
      {events.data ? <ConversationList townId={townId} agentId={agentId} items={toConversation(events.data.items)} /> : null}
    </section>
  );
}

function ConversationList({ townId, agentId, items }: { townId: string; agentId: string; items: ConversationItem[] }) {
  const list = useRef<HTMLOListElement>(null);
  // Oldest first like a chat, opened at its end: the latest turn is what explains the state.
  useEffect(() => {
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [items]);
  if (items.length === 0) return <p className="muted">No messages or tool calls in the last {RECENT_EVENTS} events.</p>;
  return (
    <ol ref={list} className="ai-convo" aria-label="Conversation, oldest first">
      {items.slice(-60).map((item) => (
        <li key={item.id} className={`ai-convo-${item.kind}`} data-kind={item.kind}>
          <div className="small muted ai-convo-meta">
            <span>{item.kind === 'tool' ? `tool · ${item.tool}` : item.kind}</span>
            <RelativeTime iso={item.at} />
            <Link to={paths.agent.getHref(townId, agentId, { event: item.id })} className="mono">
              #{item.id}
            </Link>
          </div>
          {item.kind === 'tool' ? (
            <div>
              <BoundedText text={item.argument || '(no input)'} className="ai-text mono" label="input" />{' '}
              <StatusBadge kind="tool" status={item.status} />
              {item.repeats > 1 ? <Badge tone={item.repeats >= 5 ? 'red' : 'yellow'}>×{item.repeats} identical calls</Badge> : null}
              {item.output ? (
                <pre className="ai-excerpt">{item.output.length > 600 ? `${item.output.slice(0, 600)}…` : item.output}</pre>
              ) : null}
            </div>
          ) : (
            <p className="ai-text">
              <BoundedText text={item.text} size="block" label="message" />
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

function SystemPrompt({ mayor }: { mayor: MayorState }) {
  const segments = useMemo(() => renderSystemPrompt(mayor.system_prompt, mayor.system_prompt_context), [mayor]);
  // Bounded like every other block of server text: a screenful, the rest on "show all".
  const [open, setOpen] = useState(false);
  const clip = useMemo(() => clipSegments(segments, BLOCK_BOUND.maxChars), [segments]);
  const keys = Object.keys(mayor.system_prompt_context);
  const shown = open ? segments : clip.shown;
  return (
    <section className="panel" aria-labelledby="prompt-title">
      <h2 id="prompt-title">System prompt (rendered)</h2>
      <pre className="ai-prompt" aria-label="Rendered system prompt">
        {shown.map((s, i) =>
          s.kind === 'text' ? (
            <span key={i}>{s.text}</span>
          ) : s.kind === 'context' ? (
            <span key={i} className={`ai-ctx${isSuspectContext(s.text) ? ' ai-ctx-suspect' : ''}`} title={`dynamic context: ${s.key}`}>
              {s.text}
            </span>
          ) : (
            <span key={i} className="ai-ctx ai-ctx-suspect" title="placeholder without a value">{`{{${s.key}}} (missing)`}</span>
          ),
        )}
        {clip.clipped && !open ? <span aria-hidden="true">…</span> : null}
      </pre>
      {clip.clipped ? (
        <button
          type="button"
          className="bounded-toggle small"
          aria-expanded={open}
          aria-label={open ? 'Show less of the system prompt' : `Show all of the system prompt (${formatSize(promptSize(segments))})`}
          onClick={() => setOpen(!open)}
        >
          {open ? 'show less' : `show all (${formatSize(promptSize(segments))})`}
        </button>
      ) : null}
      {keys.length > 0 ? (
        <table className="table" aria-label="Dynamic context">
          <thead>
            <tr>
              <th>Context</th>
              <th>Value</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => {
              const v = mayor.system_prompt_context[k]!;
              return (
                <tr key={k} data-context={k}>
                  <td>
                    <code>{k}</code>
                  </td>
                  <td className="ai-wrap">
                    <BoundedText text={v} className="ai-text" label={`${clipLine(k, 40)} context`} />{' '}
                    {isSuspectContext(v) ? <Badge tone="yellow">looks stale or failed</Badge> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
