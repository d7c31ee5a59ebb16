import type { AuditAnchor } from '../../src/api/schemas';
import type { SqlPort } from '../ports';
import { first } from '../db/sql';

/**
 * Signed heads of the towns' audit chains, kept in the directory — outside every town's own database.
 * Each append moves its town's head forward (seq + hash, delivered by the town's outbox); verification
 * compares the log with it, so a log whose newest entries were deleted no longer verifies: the head
 * names entries the log does not hold. Each head is HMAC-SHA-256-signed with the server's key (a Worker
 * secret in a deploy, never stored in any object), so a head edited in the directory's SQLite fails its
 * signature instead of silently agreeing with a shortened log.
 */

/**
 * The key when the host sets none: the local scripts pass a per-state key (scripts/lib/wrangler.mjs);
 * this one only keeps a hand-run `wrangler dev` anchoring. It is public, so it guards against a deleted
 * tail, not against someone who also rewrites the directory.
 */
export const DEV_ANCHOR_KEY = 'gastown-admin local dev audit anchor key';

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    keys.set(secret, key);
  }
  return key;
}

const signedText = (townId: string, seq: number, hash: string) => `gastown-audit-head\n${townId}\n${seq}\n${hash}`;

const toHex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

const fromHex = (hex: string) => new Uint8Array((hex.match(/../g) ?? []).map((h) => parseInt(h, 16)));

export async function signHead(secret: string, townId: string, seq: number, hash: string): Promise<string> {
  return toHex(await crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(signedText(townId, seq, hash))));
}

/**
 * Moves a town's head forward (never back: a late or repeated delivery of an older head changes
 * nothing, so the outbox may redeliver freely). The signature is computed before the write.
 */
export async function moveHead(sql: SqlPort, secret: string, townId: string, seq: number, hash: string, at: string): Promise<void> {
  const current = first(sql, 'SELECT seq FROM audit_anchors WHERE town_id = ?', townId);
  if (current && Number(current.seq) >= seq) return;
  const signature = await signHead(secret, townId, seq, hash);
  sql.exec(
    `INSERT INTO audit_anchors (town_id, seq, hash, at, signature) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (town_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, at = excluded.at, signature = excluded.signature
     WHERE excluded.seq > audit_anchors.seq`,
    townId,
    seq,
    hash,
    at,
    signature,
  );
}

/** A town's head as stored, with whether its signature holds under the server's key (null: none yet). */
export async function readHead(sql: SqlPort, secret: string, townId: string): Promise<AuditAnchor | null> {
  const row = first(sql, 'SELECT seq, hash, at, signature FROM audit_anchors WHERE town_id = ?', townId);
  if (!row) return null;
  const seq = Number(row.seq);
  const hash = String(row.hash);
  const signed = await crypto.subtle.verify(
    'HMAC',
    await hmacKey(secret),
    fromHex(String(row.signature)),
    encoder.encode(signedText(townId, seq, hash)),
  );
  return { seq, hash, at: String(row.at), signed };
}
