/**
 * `j`/`k` over the rows of the table on screen: the table holding the focused row, else the first
 * visible table of the page. Rows are plain DOM rows (virtualized tables render the visible ones and
 * more appear as focus scrolls them in); spacer rows (`aria-hidden`) are skipped.
 */
export function moveRowFocus(root: ParentNode, active: Element | null, delta: 1 | -1): HTMLTableRowElement | null {
  const current = active instanceof HTMLTableRowElement && root.contains(active) ? active : null;
  const table = current?.closest('table') ?? firstVisibleTable(root);
  if (!table) return null;
  const rows = bodyRows(table);
  if (rows.length === 0) return null;
  const index = current ? rows.indexOf(current) : -1;
  const next = rows[index === -1 ? (delta === 1 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, index + delta))]!;
  next.tabIndex = -1;
  next.focus();
  next.scrollIntoView?.({ block: 'nearest' });
  return next;
}

/** Enter on a focused row opens what its first link opens. */
export function openRowLink(active: Element | null): boolean {
  if (!(active instanceof HTMLTableRowElement)) return false;
  const link = active.querySelector<HTMLAnchorElement>('a[href]');
  link?.click();
  return link !== null;
}

function bodyRows(table: HTMLTableElement): HTMLTableRowElement[] {
  return Array.from(table.tBodies).flatMap((body) =>
    Array.from(body.rows).filter((row) => row.getAttribute('aria-hidden') !== 'true' && row.cells.length > 0),
  );
}

function firstVisibleTable(root: ParentNode): HTMLTableElement | null {
  for (const table of Array.from(root.querySelectorAll('table'))) {
    if (bodyRows(table).length > 0 && !table.closest('[hidden], [aria-hidden="true"]')) return table;
  }
  return null;
}
