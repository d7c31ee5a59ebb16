import type { SqlPort, SqlValue } from '../ports';
import type { AuditAnchor, AuditEntry, AuditPage, AuditVerification } from '../../src/api/schemas';
import { auditNamer } from './audit-names';
import { ChainWalk, hashInput, hashInputFromStored, type StoredAuditRow } from '../engine';
import { all, containsMatch, scalar, startsWithMatch } from '../db/sql';
import { encodeCursor } from '../http/params';
import { toAuditEntry } from './rows';
import type { Row } from '../db/sql';

/** Rows read per page while verifying: memory stays flat however long the log is. */
const VERIFY_PAGE = 5000;

const VERIFIED_COLUMNS = [
  'seq',
  'id',
  'town_id',
  'at',
  'admin_id',
  'admin_email',
  'action',
  'target_kind',
  'target_id',
  'reason',
  'params',
  'before',
  'after',
  'outcome',
  'error',
  'request_id',
  'prev_hash',
  'hash',
] as const;

function toStoredRow(values: SqlValue[]): StoredAuditRow & { hash: string } {
  const row: Record<string, SqlValue> = {};
  VERIFIED_COLUMNS.forEach((column, i) => (row[column] = values[i] ?? null));
  return row as unknown as StoredAuditRow & { hash: string };
}

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

/** Newest first, each entry with its names (global_seq is filled in by the route). The cursor carries the town id too, so the cross-town log can merge pages of many towns. */
export function listAudit(sql: SqlPort, townId: string, filter: AuditFilter): AuditPage {
  const where: string[] = [];
  const bindings: unknown[] = [];
  // Same matching as MSW: admin by id or part of the email, action by name or family (`agent` →
  // `agent.*`), target by id or kind.
  if (filter.admin) {
    const email = containsMatch('admin_email', filter.admin);
    where.push(`(admin_id = ? OR ${email.sql})`);
    bindings.push(filter.admin, email.value);
  }
  if (filter.action) {
    // The family as a prefix: a LIKE within SQLite's 50-byte pattern limit, instr() beyond it.
    const family = startsWithMatch('action', `${filter.action}.`);
    where.push(`(action = ? OR ${family.sql})`);
    bindings.push(filter.action, family.value);
  }
  if (filter.target) {
    where.push('(target_id = ? OR target_kind = ?)');
    bindings.push(filter.target, filter.target);
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
  const entries = rows.slice(0, filter.limit);
  // The global number is the directory's to give (the route asks it); the names are the town's.
  const name = auditNamer(sql);
  const items = entries.map((e) => ({ ...e, global_seq: null, names: name(e) }));
  return { items, next_cursor: rows.length > filter.limit ? auditCursor(items.at(-1)!) : null, total };
}

export const auditCursor = (entry: AuditEntry): string => encodeCursor([entry.at, entry.town_id, entry.seq]);

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const encoder = new TextEncoder();

async function sha256(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  let hex = '';
  for (const b of bytes) hex += HEX[b]!;
  return hex;
}

/**
 * Recomputes the chain from the first entry by the shared rules (`ChainWalk`, `hashInput`: the same
 * definition MSW and the append path use), reading the log in seq order in pages of VERIFY_PAGE rows.
 * Verification is a read, outside any transaction, so each page is hashed with the runtime's native
 * WebCrypto SHA-256 (the same digest as the synchronous one the append path needs, much faster).
 */
export async function verifyAudit(sql: SqlPort, townId: string, anchor: AuditAnchor | null = null): Promise<AuditVerification> {
  const walk = new ChainWalk(anchor);
  pages: for (let after = 0; ;) {
    // Rows as arrays (no object per row from the runtime), only the columns the hash covers.
    const stored = [
      ...sql
        .exec(`SELECT ${VERIFIED_COLUMNS.join(', ')} FROM admin_audit_log WHERE seq > ? ORDER BY seq LIMIT ?`, after, VERIFY_PAGE)
        .raw(),
    ].map(toStoredRow);
    // Fast path: hash the stored columns as they are (JSON columns are stored canonical). Only a row
    // that does not verify that way is parsed and re-serialized before it is called altered.
    const hashes = await Promise.all(stored.map((row) => sha256(hashInputFromStored(row))));
    for (let i = 0; i < stored.length; i++) {
      const row = stored[i]!;
      const hash = hashes[i] === row.hash ? hashes[i]! : await sha256(hashInput(toAuditEntry(row as unknown as Row)));
      if (!walk.step(row, hash)) break pages;
    }
    if (stored.length < VERIFY_PAGE) break;
    after = stored.at(-1)!.seq;
  }
  // `entries` is the whole log, also when the walk stops at a break (as MSW reports it).
  return { ...walk.result(townId), entries: scalar(sql, 'SELECT count(*) FROM admin_audit_log') };
}
