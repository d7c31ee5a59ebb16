import type { AuditNamed, AuditRow } from '../../../api';
import { toCsv, toJson } from '../../../lib/export';

const COLUMNS = [
  'seq',
  'global_seq',
  'at',
  'town_id',
  'town_name',
  'rig',
  'agent',
  'bead',
  'tracked_bead',
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

/** "Toast (6f1c2f7e-…)": a name with its full id, so a spreadsheet row still says which one. */
const namedCell = (n: AuditNamed | null) => (n ? `${n.name ?? 'name not kept'}${n.gone ? ', deleted' : ''} (${n.id})` : null);

/** CSV of audit entries, one row each (the target split into kind and id, names beside the ids; times are UTC ISO). */
export function toAuditCsv(entries: AuditRow[]): string {
  return toCsv(COLUMNS, entries, (e, c) => {
    switch (c) {
      case 'target_kind':
        return e.target.kind;
      case 'target_id':
        return e.target.id;
      case 'town_name':
        return e.names.town;
      case 'rig':
      case 'agent':
      case 'bead':
      case 'tracked_bead':
        return namedCell(e.names[c]);
      default:
        return e[c];
    }
  });
}

export function toAuditJson(entries: AuditRow[]): string {
  return toJson(entries);
}
