import { useSearchParams } from 'react-router';
import type { Comparison } from '../../../api';
import { ErrorState } from '../../../components/error-state';
import { EmptyState, Loading } from '../../../components/states';
import { useCompare } from '../api/compare';
import { KIND_LABELS, parseCompareView } from '../model/compare-view';
import { toMetricRows, toToolRows } from '../model/compare-rows';
import { CompareColumn } from './compare-column';
import { MessageDiff } from './message-diff';
import '../compare.css';

/**
 * `/towns/:townId/compare?kind=&a=&b=`: two runs side by side — who and when, duration, tokens, cost,
 * tool calls by name, errors, and a line diff of their last messages. The link is the whole state.
 */
export function CompareRuns({ townId }: { townId: string }) {
  const [params] = useSearchParams();
  const view = parseCompareView(params);
  if (!view.kind)
    return (
      <EmptyState title={view.unknownKind ? `Cannot compare “${view.unknownKind.slice(0, 40)}”` : 'Pick two runs to compare'}>
        Compare two dispatch attempts or two assignments from a bead’s page, or two agent sessions from an agent’s page: pick A and B there,
        then Compare. A link names kind=attempt, assignment or session, and a and b.
      </EmptyState>
    );
  if (!view.a || !view.b)
    return (
      <EmptyState title={`Pick a second ${KIND_LABELS[view.kind].one}`}>
        This link names only {view.a || view.b ? 'one side' : 'neither side'}: a comparison needs a and b.
      </EmptyState>
    );
  return <LoadedComparison townId={townId} kind={view.kind} a={view.a} b={view.b} />;
}

function LoadedComparison({ townId, kind, a, b }: { townId: string; kind: Comparison['kind']; a: string; b: string }) {
  const compare = useCompare(townId, kind, a, b);
  const what = `comparison of two ${KIND_LABELS[kind].many}`;
  if (compare.isPending) return <Loading label={`Reading both ${KIND_LABELS[kind].many} and their SDK events`} query={compare} />;
  if (compare.isError) return <ErrorState error={compare.error} what={what} onRetry={() => void compare.refetch()} />;
  return <ComparisonBody townId={townId} comparison={compare.data} />;
}

function ComparisonBody({ townId, comparison }: { townId: string; comparison: Comparison }) {
  const { a, b } = comparison;
  const metrics = toMetricRows(a, b);
  const tools = toToolRows(a, b);
  return (
    <div className="compare">
      <div className="compare-columns">
        <CompareColumn townId={townId} side={a} name="A" />
        <CompareColumn townId={townId} side={b} name="B" />
      </div>
      <section className="panel" aria-labelledby="compare-measures-heading">
        <div className="panel-head">
          <h2 id="compare-measures-heading">Side by side</h2>
          <span className="muted small">tokens and cost from the usage samples in each window</span>
        </div>
        <div className="table-scroll">
          <table className="table compare-table" aria-label="Measures of A and B">
            <thead>
              <tr>
                <th>Measure</th>
                <th className="num">A</th>
                <th className="num">B</th>
                <th className="num">B against A</th>
              </tr>
            </thead>
            <tbody>
              {metrics.map((m) => (
                <tr key={m.label}>
                  <th scope="row">{m.label}</th>
                  <td className="num">{m.a}</td>
                  <td className="num">{m.b}</td>
                  <td className="num muted">{m.delta}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {tools.length === 0 ? (
          <p className="muted">Neither run called a tool.</p>
        ) : (
          <div className="table-scroll">
            <table className="table compare-table" aria-label="Tool calls by name">
              <thead>
                <tr>
                  <th>Tool</th>
                  <th className="num">A calls</th>
                  <th className="num">B calls</th>
                </tr>
              </thead>
              <tbody>
                {tools.map((t) => (
                  <tr key={t.tool}>
                    <th scope="row" className="mono">
                      {t.tool}
                    </th>
                    <td className="num">{callsText(t.a)}</td>
                    <td className="num">{callsText(t.b)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <MessageDiff townId={townId} a={a} b={b} />
    </div>
  );
}

const callsText = (c: { calls: number; errors: number }) => (c.errors > 0 ? `${c.calls} (${c.errors} failed)` : String(c.calls));
