import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../api';
import { groupBatches } from './batches';

const entry = (seq: number, request_id: string, town_id = 't1') => ({ id: `e${seq}`, seq, request_id, town_id }) as AuditEntry;

describe('groupBatches', () => {
  it('folds the entries of one batch (shared request id, same town) into one item and keeps the order', () => {
    const items = groupBatches([entry(5, 'r5'), entry(4, 'b'), entry(3, 'b'), entry(2, 'b'), entry(1, 'r1')]);
    expect(items.map((i) => (i.kind === 'batch' ? `batch:${i.entries.map((e) => e.seq).join(',')}` : `entry:${i.entry.seq}`))).toEqual([
      'entry:5',
      'batch:4,3,2',
      'entry:1',
    ]);
  });

  it('never folds entries of different towns, nor single interventions', () => {
    const items = groupBatches([entry(2, 'b', 't1'), entry(2, 'b', 't2'), entry(1, 'x'), entry(0, 'y')]);
    expect(items.every((i) => i.kind === 'entry')).toBe(true);
  });
});
