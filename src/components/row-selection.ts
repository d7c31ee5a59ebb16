/**
 * Ticked rows of a filtered table, as a pure model (the hook is `use-row-selection.ts`). The selection
 * never exceeds what the filter shows (Langfuse #16237: "select all" that ignored the filter): every
 * read intersects it with the rows shown, in their order, and a filter change drops the rows it hides.
 */
export interface RowSelection {
  /** Ticked ids. */
  ids: ReadonlySet<string>;
  /** The row a plain click last toggled: the anchor of a shift-click range. */
  anchor: string | null;
}

export const EMPTY_SELECTION: RowSelection = { ids: new Set(), anchor: null };

/** The ticked ids among the rows shown, in the table's order. */
export function selectedAmong(selection: RowSelection, shown: readonly string[]): string[] {
  if (selection.ids.size === 0) return [];
  return shown.filter((id) => selection.ids.has(id));
}

/** Drops ticked ids the filter no longer shows (the same object when nothing changes). */
export function intersectSelection(selection: RowSelection, shown: readonly string[]): RowSelection {
  if (selection.ids.size === 0) return selection;
  const visible = new Set(shown);
  let dropped = false;
  for (const id of selection.ids) if (!visible.has(id)) dropped = true;
  if (!dropped) return selection;
  const ids = new Set([...selection.ids].filter((id) => visible.has(id)));
  return { ids, anchor: selection.anchor && visible.has(selection.anchor) ? selection.anchor : null };
}

/**
 * A click on a row's box: toggles it; with shift, sets every row between the anchor and this one (in
 * the order shown) to this row's new state.
 */
export function toggleRow(selection: RowSelection, shown: readonly string[], id: string, range: boolean): RowSelection {
  const on = !selection.ids.has(id);
  const ids = new Set(selection.ids);
  const from = range && selection.anchor !== null ? shown.indexOf(selection.anchor) : -1;
  const to = shown.indexOf(id);
  if (from >= 0 && to >= 0) {
    const [lo, hi] = from < to ? [from, to] : [to, from];
    for (const rowId of shown.slice(lo, hi + 1)) {
      if (on) ids.add(rowId);
      else ids.delete(rowId);
    }
  } else if (on) ids.add(id);
  else ids.delete(id);
  return { ids, anchor: id };
}

/** The header box: ticks every row shown, or clears them when all are ticked already. */
export function toggleAll(selection: RowSelection, shown: readonly string[]): RowSelection {
  const all = shown.length > 0 && shown.every((id) => selection.ids.has(id));
  return all ? EMPTY_SELECTION : { ids: new Set(shown), anchor: null };
}
