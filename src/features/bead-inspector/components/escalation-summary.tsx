import { Link } from 'react-router';
import type { Escalation } from '../../../api';
import { RelativeTime } from '../../../components/relative-time';
import { StatusBadge } from '../../../components/status-badge';
import { paths } from '../../../lib/paths';

/** An escalation bead's own facts: how severe, whether someone has acknowledged it, how often it came back. */
export function EscalationSummary({ townId, escalation: e }: { townId: string; escalation: Escalation }) {
  return (
    <section className="panel" aria-labelledby="escalation-heading">
      <div className="panel-head">
        <h2 id="escalation-heading">Escalation</h2>
      </div>
      <dl className="facts">
        <div>
          <dt>Severity</dt>
          <dd>
            <StatusBadge kind="priority" status={e.severity} />
          </dd>
        </div>
        <div>
          <dt>Acknowledged</dt>
          <dd data-testid="escalation-ack">
            {e.acknowledged ? (
              <>
                yes{e.acknowledged_by ? `, by ${e.acknowledged_by}` : ''}
                {e.acknowledged_at ? (
                  <>
                    {' '}
                    <RelativeTime iso={e.acknowledged_at} />
                  </>
                ) : null}
              </>
            ) : (
              <strong className="tone-text-red">not acknowledged</strong>
            )}
          </dd>
        </div>
        <div>
          <dt>Raised again</dt>
          <dd>
            {e.re_escalation_count === 0 ? 'never' : `${e.re_escalation_count}×`}
            {e.last_escalated_at ? (
              <span className="muted">
                {' '}
                · last <RelativeTime iso={e.last_escalated_at} />
              </span>
            ) : null}
          </dd>
        </div>
        {e.source_bead_id ? (
          <div>
            <dt>About</dt>
            <dd>
              <Link to={paths.bead.getHref(townId, e.source_bead_id)}>bead {e.source_bead_id.slice(0, 8)}</Link>
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
