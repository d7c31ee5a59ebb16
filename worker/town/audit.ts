import type { AuditEntry, AuditPage, AuditVerification } from '../../src/api/schemas';
import { all, scalar } from '../db/sql';
import { encodeCursor } from '../http/params';
import { GENESIS_HASH, hashAuditEntry } from './audit-chain';
import { toAuditEntry } from './rows';

export interface AuditFilter {
  admin?: string | undefined;
  action?: string | undefined;
  target?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Decoded cursor: time, town id, seq of the last row seen. */
  before?: [string, string, number] | undefined;
  limit: number;
}

/** Newest first. The cursor carries the town id too, so the cross-town log can merge pages of many towns. */
export function listAudit(sql: SqlStorage, townId: string, filter: AuditFilter): AuditPage {
  const where: string[] = [];
  const bindings: unknown[] = [];
  if (filter.admin) {
    where.push('(admin_id = ? OR admin_email = ?)');
    bindings.push(filter.admin, filter.admin);
  }
  if (filter.action) {
    where.push('action = ?');
    bindings.push(filter.action);
  }
  if (filter.target) {
    where.push('target_id = ?');
    bindings.push(filter.target);
  }
  if (filter.from) {
    where.push('at >= ?');
    bindings.push(filter.from);
  }
  if (filter.to) {
    where.push('at <= ?');
    bindings.push(filter.to);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = scalar(sql, `SELECT count(*) FROM admin_audit_log ${clause}`, ...bindings);
  const page = [...where];
  const pageBindings = [...bindings];
  if (filter.before) {
    // Same ordering as the cross-town merge: time, then town id, then seq.
    page.push('(at < ? OR (at = ? AND (? < ? OR (? = ? AND seq < ?))))');
    const [at, town, seq] = filter.before;
    pageBindings.push(at, at, townId, town, townId, town, seq);
  }
  const rows = all(
    sql,
    `SELECT * FROM admin_audit_log ${page.length ? `WHERE ${page.join(' AND ')}` : ''} ORDER BY at DESC, seq DESC LIMIT ?`,
    ...pageBindings,
    filter.limit + 1,
  ).map(toAuditEntry);
  const items = rows.slice(0, filter.limit);
  return { items, next_cursor: rows.length > filter.limit ? auditCursor(items.at(-1)!) : null, total };
}

export const auditCursor = (entry: AuditEntry): string => encodeCursor([entry.at, entry.town_id, entry.seq]);

/** Walks the chain from the first entry in pages, recomputing each hash. */
export async function verifyAudit(sql: SqlStorage, townId: string): Promise<AuditVerification> {
  let prev = GENESIS_HASH;
  let verified = 0;
  let entries = 0;
  for (let after = 0; ; ) {
    const rows = all(sql, 'SELECT * FROM admin_audit_log WHERE seq > ? ORDER BY seq LIMIT 500', after).map(toAuditEntry);
    if (rows.length === 0) break;
    for (const entry of rows) {
      entries++;
      const problem =
        entry.seq !== verified + 1
          ? `entry ${verified + 1} is missing`
          : entry.prev_hash !== prev
            ? `entry ${entry.seq} does not point at the previous entry's hash`
            : entry.hash !== (await hashAuditEntry(entry))
              ? `entry ${entry.seq} was changed after it was written`
              : null;
      if (problem) {
        const total = scalar(sql, 'SELECT count(*) FROM admin_audit_log');
        return { town_id: townId, entries: total, verified: false, verified_through: verified, broken_at: entry.seq, problem };
      }
      prev = entry.hash;
      verified = entry.seq;
    }
    after = rows.at(-1)!.seq;
  }
  return { town_id: townId, entries, verified: true, verified_through: verified, broken_at: null, problem: null };
}
