import { ErrorState } from '../../../components/error-state';
import { RelativeTime } from '../../../components/relative-time';
import { EmptyState, Loading } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import { pluralize } from '../../../lib/format';
import { formatDuration } from '../../../lib/time';
import { useSessions } from '../api/compare';
import { ComparePicker, type CompareOption } from './compare-picker';

/**
 * The agent's `kilo serve` sessions, and a picker to compare two sessions: this agent's, or one of
 * them against another agent's session in the town (the newest sessions of the town are offered).
 */
export function AgentSessions({ townId, agentId, now }: { townId: string; agentId: string; now: number }) {
  const own = useSessions(townId, agentId);
  const town = useSessions(townId);
  if (own.isPending) return <Loading label="Loading the agent’s sessions" query={own} />;
  if (own.isError) return <ErrorState error={own.error} what="the agent’s sessions" onRetry={() => void own.refetch()} />;
  const sessions = own.data.items;
  const others = (town.data?.items ?? []).filter((s) => s.agent_id !== agentId);
  const when = (iso: string) => new Date(iso).toISOString().slice(5, 16).replace('T', ' ');
  // Oldest first, so the picker's default pair is the newest two; the other agents' after this agent's.
  const options: CompareOption[] = [
    ...others
      .map((s) => ({ id: s.process_id, label: `${s.agent_name ?? 'no agent'} · ${when(s.started_at)} UTC · ${s.status}` }))
      .reverse(),
    ...sessions.map((s) => ({ id: s.process_id, label: `this agent · ${when(s.started_at)} UTC · ${s.status}` })).reverse(),
  ];
  return (
    <section className="panel" aria-labelledby="agent-sessions-heading">
      <div className="panel-head">
        <h2 id="agent-sessions-heading">Sessions</h2>
        <span className="muted small">{pluralize(sessions.length, 'session')} in the container</span>
      </div>
      {sessions.length === 0 ? (
        <EmptyState title="No container session recorded for this agent" />
      ) : (
        <div className="table-scroll">
          <table className="table" aria-label="The agent’s sessions">
            <thead>
              <tr>
                <th>Started</th>
                <th>Ran</th>
                <th>Status</th>
                <th>Process</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.process_id}>
                  <td>
                    <RelativeTime iso={s.started_at} />
                  </td>
                  <td>{formatDuration((s.exited_at ? Date.parse(s.exited_at) : now) - Date.parse(s.started_at))}</td>
                  <td>
                    <StatusBadge kind="process" status={s.status} />
                    {s.exit_code !== null ? <span className="muted small"> exit {s.exit_code}</span> : null}
                  </td>
                  <td className="mono small">{s.process_id}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {options.length >= 2 ? (
        <ComparePicker townId={townId} kind="session" options={options} />
      ) : sessions.length > 0 ? (
        <p className="muted small">No other session in the town to compare with yet.</p>
      ) : null}
    </section>
  );
}
