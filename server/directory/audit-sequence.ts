import type { SqlPort } from '../ports';
import { first } from '../db/sql';

/**
 * One sequence number across every town's audit log, handed out in one place: the directory, as each
 * town's chain head reaches it (audit-anchors.ts). A town's log numbers its own entries 1, 2, 3…; the
 * directory numbers them again in the order their heads arrive, so `/audit` can say "entry 4 of this
 * town, entry 1,207 of all". Heads arrive in order per town (the outbox) but may skip entries (a batch
 * or a dev seed moves the head once for many), so what is stored is ranges: town seqs `first_seq…last_seq`
 * are global `first_global…`. A number is never handed out twice, also after a dev reseed drops a town's
 * ranges (the counter lives in `meta`, not in the ranges).
 */

const COUNTER = 'audit_global_seq';

/** Numbers the town's entries up to `seq` that have no global number yet (a redelivery numbers nothing). */
export function extendSequence(sql: SqlPort, townId: string, seq: number): void {
  const covered = Number(first(sql, 'SELECT max(last_seq) AS n FROM audit_sequence WHERE town_id = ?', townId)?.n ?? 0);
  if (seq <= covered) return;
  const last = Number(first(sql, 'SELECT value FROM meta WHERE key = ?', COUNTER)?.value ?? 0);
  sql.exec(
    'INSERT INTO audit_sequence (first_global, town_id, first_seq, last_seq) VALUES (?, ?, ?, ?)',
    last + 1,
    townId,
    covered + 1,
    seq,
  );
  sql.exec('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)', COUNTER, String(last + seq - covered));
}

/** The global number of each (town, seq), null for an entry whose head has not reached the directory yet. */
export function globalSeqs(sql: SqlPort, entries: readonly { town_id: string; seq: number }[]): (number | null)[] {
  return entries.map(({ town_id, seq }) => {
    const row = first(
      sql,
      `SELECT first_global + (? - first_seq) AS g FROM audit_sequence
       WHERE town_id = ? AND first_seq <= ? AND last_seq >= ? LIMIT 1`,
      seq,
      town_id,
      seq,
      seq,
    );
    return row ? Number(row.g) : null;
  });
}

export function dropSequence(sql: SqlPort, townId: string): void {
  sql.exec('DELETE FROM audit_sequence WHERE town_id = ?', townId);
}
