import type { CompareSide } from '../../../api';
import { formatCompact, formatCost } from '../../../lib/format';
import { formatDuration } from '../../../lib/time';

/** One measure of both runs, formatted, with how b differs from a ("+3", "−40%", "same"). */
export interface MetricRow {
  label: string;
  a: string;
  b: string;
  delta: string;
  /** Which run did better on this measure (less time, tokens, cost, errors); null when equal. */
  lower: 'a' | 'b' | null;
}

const sumCalls = (s: CompareSide) => s.tool_calls.reduce((n, t) => n + t.calls, 0);

const MEASURES: { label: string; value: (s: CompareSide) => number; format: (n: number) => string }[] = [
  { label: 'Duration', value: (s) => s.duration_ms, format: formatDuration },
  { label: 'Input tokens', value: (s) => s.input_tokens, format: formatCompact },
  { label: 'Output tokens', value: (s) => s.output_tokens, format: formatCompact },
  { label: 'Cost', value: (s) => s.cost_microdollars, format: formatCost },
  { label: 'Tool calls', value: sumCalls, format: String },
  { label: 'Errors', value: (s) => s.errors_total, format: String },
];

/** The side-by-side measures, in the order an operator reads a run: time, tokens, cost, tools, errors. */
export function toMetricRows(a: CompareSide, b: CompareSide): MetricRow[] {
  return MEASURES.map(({ label, value, format }) => {
    const x = value(a);
    const y = value(b);
    return { label, a: format(x), b: format(y), delta: describeDelta(x, y, format), lower: x === y ? null : x < y ? 'a' : 'b' };
  });
}

/** b against a: the difference in the measure's unit, and as a share of a when a is not zero. */
export function describeDelta(x: number, y: number, format: (n: number) => string): string {
  if (x === y) return 'same';
  const sign = y > x ? '+' : '−';
  const diff = `${sign}${format(Math.abs(y - x))}`;
  if (x === 0) return diff;
  return `${diff} (${sign}${Math.round((Math.abs(y - x) / x) * 100)}%)`;
}

/** Tool calls by name across both runs: every tool either used, most calls (both sides) first. */
export interface ToolRow {
  tool: string;
  a: { calls: number; errors: number };
  b: { calls: number; errors: number };
}

export function toToolRows(a: CompareSide, b: CompareSide): ToolRow[] {
  const rows = new Map<string, ToolRow>();
  const none = { calls: 0, errors: 0 };
  for (const t of a.tool_calls) rows.set(t.tool, { tool: t.tool, a: { calls: t.calls, errors: t.errors }, b: none });
  for (const t of b.tool_calls) rows.set(t.tool, { tool: t.tool, a: rows.get(t.tool)?.a ?? none, b: { calls: t.calls, errors: t.errors } });
  return [...rows.values()].sort((x, y) => y.a.calls + y.b.calls - (x.a.calls + x.b.calls) || x.tool.localeCompare(y.tool));
}
