import { Link } from 'react-router';
import type { AgentDetail } from '../../../api';
import { CopyId } from '../../../components/copy-id';
import { RelativeTime } from '../../../components/relative-time';
import { StatusBadge } from '../../../components/status-badge';
import { formatNumber } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { formatDuration, formatExact } from '../../../lib/time';
import type { AgentFinding } from '../model/findings';

/** What the agent is and is doing now, with what looks wrong listed first. */
export function AgentSummary({
  townId,
  detail,
  findings,
  now,
}: {
  townId: string;
  detail: AgentDetail;
  findings: AgentFinding[];
  now: number;
}) {
  const a = detail.agent;
  const p = detail.process;
  return (
    <section className="panel" aria-labelledby="summary-title">
      <h2 id="summary-title" className="visually-hidden">
        Summary
      </h2>
      {findings.length > 0 ? (
        <ul className="findings" aria-label="Findings">
          {findings.map((f) => (
            <li key={f.id} className={`finding finding-${f.severity}`} data-finding={f.id}>
              {f.text}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted findings-none">Nothing looks wrong with this agent.</p>
      )}
      <dl className="ai-facts">
        <div>
          <dt>Status</dt>
          <dd>
            <StatusBadge kind="agent" status={a.status} />
            <span title={formatExact(a.status_since)}>for {formatDuration(now - Date.parse(a.status_since))}</span>
          </dd>
        </div>
        <div>
          <dt>Hooked bead</dt>
          <dd>
            {a.current_hook_bead_id ? (
              <Link to={paths.bead.getHref(townId, a.current_hook_bead_id)}>{a.hooked_bead_title ?? a.current_hook_bead_id}</Link>
            ) : (
              <span className="muted">none</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Last activity</dt>
          <dd>
            <RelativeTime iso={a.last_activity_at} />
          </dd>
        </div>
        <div>
          <dt>Last SDK event</dt>
          <dd>
            <RelativeTime iso={a.last_sdk_event_at} /> <span className="muted">· {formatNumber(detail.event_count)} events</span>
          </dd>
        </div>
        <div>
          <dt>Status message</dt>
          <dd>
            {a.agent_status_message ? <span className="ai-text">{a.agent_status_message}</span> : <span className="muted">none</span>}
          </dd>
        </div>
        <div>
          <dt>Active tools</dt>
          <dd>{a.active_tools.length ? a.active_tools.map((t) => <code key={t}>{t}</code>) : <span className="muted">none</span>}</dd>
        </div>
        <div>
          <dt>Container process</dt>
          <dd>
            {p ? (
              <>
                <StatusBadge kind="process" status={p.status} />
                {p.exit_code !== null ? <span>exit {p.exit_code}</span> : null}
                {p.exited_at ? <RelativeTime iso={p.exited_at} /> : p.pid !== null ? <code>pid {p.pid}</code> : null}
                {p.memory_mb !== null ? <span className="muted">{Math.round(p.memory_mb)} MB</span> : null}
              </>
            ) : (
              <span className="muted">no process</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Dispatch attempts</dt>
          <dd>{a.dispatch_attempts}</dd>
        </div>
        <div>
          <dt>Identity</dt>
          <dd>
            <CopyId id={a.identity} full label="identity" />
          </dd>
        </div>
        <div>
          <dt>Agent id</dt>
          <dd>
            <CopyId id={a.id} label="agent id" />
          </dd>
        </div>
      </dl>
    </section>
  );
}
