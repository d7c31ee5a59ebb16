import type { Ids, Storage } from '../ports';
import type { AuditEntry } from '../../src/api/schemas';
import { auditHash, GENESIS_HASH } from '../engine';
import { first, num, str } from '../db/sql';
import { appendAudit } from './access';
import { AUDIT_ANCHOR, enqueue } from './outbox';

/**
 * Dev-only operations on the audit log, reachable only through `/api/dev/audit/*` (DEV_ROUTES=on):
 * bulk seeding for the bench, a deliberate tamper for the verification test, and a probe that the
 * append-only triggers hold. No admin route calls any of them.
 */

/** Entries appended per transaction while seeding; each batch computes its part of the chain. */
const SEED_BATCH = 5000;

/** Appends `count` synthetic entries after the current head, chained like real ones. */
export function seedAuditEntries(
  storage: Storage,
  townId: string,
  count: number,
  startAt: number,
  ids: Ids,
): { appended: number; head: number } {
  const sql = storage.sql;
  let appended = 0;
  while (appended < count) {
    const batch = Math.min(SEED_BATCH, count - appended);
    storage.transactionSync(() => {
      const head = first(sql, 'SELECT seq, hash FROM admin_audit_log ORDER BY seq DESC LIMIT 1');
      let seq = head ? num(head.seq) : 0;
      let prev = head ? str(head.hash) : GENESIS_HASH;
      for (let i = 0; i < batch; i++) {
        seq++;
        const body: Omit<AuditEntry, 'hash'> = {
          seq,
          id: ids.uuid(),
          town_id: townId,
          at: new Date(startAt + seq * 1000).toISOString(),
          admin_id: 'usr_a1e00ps000',
          admin_email: 'ops@kilocode.ai',
          action: 'bead.change_priority',
          target: { kind: 'bead', id: ids.uuid() },
          reason: `Bench entry ${seq}: rebalancing the queue after the incident review`,
          params: { priority: seq % 2 ? 'high' : 'low' },
          before: { 'bead.priority': 'medium' },
          after: { 'bead.priority': seq % 2 ? 'high' : 'low' },
          outcome: 'success',
          error: null,
          request_id: ids.uuid(),
          prev_hash: prev,
        };
        const entry = { ...body, hash: auditHash(body) };
        appendAudit(sql, entry);
        prev = entry.hash;
        // One head move per batch, not per entry: the head only needs the newest.
        if (i === batch - 1) enqueue(sql, AUDIT_ANCHOR, [townId, seq, entry.hash, entry.at], entry.at);
      }
    });
    appended += batch;
  }
  return { appended, head: num(first(sql, 'SELECT max(seq) AS seq FROM admin_audit_log')?.seq ?? 0) };
}

const NO_UPDATE_TRIGGER = `CREATE TRIGGER admin_audit_log_no_update BEFORE UPDATE ON admin_audit_log
  BEGIN SELECT RAISE(ABORT, 'admin_audit_log is append-only'); END`;

/**
 * What an attacker with database access would do: drop the update trigger, rewrite one entry's reason,
 * put the trigger back. Verification must then fail at that entry.
 */
export function tamperAuditEntry(storage: Storage, seq: number, reason: string): { tampered: boolean } {
  const sql = storage.sql;
  return storage.transactionSync(() => {
    sql.exec('DROP TRIGGER admin_audit_log_no_update');
    const changed = sql.exec('UPDATE admin_audit_log SET reason = ? WHERE seq = ?', reason, seq).rowsWritten > 0;
    sql.exec(NO_UPDATE_TRIGGER);
    return { tampered: changed };
  });
}

const NO_DELETE_TRIGGER = `CREATE TRIGGER admin_audit_log_no_delete BEFORE DELETE ON admin_audit_log
  BEGIN SELECT RAISE(ABORT, 'admin_audit_log is append-only'); END`;

/**
 * The other thing an attacker with database access would do: delete the newest entries (everything
 * after `keep`) behind the triggers' back. The chain that remains is intact; only the signed head kept
 * outside the town shows that entries are missing.
 */
export function truncateAuditLog(storage: Storage, keep: number): { deleted: number } {
  const sql = storage.sql;
  return storage.transactionSync(() => {
    sql.exec('DROP TRIGGER admin_audit_log_no_delete');
    // Counted first: workerd's rowsWritten also counts what triggers write (the change counter's bump).
    const deleted = Number(first(sql, 'SELECT count(*) AS n FROM admin_audit_log WHERE seq > ?', keep)?.n ?? 0);
    sql.exec('DELETE FROM admin_audit_log WHERE seq > ?', keep);
    sql.exec(NO_DELETE_TRIGGER);
    return { deleted };
  });
}

class RollBack extends Error {}

/**
 * Tries an UPDATE and a DELETE on the log through the normal schema and reports what SQLite said.
 * Everything runs in a transaction that is always rolled back, so the probe never changes the log.
 */
export function probeAuditTriggers(storage: Storage): { update: string; delete: string } {
  const sql = storage.sql;
  const outcome = { update: '', delete: '' };
  const attempt = (statement: string): string => {
    try {
      const written = sql.exec(statement).rowsWritten;
      return `allowed (${written} rows)`;
    } catch (error) {
      return `refused: ${error instanceof Error ? error.message : String(error)}`;
    }
  };
  try {
    storage.transactionSync(() => {
      outcome.update = attempt(`UPDATE admin_audit_log SET reason = 'rewritten' WHERE seq = (SELECT min(seq) FROM admin_audit_log)`);
      outcome.delete = attempt('DELETE FROM admin_audit_log WHERE seq = (SELECT min(seq) FROM admin_audit_log)');
      throw new RollBack();
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  return outcome;
}
