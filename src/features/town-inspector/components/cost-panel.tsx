import { Link } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { EmptyState, Loading } from '../../../components/states';
import { formatCompact, formatCost } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { formatDuration } from '../../../lib/time';
import { useTownCost } from '../api/tabs';
import { CostChart } from './lazy-charts';
import { clipLine } from '../../../lib/bounded-text';

/**
 * What the town spent in the last 24 h: tokens and cost per hour, per agent with its working time
 * against idle time (and what it merged: spending with nothing merged is the thing to look at), per bead.
 */
export function CostPanel({ townId }: { townId: string }) {
  const cost = useTownCost(townId);
  if (cost.isPending) return <Loading label="Loading the town’s cost" query={cost} />;
  if (cost.isError) return <ErrorState error={cost.error} what="the town’s cost" onRetry={() => void cost.refetch()} />;
  const c = cost.data;
  return (
    <section className="panel tab-panel" aria-label="Cost, last 24 h">
      <div className="panel-head">
        <h2>Cost, last 24 h</h2>
        <span>
          <strong>{formatCost(c.total_cost_microdollars)}</strong> · {formatCompact(c.total_tokens)} tokens
        </span>
      </div>
      {c.total_tokens === 0 ? (
        <EmptyState title="No tokens spent in the last 24 h">Agents record usage while they work; an idle town spends nothing.</EmptyState>
      ) : (
        <>
          <div role="img" aria-label="Tokens and cost per hour">
            <CostChart hours={c.hours} />
          </div>
          <div className="table-scroll">
            <table className="table" aria-label="Cost per agent">
              <thead>
                <tr>
                  <th>Agent</th>
                  <th>Role</th>
                  <th className="num">Cost</th>
                  <th className="num">Tokens</th>
                  <th className="num">Working</th>
                  <th className="num">Idle</th>
                  <th className="num">Merged</th>
                </tr>
              </thead>
              <tbody>
                {c.agents.map((a) => (
                  <tr key={a.agent_id}>
                    <td>
                      <Link to={paths.agent.getHref(townId, a.agent_id)}>{clipLine(a.name)}</Link>
                    </td>
                    <td className="muted small">{a.role}</td>
                    <td className="num">{formatCost(a.cost_microdollars)}</td>
                    <td className="num">{formatCompact(a.tokens)}</td>
                    <td className="num">{formatDuration(a.working_ms)}</td>
                    <td className="num muted">{formatDuration(a.idle_ms)}</td>
                    <td className={`num${a.cost_microdollars > 0 && a.merged_beads === 0 ? ' text-yellow' : ''}`}>
                      {a.merged_beads === 0 && a.cost_microdollars > 0 ? 'nothing merged' : a.merged_beads}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {c.beads.length > 0 ? (
            <div className="table-scroll">
              <table className="table" aria-label="Cost per bead">
                <thead>
                  <tr>
                    <th>Bead</th>
                    <th className="num">Cost</th>
                    <th className="num">Tokens</th>
                  </tr>
                </thead>
                <tbody>
                  {c.beads.map((b) => (
                    <tr key={b.bead_id}>
                      <td>
                        <Link to={paths.bead.getHref(townId, b.bead_id)}>{b.title ?? b.bead_id}</Link>
                      </td>
                      <td className="num">{formatCost(b.cost_microdollars)}</td>
                      <td className="num">{formatCompact(b.tokens)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
