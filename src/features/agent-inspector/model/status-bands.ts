import type { AgentStatus, AgentStatusChange, Open } from '../../../api';

export interface StatusBand {
  status: Open<AgentStatus>;
  from: number;
  to: number;
  reason: string | null;
}

/**
 * The agent's status history as contiguous bands over [start, now]: each change lasts until the
 * next one; the last lasts until now. Changes before the window are clipped to it.
 */
export function toStatusBands(history: readonly AgentStatusChange[], now: number, windowMs: number | null = null): StatusBand[] {
  const sorted = [...history].sort((a, b) => a.at.localeCompare(b.at));
  const bands: StatusBand[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const change = sorted[i]!;
    const next = sorted[i + 1];
    const from = Date.parse(change.at);
    const to = next ? Date.parse(next.at) : now;
    if (to <= from) continue;
    bands.push({ status: change.status, from, to, reason: change.reason });
  }
  if (windowMs === null || bands.length === 0) return bands;
  const start = now - windowMs;
  return bands.filter((b) => b.to > start).map((b) => ({ ...b, from: Math.max(b.from, start) }));
}

/** Time spent per status within the bands, for the legend ("stalled 47 min"). */
export function timePerStatus(bands: readonly StatusBand[]): Partial<Record<Open<AgentStatus>, number>> {
  const out: Partial<Record<Open<AgentStatus>, number>> = {};
  for (const b of bands) out[b.status] = (out[b.status] ?? 0) + (b.to - b.from);
  return out;
}
