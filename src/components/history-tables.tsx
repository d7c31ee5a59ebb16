import { BoundedText } from './bounded-text';
import { Link } from 'react-router';
import { DISPATCH_CAP, type DispatchAttempt, type GitOperation } from '../api';
import { formatDuration } from '../lib/time';
import { shortId } from '../lib/format';
import { paths } from '../lib/paths';
import { RelativeTime } from './relative-time';
import { StatusBadge } from './status-badge';

/**
 * The dispatch-attempt and git-operation tables, shared by the Agent Inspector (rows link their
 * bead), the Bead Inspector (rows link their agent) and the Town Inspector's Config tab (both).
 * Container answers, errors, commands and stderr are untrusted text: rendered as text, wrapped.
 */
interface LinkColumns {
  townId: string;
  /** Show a column linking each row's agent; names from the town's agents, short ids otherwise. */
  agents?: ReadonlyMap<string, string>;
  /** Show a column linking each row's bead. */
  beads?: boolean;
  /** The table's accessible name. */
  label: string;
}

function AgentCell({ townId, id, names }: { townId: string; id: string | null; names: ReadonlyMap<string, string> }) {
  return (
    <td>{id ? <Link to={paths.agent.getHref(townId, id)}>{names.get(id) ?? shortId(id)}</Link> : <span className="muted">none</span>}</td>
  );
}

function BeadCell({ townId, id }: { townId: string; id: string | null }) {
  return (
    <td>
      {id ? (
        <Link to={paths.bead.getHref(townId, id)} className="mono small" title={`Open bead ${id}`}>
          {shortId(id)}
        </Link>
      ) : (
        <span className="muted">none</span>
      )}
    </td>
  );
}

export function DispatchAttemptsTable({ townId, attempts, agents, beads, label }: LinkColumns & { attempts: DispatchAttempt[] }) {
  return (
    <div className="table-scroll">
      <table className="table history-table" aria-label={label}>
        <thead>
          <tr>
            <th>Attempt</th>
            <th>When</th>
            {agents ? <th>Agent</th> : null}
            {beads ? <th>Bead</th> : null}
            <th>Outcome</th>
            <th>Container</th>
            <th>Error</th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((a) => (
            <tr key={a.id} data-dispatch={a.outcome}>
              <td className="nowrap">
                {a.attempt_number} of {DISPATCH_CAP}
              </td>
              <td className="nowrap">
                <RelativeTime iso={a.created_at} />
              </td>
              {agents ? <AgentCell townId={townId} id={a.agent_id} names={agents} /> : null}
              {beads ? <BeadCell townId={townId} id={a.bead_id} /> : null}
              <td>
                <StatusBadge kind="dispatch" status={a.outcome} />
              </td>
              <td className="history-text">
                <span className="mono small">{a.container_status !== null ? `HTTP ${a.container_status}` : 'no answer'}</span>
                {a.container_response ? (
                  <BoundedText text={a.container_response} size="block" pre className="history-excerpt" label="container answer" />
                ) : null}
              </td>
              <td className="history-text">
                {a.error_message ? (
                  <BoundedText text={a.error_message} className="mono small" label="error" />
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function GitOperationsTable({ townId, operations, agents, beads, label }: LinkColumns & { operations: GitOperation[] }) {
  return (
    <div className="table-scroll">
      <table className="table history-table" aria-label={label}>
        <thead>
          <tr>
            <th>When</th>
            <th>Operation</th>
            {agents ? <th>Agent</th> : null}
            {beads ? <th>Bead</th> : null}
            <th>Outcome</th>
            <th>Command and stderr</th>
          </tr>
        </thead>
        <tbody>
          {operations.map((g) => (
            <tr key={g.id} data-git={g.outcome}>
              <td className="nowrap">
                <RelativeTime iso={g.created_at} />
                <div className="small muted">{formatDuration(g.duration_ms)}</div>
              </td>
              <td>{g.operation}</td>
              {agents ? <AgentCell townId={townId} id={g.agent_id} names={agents} /> : null}
              {beads ? <BeadCell townId={townId} id={g.bead_id} /> : null}
              <td>
                <StatusBadge kind="git" status={g.outcome} />
                {g.exit_code !== null ? <div className="small muted">exit {g.exit_code}</div> : null}
              </td>
              <td className="history-text">
                <BoundedText text={g.command} className="mono small" label="command" />
                {g.stderr_excerpt ? (
                  <BoundedText
                    text={g.stderr_excerpt}
                    size="block"
                    pre
                    className={`history-excerpt${g.outcome === 'failure' ? ' history-excerpt-error' : ''}`}
                    label="stderr"
                  />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
