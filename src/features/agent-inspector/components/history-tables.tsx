import { Link } from 'react-router';
import type { AgentDetail } from '../../../api';
import { DispatchAttemptsTable, GitOperationsTable } from '../../../components/history-tables';
import { RelativeTime } from '../../../components/relative-time';
import { StatusBadge } from '../../../components/status-badge';
import { paths } from '../../../lib/paths';
import { formatDuration } from '../../../lib/time';
import { NotRecorded, useFeedRecorded } from '../../deployment';

export function DispatchAttempts({ townId, items }: { townId: string; items: AgentDetail['dispatch_attempts'] }) {
  const recorded = useFeedRecorded('dispatch_attempts');
  return (
    <section className="panel" aria-labelledby="dispatch-title">
      <h2 id="dispatch-title">Dispatch attempts</h2>
      {!recorded ? (
        <NotRecorded what="Dispatch attempts" />
      ) : items.length === 0 ? (
        <p className="muted">No dispatch attempts recorded for this agent.</p>
      ) : (
        <DispatchAttemptsTable townId={townId} attempts={items} beads label="Dispatch attempts by this agent" />
      )}
    </section>
  );
}

/**
 * The agent's git operations; `onlyBead` narrows them to one bead's (a merge request links here for
 * its merge attempts), saying so with the count and a way back to all of them.
 */
export function GitOperations({
  townId,
  items,
  onlyBead = null,
  onShowAll,
}: {
  townId: string;
  items: AgentDetail['git_operations'];
  onlyBead?: string | null;
  onShowAll?: () => void;
}) {
  const recorded = useFeedRecorded('git_operations');
  const shown = onlyBead ? items.filter((g) => g.bead_id === onlyBead) : items;
  return (
    <section className="panel" aria-labelledby="git-title">
      <h2 id="git-title">Git operations</h2>
      {recorded && onlyBead ? (
        <p className="small" data-testid="git-filter">
          Only the operations on bead <Link to={paths.bead.getHref(townId, onlyBead)}>{onlyBead.slice(0, 8)}</Link>: {shown.length} of{' '}
          {items.length}.{' '}
          <button type="button" className="button button-small" onClick={onShowAll}>
            Show all
          </button>
        </p>
      ) : null}
      {!recorded ? (
        <NotRecorded what="Git operations" />
      ) : shown.length === 0 ? (
        <p className="muted">
          {onlyBead ? 'None of this agent’s git operations is on that bead.' : 'No git operations recorded for this agent.'}
        </p>
      ) : (
        <GitOperationsTable townId={townId} operations={shown} beads label="Git operations by this agent" />
      )}
    </section>
  );
}

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
                    <Link to={paths.bead.getHref(townId, h.bead_id)}>{h.title ?? h.bead_id}</Link>
                    {h.status ? <span className="small muted"> · {h.status}</span> : null}
                  </td>
                  <td>
                    <RelativeTime iso={h.hooked_at} />
                  </td>
                  <td>{formatDuration((h.unhooked_at ? Date.parse(h.unhooked_at) : now) - Date.parse(h.hooked_at))}</td>
                  <td>
                    <StatusBadge kind="assignment" status={h.outcome} label={h.outcome === 'active' ? 'current' : undefined} />
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
