import { useState } from 'react';
import { EMPTY_SELECTION, intersectSelection, selectedAmong, toggleAll, toggleRow, type RowSelection } from './row-selection';

/**
 * Ticked rows of a filtered table (`row-selection.ts`): `shown` is the ids the filter shows, in order.
 * When they change (a filter, a refetch), ticked rows the table no longer shows are dropped in the
 * same render, so the bulk dialog can only ever receive rows the admin sees.
 */
export function useRowSelection(shown: readonly string[]) {
  const [state, setState] = useState<{ shown: readonly string[]; selection: RowSelection }>({ shown, selection: EMPTY_SELECTION });
  let selection = state.selection;
  if (state.shown !== shown) {
    selection = intersectSelection(state.selection, shown);
    setState({ shown, selection });
  }
  const selected = selectedAmong(selection, shown);
  return {
    selected,
    isSelected: (id: string) => selection.ids.has(id),
    allSelected: shown.length > 0 && selected.length === shown.length,
    toggle: (id: string, range: boolean) => setState((s) => ({ ...s, selection: toggleRow(s.selection, shown, id, range) })),
    toggleAll: () => setState((s) => ({ ...s, selection: toggleAll(s.selection, shown) })),
    clear: () => setState((s) => ({ ...s, selection: EMPTY_SELECTION })),
  };
}
