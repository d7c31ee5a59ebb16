import type { AuditEntry, AuditVerification } from '../../../api/schemas';
import { sha256Hex } from './sha256';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level: the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value as Record<string, unknown>).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** hash = SHA-256(prev_hash ‖ "\n" ‖ canonical entry without its own hash). */
export function auditHash(entry: Omit<AuditEntry, 'hash'>): string {
  const { ...body } = entry as AuditEntry;
  delete (body as Partial<AuditEntry>).hash;
  return sha256Hex(`${entry.prev_hash}\n${canonicalJson(body)}`);
}

/**
 * Walks the chain in `seq` order: each entry must link to the previous hash and hash to its own.
 * `rows` may be an iterator so the worker can stream a long log in pages.
 */
export function verifyChain(townId: string, rows: Iterable<AuditEntry>): AuditVerification {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (const row of rows) {
    count++;
    const problem =
      row.seq !== expectedSeq
        ? `entry ${expectedSeq} is missing (found ${row.seq} next)`
        : row.prev_hash !== prev
          ? `entry ${row.seq} does not link to entry ${row.seq - 1}`
          : auditHash(row) !== row.hash
            ? `entry ${row.seq} was altered after it was written (its hash does not match its content)`
            : null;
    if (problem) {
      return { town_id: townId, entries: count, verified: false, verified_through: expectedSeq - 1, broken_at: expectedSeq, problem };
    }
    prev = row.hash;
    expectedSeq++;
  }
  return { town_id: townId, entries: count, verified: true, verified_through: count, broken_at: null, problem: null };
}
