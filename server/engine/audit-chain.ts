import type { AuditAnchor, AuditEntry, AuditVerification } from '../../src/api/schemas';
import { sha256Hex } from './sha256';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level: the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value as Record<string, unknown>)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** The fields an entry hashes over (every field but `hash`), in canonical (sorted) order. */
const HASHED_KEYS = [
  'action',
  'admin_email',
  'admin_id',
  'after',
  'at',
  'before',
  'error',
  'id',
  'outcome',
  'params',
  'prev_hash',
  'reason',
  'request_id',
  'seq',
  'target',
  'town_id',
].sort();
const HASHED = new Set<string>([...HASHED_KEYS, 'hash']);

/**
 * `canonicalJson` of an entry without its hash. Verifying 100k entries spends most of its time here,
 * so an entry with exactly the contract's fields takes a path that skips sorting the top level (its
 * keys are known); anything else goes the generic way. Both produce the same text.
 */
export function canonicalEntry(entry: Omit<AuditEntry, 'hash'>): string {
  const record = entry as unknown as Record<string, unknown>;
  let known = 0;
  for (const key in record) {
    if (!HASHED.has(key) || (record[key] === undefined && key !== 'hash')) return canonicalWithoutHash(record);
    if (key !== 'hash') known++;
  }
  if (known !== HASHED_KEYS.length) return canonicalWithoutHash(record);
  let out = '{';
  for (let i = 0; i < HASHED_KEYS.length; i++) {
    const key = HASHED_KEYS[i]!;
    out += `${i ? ',' : ''}"${key}":${canonicalJson(record[key])}`;
  }
  return `${out}}`;
}

function canonicalWithoutHash(record: Record<string, unknown>): string {
  const body = { ...record };
  delete body.hash;
  return canonicalJson(body);
}

/** What an entry's hash is taken over: `prev_hash ‖ "\n" ‖ canonical entry without its own hash`. */
export function hashInput(entry: Omit<AuditEntry, 'hash'>): string {
  return `${entry.prev_hash}\n${canonicalEntry(entry)}`;
}

/** hash = SHA-256(hashInput(entry)), hex. */
export function auditHash(entry: Omit<AuditEntry, 'hash'>): string {
  return sha256Hex(hashInput(entry));
}

/**
 * The chain's rules, one entry at a time in `seq` order: each entry must follow the previous seq, link
 * to the previous hash, and hash (recomputed by the caller) to its own. `verifyChain` walks with the
 * synchronous SHA-256; the worker walks the same rules over pages hashed with WebCrypto.
 *
 * With the town's signed head (`anchor`, kept outside the town), the log must also reach it: the entry
 * at the head's seq must carry the head's hash, and a log that ends before it is missing its tail — a
 * deletion the chain alone cannot show, since what remains still links.
 */
export class ChainWalk {
  private prev = GENESIS_HASH;
  private expectedSeq = 1;
  private count = 0;
  private problem: string | null = null;

  constructor(private readonly anchor: AuditAnchor | null = null) {}

  /** Checks the next entry against its recomputed hash; false once the chain is broken. */
  step(row: Pick<AuditEntry, 'seq' | 'prev_hash' | 'hash'>, recomputed: string): boolean {
    if (this.problem) return false;
    this.count++;
    this.problem =
      row.seq !== this.expectedSeq
        ? `entry ${this.expectedSeq} is missing (found ${row.seq} next)`
        : row.prev_hash !== this.prev
          ? `entry ${row.seq} does not link to entry ${row.seq - 1}`
          : recomputed !== row.hash
            ? `entry ${row.seq} was altered after it was written (its hash does not match its content)`
            : this.anchor?.signed && row.seq === this.anchor.seq && row.hash !== this.anchor.hash
              ? `entry ${row.seq} is not the entry the signed head recorded: the log was rewritten from here or earlier`
              : null;
    if (this.problem) return false;
    this.prev = row.hash;
    this.expectedSeq++;
    return true;
  }

  result(townId: string): AuditVerification {
    const anchor = this.anchor;
    if (!this.problem && anchor && !anchor.signed)
      return {
        town_id: townId,
        entries: this.count,
        verified: false,
        verified_through: this.count,
        broken_at: null,
        problem: `the signed head kept outside the town (entry ${anchor.seq}) fails its signature check: it was altered, so the log's end cannot be confirmed`,
        anchor,
      };
    if (!this.problem && anchor && this.count < anchor.seq)
      this.problem =
        anchor.seq === this.count + 1
          ? `entry ${this.count + 1} is missing: the signed head kept outside the town is at entry ${anchor.seq}, the log ends at entry ${this.count}`
          : `entries ${this.count + 1}–${anchor.seq} are missing: the signed head kept outside the town is at entry ${anchor.seq}, the log ends at entry ${this.count}`;
    return this.problem
      ? {
          town_id: townId,
          entries: this.count,
          verified: false,
          verified_through: this.expectedSeq - 1,
          broken_at: this.expectedSeq,
          problem: this.problem,
          anchor,
        }
      : { town_id: townId, entries: this.count, verified: true, verified_through: this.count, broken_at: null, problem: null, anchor };
  }
}

/**
 * Walks the chain in `seq` order (see ChainWalk). `rows` may be an iterator so a long log can be
 * streamed in pages.
 */
export function verifyChain(townId: string, rows: Iterable<AuditEntry>, anchor: AuditAnchor | null = null): AuditVerification {
  const walk = new ChainWalk(anchor);
  for (const row of rows) {
    if (!walk.step(row, auditHash(row))) break;
  }
  return walk.result(townId);
}

/** An audit row as stored: scalar columns, and params/before/after as (canonical) JSON text. */
export interface StoredAuditRow {
  seq: number;
  id: string;
  town_id: string;
  at: string;
  admin_id: string;
  admin_email: string;
  action: string;
  target_kind: string;
  target_id: string;
  reason: string;
  params: string;
  before: string;
  after: string;
  outcome: string;
  error: string | null;
  request_id: string;
  prev_hash: string;
}

const q = JSON.stringify;

/**
 * `hashInput` built straight from stored columns, without parsing and re-serializing the JSON
 * columns: the same text as `hashInput(entry)` when they were stored as `canonicalJson` (which
 * `appendAudit` does). A row whose JSON was stored otherwise hashes differently here, so callers
 * confirm a mismatch with the slow path before calling an entry altered.
 */
export function hashInputFromStored(r: StoredAuditRow): string {
  return (
    `${r.prev_hash}\n{"action":${q(r.action)},"admin_email":${q(r.admin_email)},"admin_id":${q(r.admin_id)},"after":${r.after},` +
    `"at":${q(r.at)},"before":${r.before},"error":${r.error === null ? 'null' : q(r.error)},"id":${q(r.id)},"outcome":${q(r.outcome)},` +
    `"params":${r.params},"prev_hash":${q(r.prev_hash)},"reason":${q(r.reason)},"request_id":${q(r.request_id)},"seq":${r.seq},` +
    `"target":{"id":${q(r.target_id)},"kind":${q(r.target_kind)}},"town_id":${q(r.town_id)}}`
  );
}
