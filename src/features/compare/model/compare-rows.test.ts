import { describe, expect, it } from 'vitest';
import type { CompareSide } from '../../../api';
import { describeDelta, toMetricRows, toToolRows } from './compare-rows';

function side(over: Partial<CompareSide>): CompareSide {
  return {
    kind: 'attempt',
    id: 'x',
    label: 'Attempt 1 of 2',
    agent: null,
    bead: null,
    outcome: 'success',
    started_at: '2026-01-01T00:00:00.000Z',
    ended_at: '2026-01-01T00:10:00.000Z',
    duration_ms: 600_000,
    input_tokens: 0,
    output_tokens: 0,
    cost_microdollars: 0,
    events_in_window: 0,
    events_read: 0,
    tool_calls: [],
    errors: [],
    errors_total: 0,
    last_message: null,
    ...over,
  };
}

describe('compare rows', () => {
  it('reads each measure of both runs with how the second differs and which spent less', () => {
    const a = side({
      duration_ms: 600_000,
      cost_microdollars: 2_000_000,
      tool_calls: [{ tool: 'bash', calls: 4, errors: 1 }],
      errors_total: 1,
    });
    const b = side({ duration_ms: 120_000, cost_microdollars: 3_000_000, tool_calls: [], errors_total: 1 });
    const rows = Object.fromEntries(toMetricRows(a, b).map((r) => [r.label, r]));
    expect(rows.Duration).toMatchObject({ a: '10 min', b: '2 min', lower: 'b' });
    expect(rows.Duration!.delta).toBe('−8 min (−80%)');
    expect(rows.Cost).toMatchObject({ a: '$2.00', b: '$3.00', delta: '+$1.00 (+50%)', lower: 'a' });
    expect(rows['Tool calls']).toMatchObject({ a: '4', b: '0', lower: 'b' });
    expect(rows.Errors).toMatchObject({ delta: 'same', lower: null });
  });

  it('gives no share when the first run measured zero', () => {
    expect(describeDelta(0, 5, String)).toBe('+5');
  });

  it('lists every tool either run used, with zero where the other never called it, busiest first', () => {
    const a = side({
      tool_calls: [
        { tool: 'read', calls: 2, errors: 0 },
        { tool: 'bash', calls: 1, errors: 1 },
      ],
    });
    const b = side({
      tool_calls: [
        { tool: 'bash', calls: 5, errors: 0 },
        { tool: 'edit', calls: 1, errors: 0 },
      ],
    });
    expect(toToolRows(a, b)).toEqual([
      { tool: 'bash', a: { calls: 1, errors: 1 }, b: { calls: 5, errors: 0 } },
      { tool: 'read', a: { calls: 2, errors: 0 }, b: { calls: 0, errors: 0 } },
      { tool: 'edit', a: { calls: 0, errors: 0 }, b: { calls: 1, errors: 0 } },
    ]);
  });
});
