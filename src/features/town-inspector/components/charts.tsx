// Loaded lazily (recharts stays out of the first load): import through `lazy-charts.ts`.
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { CostHour, QueueSample, ResourceSample } from '../../../api';

const tick = (iso: string) => {
  const d = new Date(iso);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
};
const label = (iso: unknown) => (typeof iso === 'string' ? `${iso.replace('T', ' ').slice(0, 16)} UTC` : String(iso));
const AXIS = { fontSize: 11, fill: 'var(--muted)' };

/** Queue depth (line) and reviews finished per interval (bars). */
export function ReviewQueueChart({ samples }: { samples: QueueSample[] }) {
  return (
    <ResponsiveContainer width="100%" height={220}>
      <ComposedChart data={samples} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
        <CartesianGrid stroke="var(--border)" vertical={false} />
        <XAxis dataKey="at" tickFormatter={tick} tick={AXIS} minTickGap={40} />
        <YAxis allowDecimals={false} tick={AXIS} />
        <Tooltip labelFormatter={label} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="processed" name="processed" fill="var(--green)" isAnimationActive={false} />
        <Line dataKey="depth" name="queue depth" stroke="var(--blue)" dot={false} strokeWidth={2} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

export function MemoryChart({ samples, limitMb }: { samples: ResourceSample[]; limitMb: number }) {
  return (
    <ResponsiveContainer width="100%" height={200}>
      <LineChart data={samples} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
        <CartesianGrid stroke="var(--border)" vertical={false} />
        <XAxis dataKey="at" tickFormatter={tick} tick={AXIS} minTickGap={40} />
        <YAxis tick={AXIS} unit=" MB" width={70} domain={[0, Math.ceil(limitMb * 1.05)]} />
        <Tooltip labelFormatter={label} />
        <ReferenceLine
          y={limitMb}
          stroke="var(--red)"
          strokeDasharray="4 4"
          label={{ value: `limit ${limitMb} MB`, fontSize: 11, fill: 'var(--red)', position: 'insideTopRight' }}
        />
        <Line dataKey="memory_mb" name="memory MB" stroke="var(--blue)" dot={false} strokeWidth={2} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}

export function CpuChart({ samples }: { samples: ResourceSample[] }) {
  return (
    <ResponsiveContainer width="100%" height={200}>
      <LineChart data={samples} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
        <CartesianGrid stroke="var(--border)" vertical={false} />
        <XAxis dataKey="at" tickFormatter={tick} tick={AXIS} minTickGap={40} />
        <YAxis tick={AXIS} unit="%" width={56} domain={[0, 100]} />
        <Tooltip labelFormatter={label} />
        <Line
          dataKey="cpu_percent"
          name="CPU %"
          stroke="var(--yellow)"
          dot={false}
          strokeWidth={2}
          isAnimationActive={false}
          connectNulls={false}
        />
        <Line
          dataKey="active_processes"
          name="processes"
          stroke="var(--muted)"
          dot={false}
          strokeWidth={1}
          isAnimationActive={false}
          yAxisId={0}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}

/** Tokens per hour (bars, left axis) and cost per hour in dollars (line, right axis). */
export function CostChart({ hours }: { hours: CostHour[] }) {
  const data = hours.map((h) => ({ at: h.hour, tokens: h.input_tokens + h.output_tokens, cost: h.cost_microdollars / 1_000_000 }));
  return (
    <ResponsiveContainer width="100%" height={220}>
      <ComposedChart data={data} margin={{ top: 8, right: 0, bottom: 0, left: -8 }}>
        <CartesianGrid stroke="var(--border)" vertical={false} />
        <XAxis dataKey="at" tickFormatter={tick} tick={AXIS} minTickGap={40} />
        <YAxis
          yAxisId="tokens"
          allowDecimals={false}
          tick={AXIS}
          tickFormatter={(v: number) => (v >= 1000 ? `${Math.round(v / 1000)}k` : String(v))}
        />
        <YAxis yAxisId="cost" orientation="right" tick={AXIS} tickFormatter={(v: number) => `$${v.toFixed(2)}`} />
        <Tooltip labelFormatter={label} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar yAxisId="tokens" dataKey="tokens" name="tokens" fill="var(--blue)" isAnimationActive={false} />
        <Line yAxisId="cost" dataKey="cost" name="cost ($)" stroke="var(--red)" dot={false} strokeWidth={2} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
