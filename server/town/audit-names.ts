import type { AuditEntry, AuditNamed, AuditNames } from '../../src/api/schemas';
import type { SqlPort } from '../ports';
import { first, strOrNull, type Row } from '../db/sql';

/**
 * Names an audit entry in the town's words — its town, rig, agent, bead and the tracked bead of a
 * convoy's add/remove — so the log reads as a story, not as ids. Read when the log is read: the hashed
 * record keeps ids, and a name is what the town calls the thing now — once it is gone, `gone` and the name it
 * had when the panel deleted it (null when it went another way; the id stays).
 * Lookups are memoised per page, so a page of entries about the same agent asks once.
 */
export function auditNamer(sql: SqlPort): (entry: AuditEntry) => AuditNames {
  const memo = new Map<string, Row | null>();
  const row = (table: 'agents' | 'beads' | 'rigs', id: string | null) => {
    if (!id) return null;
    const key = `${table}:${id}`;
    if (!memo.has(key)) memo.set(key, first(sql, `SELECT * FROM ${table} WHERE id = ?`, id));
    return memo.get(key)!;
  };
  const named = (table: 'agents' | 'beads' | 'rigs', id: string | null): AuditNamed | null => {
    if (!id) return null;
    const r = row(table, id);
    if (r) return { id, name: strOrNull(table === 'beads' ? r.title : r.name), gone: false };
    // Gone: the name it had when the panel deleted it; null when it went another way (a bead the Mayor deleted).
    return { id, name: strOrNull(first(sql, 'SELECT name FROM deleted_names WHERE id = ?', id)?.name), gone: true };
  };
  const town = strOrNull(first(sql, 'SELECT name FROM town LIMIT 1')?.name);

  return (entry) => {
    const { kind, id } = entry.target;
    const names: AuditNames = { town, rig: null, agent: null, bead: null, tracked_bead: null };
    if (kind === 'agent') {
      names.agent = named('agents', id);
      names.rig = named('rigs', strOrNull(row('agents', id)?.rig_id));
    } else if (kind === 'bead' || kind === 'review' || kind === 'convoy') {
      const bead = row('beads', id);
      names.bead = named('beads', id);
      names.rig = named('rigs', strOrNull(bead?.rig_id));
      names.agent = named('agents', strOrNull(bead?.assignee_agent_bead_id));
    } else if (kind === 'rig' || kind === 'credential') {
      names.rig = named('rigs', id);
    }
    if (entry.action === 'convoy.add_tracked' || entry.action === 'convoy.remove_tracked') {
      const tracked = entry.params.bead_id;
      names.tracked_bead = typeof tracked === 'string' ? named('beads', tracked) : null;
    }
    return names;
  };
}
