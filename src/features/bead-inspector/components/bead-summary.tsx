import { clipLine } from '../../../lib/bounded-text';
import { BoundedText } from '../../../components/bounded-text';
import { Link } from 'react-router';
import { BeadType, DISPATCH_CAP, type BeadDetail, type TownDetail } from '../../../api';
import { OpenValue } from '../../../components/open-value';
import { CopyId } from '../../../components/copy-id';
import { RelativeTime } from '../../../components/relative-time';
import { StatusBadge } from '../../../components/status-badge';
import { paths } from '../../../lib/paths';

/** Type, status, priority, rig, labels, hooked agent, dispatch attempts, times and the body (as text). */
export function BeadSummary({ townId, detail, town }: { townId: string; detail: BeadDetail; town: TownDetail | undefined }) {
  const { bead, hooked_agent: agent, dispatch_attempts: attempts } = detail;
  const lastError = [...attempts].reverse().find((a) => a.error_message)?.error_message ?? null;
  const rig = bead.rig_id ? town?.rigs.find((r) => r.id === bead.rig_id) : undefined;
  return (
    <section className="panel" aria-labelledby="summary-heading">
      <h2 id="summary-heading" className="visually-hidden">
        Summary
      </h2>
      <dl className="facts">
        <div>
          <dt>Status</dt>
          <dd>
            <StatusBadge kind="bead" status={bead.status} />
          </dd>
        </div>
        <div>
          <dt>Type</dt>
          <dd>
            <OpenValue noun="bead type" value={bead.type} known={BeadType.options} />
          </dd>
        </div>
        <div>
          <dt>Priority</dt>
          <dd>
            <StatusBadge kind="priority" status={bead.priority} />
          </dd>
        </div>
        <div>
          <dt>Rig</dt>
          <dd>
            {bead.rig_id ? rig ? rig.name : <CopyId id={bead.rig_id} label="rig id" /> : <span className="muted">none (town-level)</span>}
          </dd>
        </div>
        <div>
          <dt>Hooked agent</dt>
          <dd>
            {agent ? (
              <>
                <Link to={paths.agent.getHref(townId, agent.id)}>{clipLine(agent.name)}</Link>{' '}
                <StatusBadge kind="agent" status={agent.status} />
                <span className="muted small">
                  since <RelativeTime iso={agent.status_since} />
                </span>
              </>
            ) : (
              <span className="muted">none</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Dispatch attempts</dt>
          <dd>
            <span className={bead.dispatch_attempts >= DISPATCH_CAP ? 'status-text tone-text-red' : undefined}>
              {bead.dispatch_attempts} of {DISPATCH_CAP}
            </span>
            {bead.last_dispatch_attempt_at ? (
              <span className="muted small">
                last <RelativeTime iso={bead.last_dispatch_attempt_at} />
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>
            <RelativeTime iso={bead.created_at} />{' '}
            <span className="muted small">{bead.created_by === null ? '(creator not recorded)' : `by ${bead.created_by}`}</span>
          </dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd>
            <RelativeTime iso={bead.updated_at} />
          </dd>
        </div>
        <div>
          <dt>Closed</dt>
          <dd>
            <RelativeTime iso={bead.closed_at} fallback="not closed" />
          </dd>
        </div>
        <div>
          <dt>Labels</dt>
          <dd>
            {bead.labels.length ? (
              bead.labels.map((l) => (
                <code key={l} className="label-chip">
                  {l}
                </code>
              ))
            ) : (
              <span className="muted">none</span>
            )}
          </dd>
        </div>
        {bead.parent_bead_id ? (
          <div>
            <dt>Parent</dt>
            <dd>
              <Link to={paths.bead.getHref(townId, bead.parent_bead_id)}>
                <code>{bead.parent_bead_id.slice(0, 8)}</code>
              </Link>
            </dd>
          </div>
        ) : null}
        {detail.member_of_convoys.length ? (
          <div>
            <dt>In convoy</dt>
            <dd>
              {detail.member_of_convoys.map((c) => (
                <Link key={c.bead_id} to={paths.bead.getHref(townId, c.bead_id)}>
                  {clipLine(c.title)}
                </Link>
              ))}
            </dd>
          </div>
        ) : null}
      </dl>
      {lastError ? (
        <p className="last-error">
          <span className="label">Last dispatch error</span> <BoundedText text={lastError} className="mono" label="error" />
        </p>
      ) : null}
      <div>
        <span className="label">Body</span>
        {bead.body ? <BoundedText text={bead.body} size="block" pre label="body" /> : <p className="muted">(empty)</p>}
      </div>
    </section>
  );
}
