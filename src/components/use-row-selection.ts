import { useCallback, useMemo, useState } from 'react';
import { EMPTY_SELECTION, intersectSelection, selectedAmong, toggleAll, toggleRow, type RowSelection } from './row-selection';

/**
 * Ticked rows of a filtered table (`row-selection.ts`): `shown` is the ids the filter shows. When they
 * change (a filter, a refetch), ticked rows the table no longer shows are dropped in the same render,
 * so the bulk dialog can only ever receive rows the admin sees.
 *
 * The callbacks are stable (memoized rows of a virtualized table keep them). `toggle` takes the order
 * the rows are displayed in when the table sorts them itself, so a shift-click range is the rows the
 * admin sees between the two clicks.
 */
export function useRowSelection(shown: readonly string[]) {
  const [state, setState] = useState<{ shown: readonly string[]; selection: RowSelection }>({ shown, selection: EMPTY_SELECTION });
  let selection = state.selection;
  if (state.shown !== shown) {
    selection = intersectSelection(state.selection, shown);
    setState({ shown, selection });
  }
  const selected = useMemo(() => selectedAmong(selection, shown), [selection, shown]);
  const ids = selection.ids;
  const isSelected = useCallback((id: string) => ids.has(id), [ids]);
  const toggle = useCallback(
    (id: string, range: boolean, order?: readonly string[]) =>
      setState((s) => ({ ...s, selection: toggleRow(s.selection, order ?? s.shown, id, range) })),
    [],
  );
  const toggleEvery = useCallback(() => setState((s) => ({ ...s, selection: toggleAll(s.selection, s.shown) })), []);
  const clear = useCallback(() => setState((s) => ({ ...s, selection: EMPTY_SELECTION })), []);
  return {
    selected,
    isSelected,
    allSelected: shown.length > 0 && selected.length === shown.length,
    toggle,
    toggleAll: toggleEvery,
    clear,
  };
}
