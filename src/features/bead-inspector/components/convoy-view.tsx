import { clipLine } from '../../../lib/bounded-text';
import { Link } from 'react-router';
import type { Convoy } from '../../../api';
import { Badge } from '../../../components/badge';
import { StatusBadge } from '../../../components/status-badge';
import { CopyId } from '../../../components/copy-id';
import { RelativeTime } from '../../../components/relative-time';
import { paths } from '../../../lib/paths';
import { toConvoyView } from '../model/convoy';

/** A convoy's tracked beads and progress, with what keeps it from landing named. */
export function ConvoyView({ townId, convoy }: { townId: string; convoy: Convoy }) {
  const view = toConvoyView(convoy);
  return (
    <section className="panel" aria-labelledby="convoy-heading">
      <div className="panel-head">
        <h2 id="convoy-heading">Convoy</h2>
        <span className={`convoy-progress${view.closed < view.total ? '' : ' done'}`}>
          <strong>
            {view.closed}/{view.total}
          </strong>{' '}
          closed
        </span>
        <progress max={view.total || 1} value={view.closed} aria-label="Convoy progress" />
      </div>
      {view.mismatch ? (
        <div className="callout callout-red" role="note" aria-label="Counter mismatch">
          <strong>Counter mismatch</strong> {view.mismatch}
          <ul className="chain-list">
            {view.missing.map((t) => (
              <li key={t.bead_id}>
                missing tracked bead <CopyId id={t.bead_id} full label="missing bead id" />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {view.unclosed.length ? (
        <p>
          <span className="label">Not closed:</span>{' '}
          {view.unclosed.map((t, i) => (
            <span key={t.bead_id}>
              {i > 0 ? ', ' : ''}
              <Link to={paths.bead.getHref(townId, t.bead_id)}>{clipLine(t.title ?? '')}</Link> ({t.status?.replace('_', ' ')})
            </span>
          ))}
        </p>
      ) : null}
      <dl className="facts">
        <div>
          <dt>Feature branch</dt>
          <dd className="mono">{convoy.feature_branch ?? <span className="muted">none</span>}</dd>
        </div>
        <div>
          <dt>Target</dt>
          <dd className="mono">{convoy.target_branch}</dd>
        </div>
        <div>
          <dt>Landing MR</dt>
          <dd>
            {convoy.landing_mr_bead_id ? (
              <>
                <Link to={paths.bead.getHref(townId, convoy.landing_mr_bead_id)}>open</Link>{' '}
                {convoy.landing_mr_state ? (
                  <StatusBadge kind="review" status={convoy.landing_mr_state} />
                ) : (
                  <Badge tone="neutral">unknown</Badge>
                )}
              </>
            ) : (
              <span className="muted">not created yet</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Landed</dt>
          <dd>
            <RelativeTime iso={convoy.landed_at} fallback="not landed" />
          </dd>
        </div>
        <div>
          <dt>Staged</dt>
          <dd>{convoy.staged ? 'yes (planned, not dispatched)' : 'no'}</dd>
        </div>
        <div>
          <dt>Merge mode</dt>
          <dd>{convoy.merge_mode}</dd>
        </div>
      </dl>
      <div className="table-scroll">
        <table className="table" aria-label="Tracked beads">
          <thead>
            <tr>
              <th>Tracked bead</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {convoy.tracked.map((t) => (
              <tr key={t.bead_id} className={t.present ? undefined : 'row-missing'}>
                <td>
                  {t.present ? (
                    <Link to={paths.bead.getHref(townId, t.bead_id)}>{clipLine(t.title ?? '')}</Link>
                  ) : (
                    <span>missing: bead {t.bead_id} no longer exists</span>
                  )}
                </td>
                <td>{t.present && t.status ? <StatusBadge kind="bead" status={t.status} /> : <Badge tone="red">deleted</Badge>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
