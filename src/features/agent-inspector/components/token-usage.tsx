import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import type { TokenUsage as Usage } from '../../../api';
import { Badge } from '../../../components/badge';
import { Loading } from '../../../components/states';
import { formatCompact, formatCost, formatNumber } from '../../../lib/format';
import { paths } from '../../../lib/paths';

const TokenChart = lazy(() => import('./token-chart'));

/** Tokens and cost per bead and over time; spending with no bead is called out. */
export function TokenUsage({ townId, usage, zombie }: { townId: string; usage: Usage; zombie: boolean }) {
  return (
    <section className="panel" aria-labelledby="tokens-title">
      <div className="panel-head">
        <h2 id="tokens-title">LLM token usage</h2>
        {zombie ? <Badge tone="red">zombie: consuming tokens with no hooked bead</Badge> : null}
      </div>
      <dl className="ai-facts ai-facts-3">
        <div>
          <dt>Input</dt>
          <dd>{formatCompact(usage.input_tokens)}</dd>
        </div>
        <div>
          <dt>Output</dt>
          <dd>{formatCompact(usage.output_tokens)}</dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd>{formatCost(usage.cost_microdollars)}</dd>
        </div>
      </dl>
      {usage.series.length > 0 ? (
        <Suspense fallback={<Loading label="Loading chart" />}>
          <TokenChart series={usage.series} />
        </Suspense>
      ) : (
        <p className="muted">No token usage recorded.</p>
      )}
      {usage.per_bead.length > 0 ? (
        <div className="table-scroll">
          <table className="table" aria-label="Token usage per bead">
            <thead>
              <tr>
                <th>Bead</th>
                <th>Input</th>
                <th>Output</th>
                <th>Cost</th>
              </tr>
            </thead>
            <tbody>
              {usage.per_bead.map((b) => (
                <tr key={b.bead_id ?? 'none'} data-bead-usage={b.bead_id ?? 'none'}>
                  <td className="ai-wrap">
                    {b.bead_id ? (
                      <Link to={paths.bead.getHref(townId, b.bead_id)}>{b.bead_title ?? b.bead_id}</Link>
                    ) : zombie ? (
                      <Badge tone="red">no bead</Badge>
                    ) : (
                      <span className="muted">no bead</span>
                    )}
                  </td>
                  <td title={formatNumber(b.input_tokens)}>{formatCompact(b.input_tokens)}</td>
                  <td title={formatNumber(b.output_tokens)}>{formatCompact(b.output_tokens)}</td>
                  <td>{formatCost(b.cost_microdollars)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
