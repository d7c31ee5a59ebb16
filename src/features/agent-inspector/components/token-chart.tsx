import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { UsageSample } from '../../../api';
import { formatCompact, formatCost } from '../../../lib/format';

function hhmm(iso: string): string {
  return iso.slice(11, 16);
}

/**
 * Input and output tokens per tick (recharts; loaded lazily with this route only). Memoized on the
 * series: the agent's detail is refetched while its events arrive, and the query keeps an unchanged
 * series as the same array, so the chart (a 50–100 ms render) redraws only when the usage moved.
 */
export default memo(function TokenChart({ series }: { series: UsageSample[] }) {
  const data = series.map((s) => ({ at: s.at, input: s.input_tokens, output: s.output_tokens, cost: s.cost_microdollars }));
  return (
    <div className="ai-chart" role="img" aria-label={`Token usage over time: ${series.length} samples`}>
      <ResponsiveContainer width="100%" height={200}>
        <BarChart data={data} margin={{ top: 4, right: 8, left: 0, bottom: 0 }}>
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis dataKey="at" tickFormatter={hhmm} tick={{ fontSize: 11, fill: 'var(--muted)' }} minTickGap={24} />
          <YAxis tickFormatter={(v: number) => formatCompact(v)} tick={{ fontSize: 11, fill: 'var(--muted)' }} width={44} />
          <Tooltip
            labelFormatter={(label) => `${String(label).slice(0, 16).replace('T', ' ')} UTC`}
            formatter={(value, name, item) => [
              `${formatCompact(Number(value))}${name === 'output' ? ` (${formatCost(Number((item?.payload as { cost?: number } | undefined)?.cost ?? 0))} tick)` : ''}`,
              name,
            ]}
            contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', fontSize: 12 }}
          />
          <Bar dataKey="input" stackId="t" fill="var(--blue)" isAnimationActive={false} />
          <Bar dataKey="output" stackId="t" fill="var(--yellow)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
});
