import type { AuditEntry } from '../../../api';
import { toCsv, toJson } from '../../../lib/export';

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

/** CSV of audit entries, one row each (the target split into kind and id). */
export function toAuditCsv(entries: AuditEntry[]): string {
  return toCsv(COLUMNS, entries, (e, c) => (c === 'target_kind' ? e.target.kind : c === 'target_id' ? e.target.id : e[c]));
}

export function toAuditJson(entries: AuditEntry[]): string {
  return toJson(entries);
}
