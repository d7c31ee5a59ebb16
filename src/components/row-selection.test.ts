import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, intersectSelection, selectedAmong, toggleAll, toggleRow } from './row-selection';

const rows = ['a', 'b', 'c', 'd', 'e'];

describe('row selection', () => {
  it('toggles one row, and with shift every row between the last clicked one and this one', () => {
    let s = toggleRow(EMPTY_SELECTION, rows, 'b', false);
    s = toggleRow(s, rows, 'd', true);
    expect(selectedAmong(s, rows)).toEqual(['b', 'c', 'd']);
    s = toggleRow(s, rows, 'c', false);
    expect(selectedAmong(s, rows)).toEqual(['b', 'd']);
    // Shift upwards, unticking: the range takes the clicked row's new state.
    s = toggleRow(s, rows, 'a', true);
    expect(selectedAmong(s, rows)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('never exceeds the filter: a narrower filter drops hidden rows, and loosening it does not bring them back', () => {
    const s = toggleAll(EMPTY_SELECTION, rows);
    const narrowed = intersectSelection(s, ['b', 'd']);
    expect(selectedAmong(narrowed, rows)).toEqual(['b', 'd']);
    expect(intersectSelection(narrowed, ['b', 'd'])).toBe(narrowed);
    // Even before the intersection is stored, what is read is only what is shown.
    expect(selectedAmong(s, ['e', 'a'])).toEqual(['e', 'a']);
  });

  it('the header box ticks every row shown, then clears them', () => {
    const all = toggleAll(EMPTY_SELECTION, rows);
    expect(selectedAmong(all, rows)).toEqual(rows);
    expect(selectedAmong(toggleAll(all, rows), rows)).toEqual([]);
    expect(selectedAmong(toggleAll(toggleRow(EMPTY_SELECTION, rows, 'a', false), rows), rows)).toEqual(rows);
  });
});
