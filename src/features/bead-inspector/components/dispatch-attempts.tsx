import { Link } from 'react-router';
import type { DispatchAttempt } from '../../../api';
import { Badge } from '../../../components/badge';
import { RelativeTime } from '../../../components/relative-time';
import { EmptyState } from '../../../components/states';
import { paths } from '../../../lib/paths';
import { DISPATCH_CAP } from './bead-summary';

/** Every dispatch against this bead with the container's answer and the error, as text. */
export function DispatchAttempts({ townId, attempts, agentNames }: { townId: string; attempts: DispatchAttempt[]; agentNames: ReadonlyMap<string, string> }) {
  return (
    <section className="panel" aria-labelledby="dispatch-heading">
      <div className="panel-head">
        <h2 id="dispatch-heading">Dispatch attempts</h2>
        <span className="muted small">cap {DISPATCH_CAP}; backoff 2, 2, 5, 10, 30 min</span>
      </div>
      {attempts.length === 0 ? (
        <EmptyState title="No dispatch attempts against this bead" />
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th>#</th>
                <th>When</th>
                <th>Agent</th>
                <th>Outcome</th>
                <th>Container</th>
                <th>Error</th>
              </tr>
            </thead>
            <tbody>
              {attempts.map((a) => (
                <tr key={a.id}>
                  <td>
                    {a.attempt_number} of {DISPATCH_CAP}
                  </td>
                  <td>
                    <RelativeTime iso={a.created_at} />
                  </td>
                  <td>{a.agent_id ? <Link to={paths.agent(townId, a.agent_id)}>{agentNames.get(a.agent_id) ?? a.agent_id.slice(0, 8)}</Link> : <span className="muted">none</span>}</td>
                  <td>
                    <Badge tone={a.outcome === 'success' ? 'green' : 'red'}>{a.outcome}</Badge>
                  </td>
                  <td className="mono small">
                    {a.container_status ?? 'no answer'}
                    {a.container_response ? <div className="wrap">{a.container_response}</div> : null}
                  </td>
                  <td className="mono small wrap">{a.error_message ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
