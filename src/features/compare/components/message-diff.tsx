import { useMemo } from 'react';
import { Link } from 'react-router';
import type { CompareSide } from '../../../api';
import { RelativeTime } from '../../../components/relative-time';
import { EmptyState } from '../../../components/states';
import { paths } from '../../../lib/paths';
import { diffLines } from '../model/line-diff';

const MARK = { same: ' ', removed: '−', added: '+' } as const;
const SAID = { same: 'in both', removed: 'only in A', added: 'only in B' } as const;

/** A line diff of the two runs' last messages: agent text, shown as text, each line marked A, B or both. */
export function MessageDiff({ townId, a, b }: { townId: string; a: CompareSide; b: CompareSide }) {
  const diff = useMemo(() => diffLines(a.last_message?.text ?? '', b.last_message?.text ?? ''), [a.last_message, b.last_message]);
  return (
    <section className="panel" aria-labelledby="compare-diff-heading">
      <div className="panel-head">
        <h2 id="compare-diff-heading">Last message, A against B</h2>
        <span className="muted small">
          {diff.removed} only in A · {diff.added} only in B{diff.coarse ? ' · too long to align line by line' : ''}
        </span>
      </div>
      <div className="compare-diff-sources">
        <MessageSource townId={townId} side={a} name="A" />
        <MessageSource townId={townId} side={b} name="B" />
      </div>
      {diff.lines.length === 0 ? (
        <EmptyState title="Neither run has a message with text">The SDK events in their windows hold no text part.</EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="compare-diff" aria-label="Line diff of the last messages">
            <thead className="visually-hidden">
              <tr>
                <th>Line in A</th>
                <th>Line in B</th>
                <th>Where</th>
                <th>Text</th>
              </tr>
            </thead>
            <tbody>
              {diff.lines.map((line, i) => (
                <tr key={i} className={`diff-${line.op}`} data-op={line.op}>
                  <td className="diff-num">{line.a ?? ''}</td>
                  <td className="diff-num">{line.b ?? ''}</td>
                  <td className="diff-mark" title={SAID[line.op]}>
                    <span aria-hidden="true">{MARK[line.op]}</span>
                    <span className="visually-hidden">{SAID[line.op]}</span>
                  </td>
                  <td className="diff-text">{line.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function MessageSource({ townId, side, name }: { townId: string; side: CompareSide; name: string }) {
  const message = side.last_message;
  if (!message) return <p className="muted small">{name}: no message with text in this run</p>;
  return (
    <p className="small">
      {name}: {message.role ? `${message.role} message` : 'message'}
      {message.in_window ? ' ' : <span className="muted"> from before this run (it said nothing in its window), </span>}
      {side.agent ? (
        <Link to={paths.agent.getHref(townId, side.agent.id, { event: message.event_id })}>event #{message.event_id}</Link>
      ) : (
        `event #${message.event_id}`
      )}{' '}
      <RelativeTime iso={message.at} />
    </p>
  );
}
