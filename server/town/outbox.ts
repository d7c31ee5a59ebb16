import type { Objects } from '../host';
import type { SqlPort, Storage } from '../ports';
import { all, insert } from '../db/sql';

/** Where an outbox message goes: another object, by kind and name, and the method it receives there. */
export interface OutboxTarget {
  kind: 'agent' | 'user' | 'org' | 'directory';
  name: string;
  /** A receiver method taking `(messageId, ...args)` and idempotent by message id. */
  method: 'appendOnce' | 'updateRigsOnce' | 'anchorAuditOnce';
}

/** Where each audit append moves the town's signed chain head (server/directory/audit-anchors.ts). */
export const AUDIT_ANCHOR: OutboxTarget = { kind: 'directory', name: 'directory', method: 'anchorAuditOnce' };

/** Messages delivered per round: one round is a bounded amount of RPC whatever piled up. */
const ROUND = 200;

/**
 * Cross-object writes. A town cannot join another object's transaction, so what it must tell another
 * object is written here in the same transaction as the change that causes it, then delivered after the
 * commit (and again by the next alarm until the receiver has it). Receivers drop a message id they have
 * seen, so a delivery cut short and retried acts once.
 */
export function enqueue(sql: SqlPort, target: OutboxTarget, args: unknown[], at: string): void {
  insert(sql, 'outbox', {
    target_kind: target.kind,
    target_name: target.name,
    method: target.method,
    args: JSON.stringify(args),
    created_at: at,
  });
}

export function pendingCount(sql: SqlPort): number {
  return Number(all(sql, 'SELECT count(*) AS n FROM outbox')[0]?.n ?? 0);
}

/** Delivers what is pending, each receiver oldest first; a failure stops that receiver (the next alarm retries). */
export async function deliver(
  storage: Storage,
  objects: Objects,
  townId: string,
  /** Runs between a receiver's answer and the acknowledgement (a test's crash point). */
  beforeAck: () => void = () => {},
): Promise<{ delivered: number; failed: boolean }> {
  let delivered = 0;
  for (;;) {
    const rows = all(storage.sql, 'SELECT id, target_kind, target_name, method, args FROM outbox ORDER BY id LIMIT ?', ROUND);
    if (!rows.length) return { delivered, failed: false };
    // Each receiver gets its messages in order; different receivers are reached concurrently (a tick
    // with ten agents at work is ten RPCs, not ten round trips in a row).
    const byTarget = new Map<string, typeof rows>();
    for (const row of rows) {
      const key = `${String(row.target_kind)}:${String(row.target_name)}`;
      byTarget.set(key, [...(byTarget.get(key) ?? []), row]);
    }
    const outcomes = await Promise.all([...byTarget.values()].map((queue) => deliverInOrder(storage, objects, townId, queue, beforeAck)));
    delivered += outcomes.reduce((n, o) => n + o.delivered, 0);
    if (outcomes.some((o) => o.failed)) return { delivered, failed: true };
  }
}

/** One receiver's messages, oldest first; stops at its first failure (the next alarm retries from there). */
async function deliverInOrder(
  storage: Storage,
  objects: Objects,
  townId: string,
  queue: Record<string, unknown>[],
  beforeAck: () => void,
): Promise<{ delivered: number; failed: boolean }> {
  let delivered = 0;
  for (const row of queue) {
    // `o9`: ids from the never-reused sequence (schema v9); older ids were `${townId}:${id}`.
    const messageId = `${townId}:o9:${String(row.id)}`;
    const args = JSON.parse(String(row.args)) as unknown[];
    const target =
      row.target_kind === 'agent'
        ? objects.agent(String(row.target_name))
        : row.target_kind === 'directory'
          ? objects.directory()
          : row.target_kind === 'org'
            ? objects.org(String(row.target_name))
            : objects.user(String(row.target_name));
    try {
      await (target as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[String(row.method)]!(messageId, ...args);
    } catch (error) {
      console.error(`outbox: delivering ${messageId} to ${String(row.target_kind)} ${String(row.target_name)} failed`, error);
      return { delivered, failed: true };
    }
    beforeAck();
    storage.sql.exec('DELETE FROM outbox WHERE id = ?', row.id);
    delivered++;
  }
  return { delivered, failed: false };
}
