/**
 * Exports (CSV, JSON) and the browser download that offers them. Cells hold text written by admins,
 * agents and LLMs, so CSV cells are escaped here once, for every exporter.
 */

/**
 * One CSV cell: RFC 4180 quoting (a cell with a comma, quote or line break is quoted, quotes
 * doubled), and a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a `'` in
 * front so a spreadsheet shows it as text instead of running it as a formula. Objects are written
 * as JSON; null and undefined as an empty cell.
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV file: a header row of `columns`, then one row per item, CRLF line ends (RFC 4180), ending in a line break. */
export function toCsv<Row, Column extends string>(
  columns: readonly Column[],
  rows: readonly Row[],
  cellOf: (row: Row, column: Column) => unknown,
): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(cellOf(row, c))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** A JSON file: indented for people reading it, ending in a line break. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export const CSV_TYPE = 'text/csv';
export const JSON_TYPE = 'application/json';

/** Offers text to the browser as a file download. */
export function download(filename: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  // In the document while clicked: Firefox ignores a click on a detached link.
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
