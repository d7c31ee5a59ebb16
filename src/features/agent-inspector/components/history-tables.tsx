import { Link } from 'react-router';
import type { AgentDetail } from '../../../api';
import { Badge } from '../../../components/badge';
import { RelativeTime } from '../../../components/relative-time';
import { paths } from '../../../lib/paths';
import { formatDuration } from '../../../lib/time';

/** Production's dispatch cap per bead. */
const DISPATCH_CAP = 5;

export function DispatchAttempts({ townId, items }: { townId: string; items: AgentDetail['dispatch_attempts'] }) {
  return (
    <section className="panel" aria-labelledby="dispatch-title">
      <h2 id="dispatch-title">Dispatch attempts</h2>
      {items.length === 0 ? (
        <p className="muted">No dispatch attempts recorded for this agent.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th>When</th>
                <th>Attempt</th>
                <th>Outcome</th>
                <th>Error</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id} data-dispatch={d.outcome}>
                  <td>
                    <RelativeTime iso={d.created_at} />
                  </td>
                  <td>
                    {d.attempt_number}/{DISPATCH_CAP}
                    <div className="small">
                      <Link to={paths.bead(townId, d.bead_id)}>bead</Link>
                    </div>
                  </td>
                  <td>
                    <Badge tone={d.outcome === 'success' ? 'green' : 'red'}>{d.outcome}</Badge>
                    {d.container_status !== null ? <div className="small muted">HTTP {d.container_status}</div> : null}
                  </td>
                  <td className="ai-wrap">
                    {d.error_message ? <span className="ai-text">{d.error_message}</span> : <span className="muted">—</span>}
                    {d.container_response ? <pre className="ai-excerpt">{d.container_response}</pre> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function GitOperations({ townId, items }: { townId: string; items: AgentDetail['git_operations'] }) {
  return (
    <section className="panel" aria-labelledby="git-title">
      <h2 id="git-title">Git operations</h2>
      {items.length === 0 ? (
        <p className="muted">No git operations recorded for this agent.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th>When</th>
                <th>Operation</th>
                <th>Outcome</th>
                <th>Command and stderr</th>
              </tr>
            </thead>
            <tbody>
              {items.map((g) => (
                <tr key={g.id} data-git={g.outcome}>
                  <td>
                    <RelativeTime iso={g.created_at} />
                    <div className="small muted">{formatDuration(g.duration_ms)}</div>
                  </td>
                  <td>
                    {g.operation}
                    {g.bead_id ? (
                      <div className="small">
                        <Link to={paths.bead(townId, g.bead_id)}>bead</Link>
                      </div>
                    ) : null}
                  </td>
                  <td>
                    <Badge tone={g.outcome === 'success' ? 'green' : 'red'}>{g.outcome}</Badge>
                    {g.exit_code !== null ? <div className="small muted">exit {g.exit_code}</div> : null}
                  </td>
                  <td className="ai-wrap">
                    <code className="ai-text">{g.command}</code>
                    {g.stderr_excerpt ? <pre className="ai-excerpt">{g.stderr_excerpt}</pre> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const OUTCOME_TONE = { active: 'blue', completed: 'green', failed: 'red', unhooked: 'yellow', reassigned: 'yellow', timed_out: 'red' } as const;

export function HookedBeads({ townId, items, now }: { townId: string; items: AgentDetail['hooked_beads']; now: number }) {
  return (
    <section className="panel" aria-labelledby="hooks-title">
      <h2 id="hooks-title">Hooked beads</h2>
      {items.length === 0 ? (
        <p className="muted">This agent has never been hooked to a bead.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th>Bead</th>
                <th>Hooked</th>
                <th>For</th>
                <th>Outcome</th>
              </tr>
            </thead>
            <tbody>
              {items.map((h) => (
                <tr key={`${h.bead_id}-${h.hooked_at}`} data-hook={h.outcome}>
                  <td className="ai-wrap">
                    <Link to={paths.bead(townId, h.bead_id)}>{h.title ?? h.bead_id}</Link>
                    {h.status ? <span className="small muted"> · {h.status}</span> : null}
                  </td>
                  <td>
                    <RelativeTime iso={h.hooked_at} />
                  </td>
                  <td>{formatDuration((h.unhooked_at ? Date.parse(h.unhooked_at) : now) - Date.parse(h.hooked_at))}</td>
                  <td>
                    <Badge tone={OUTCOME_TONE[h.outcome]}>{h.outcome === 'active' ? 'current' : h.outcome.replace('_', ' ')}</Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
