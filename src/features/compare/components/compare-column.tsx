import { Link } from 'react-router';
import type { CompareKind, CompareSide } from '../../../api';
import { Badge } from '../../../components/badge';
import { BoundedText } from '../../../components/bounded-text';
import { CopyId } from '../../../components/copy-id';
import { RelativeTime } from '../../../components/relative-time';
import { StatusBadge } from '../../../components/status-badge';
import { formatNumber, pluralize } from '../../../lib/format';
import { paths } from '../../../lib/paths';

/** Which status table colours each kind's outcome. */
const OUTCOME_KIND = { attempt: 'dispatch', assignment: 'assignment', session: 'process' } as const satisfies Record<
  CompareKind,
  'dispatch' | 'assignment' | 'process'
>;

/** One run's identity (who, on what, when, how it ended) and its errors, under its letter. */
export function CompareColumn({ townId, side, name }: { townId: string; side: CompareSide; name: 'A' | 'B' }) {
  return (
    <section className="panel compare-column" aria-label={`${name}: ${side.label}`}>
      <div className="panel-head">
        <h2>
          <span className="compare-letter">{name}</span> {side.label}
        </h2>
        <StatusBadge kind={OUTCOME_KIND[side.kind]} status={side.outcome} />
      </div>
      <dl className="compare-facts">
        <dt>Agent</dt>
        <dd>
          {side.agent ? (
            <>
              <Link to={paths.agent.getHref(townId, side.agent.id)}>{side.agent.name}</Link>{' '}
              <span className="muted small">{side.agent.role}</span>
            </>
          ) : (
            <span className="muted">none</span>
          )}
        </dd>
        <dt>Bead</dt>
        <dd>
          {side.bead ? (
            <Link to={paths.bead.getHref(townId, side.bead.id)}>{side.bead.title ?? side.bead.id}</Link>
          ) : (
            <span className="muted">none</span>
          )}
        </dd>
        <dt>Window</dt>
        <dd>
          <RelativeTime iso={side.started_at} /> → {side.ended_at ? <RelativeTime iso={side.ended_at} /> : 'still running'}
        </dd>
        <dt>SDK events</dt>
        <dd>
          {formatNumber(side.events_in_window)}
          {side.events_read < side.events_in_window ? (
            <span className="muted small"> (tools, errors and message read from the newest {formatNumber(side.events_read)})</span>
          ) : null}
        </dd>
        <dt>Id</dt>
        <dd>
          <CopyId id={side.id} label={`${name}'s id`} />
        </dd>
      </dl>
      <h3 className="compare-subhead">{side.errors_total === 0 ? 'No errors' : pluralize(side.errors_total, 'error')}</h3>
      {side.errors.length > 0 ? (
        <ul className="compare-errors" aria-label={`Errors of ${name}`}>
          {side.errors.map((e, i) => (
            <li key={i}>
              <Badge tone="neutral">{e.source}</Badge> <RelativeTime iso={e.at} />
              <BoundedText text={e.message} className="history-excerpt history-excerpt-error" label="error" />
            </li>
          ))}
        </ul>
      ) : null}
      {side.errors_total > side.errors.length ? (
        <p className="muted small">
          {side.errors.length} newest shown of {formatNumber(side.errors_total)}
        </p>
      ) : null}
    </section>
  );
}
