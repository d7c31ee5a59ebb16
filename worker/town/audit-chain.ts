import type { AuditEntry } from '../../src/api/schemas';

/** `prev_hash` of a town's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * SHA-256 (hex) of an entry's canonical JSON without its own hash: keys sorted at every level, so
 * the hash does not depend on how the row was serialized. Interventions compute it when appending;
 * verification recomputes it. Changing any field — or `prev_hash` — changes the hash.
 */
export async function hashAuditEntry(entry: Omit<AuditEntry, 'hash'> & { hash?: string }): Promise<string> {
  const { hash: _hash, ...rest } = entry;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalJson(rest)));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
