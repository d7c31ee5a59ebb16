import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { apiClient, endpoints, queryKeys } from '../../../api';
import { ErrorState } from '../../../components/error-state';
import { RelativeTime } from '../../../components/relative-time';
import { Loading } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import { LIVE_QUERY, useRefetchInterval } from '../../../lib/live-refresh';
import { paths } from '../../../lib/paths';
import { clipLine } from '../../../lib/bounded-text';

/**
 * The town's escalation beads above its bead table: severity, acknowledgement and re-escalations, open
 * and unacknowledged first. Each row opens the bead, where it can be acknowledged.
 */
export function EscalationsPanel({ townId }: { townId: string }) {
  const query = useQuery({
    queryKey: queryKeys.escalations(townId),
    queryFn: ({ signal }) => apiClient.get(endpoints.escalations(townId), signal),
    ...LIVE_QUERY,
    refetchInterval: useRefetchInterval(),
  });
  const open = query.data?.items.filter((e) => e.status !== 'closed' && e.status !== 'failed') ?? [];
  const waiting = open.filter((e) => !e.acknowledged).length;
  return (
    <section className="panel" aria-labelledby="escalations-heading">
      <div className="panel-head">
        <h2 id="escalations-heading">Escalations</h2>
        {query.data ? (
          <span className="muted">
            {open.length} open · {waiting} unacknowledged
          </span>
        ) : null}
      </div>
      {query.isPending ? (
        <Loading label="Loading escalations" />
      ) : query.isError ? (
        <ErrorState error={query.error} what="escalations" onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <p className="muted small">No escalation beads in this town: nothing was escalated to a human.</p>
      ) : (
        <table className="table" aria-label="Escalations">
          <thead>
            <tr>
              <th scope="col">Escalation</th>
              <th scope="col">Severity</th>
              <th scope="col">Status</th>
              <th scope="col">Acknowledged</th>
              <th scope="col">Raised again</th>
              <th scope="col">Last raised</th>
            </tr>
          </thead>
          <tbody>
            {query.data.items.map((e) => (
              <tr key={e.bead_id} data-testid="escalation-row">
                <td>
                  <Link to={paths.bead.getHref(townId, e.bead_id)}>{clipLine(e.title)}</Link>
                </td>
                <td>
                  <StatusBadge kind="priority" status={e.severity} />
                </td>
                <td>
                  <StatusBadge kind="bead" status={e.status} />
                </td>
                <td>
                  {e.acknowledged ? (
                    <span>yes{e.acknowledged_by ? `, ${e.acknowledged_by}` : ''}</span>
                  ) : (
                    <strong className="tone-text-red">no</strong>
                  )}
                </td>
                <td>{e.re_escalation_count === 0 ? '—' : `${e.re_escalation_count}×`}</td>
                <td>
                  <RelativeTime iso={e.last_escalated_at ?? e.created_at} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
