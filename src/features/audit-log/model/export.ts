import type { AuditEntry } from '../../../api';

const COLUMNS = [
  'seq',
  'at',
  'town_id',
  'admin_email',
  'admin_id',
  'action',
  'target_kind',
  'target_id',
  'reason',
  'outcome',
  'error',
  'params',
  'before',
  'after',
  'request_id',
  'prev_hash',
  'hash',
] as const;

function cell(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  // Quote every field; a leading = + - @ is prefixed so spreadsheets never evaluate an admin's text.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** RFC 4180 CSV of audit entries, one row each. */
export function toAuditCsv(entries: AuditEntry[]): string {
  const rows = entries.map((e) =>
    COLUMNS.map((c) => cell(c === 'target_kind' ? e.target.kind : c === 'target_id' ? e.target.id : e[c as keyof AuditEntry])).join(','),
  );
  return [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

export function toAuditJson(entries: AuditEntry[]): string {
  return `${JSON.stringify(entries, null, 2)}\n`;
}

/** Offers a text file to the browser as a download. */
export function download(filename: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
