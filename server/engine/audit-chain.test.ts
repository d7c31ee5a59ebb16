import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/api/schemas';
import { canonicalJson, GENESIS_HASH, hashInput, hashInputFromStored } from './audit-chain';

const entry: Omit<AuditEntry, 'hash'> = {
  seq: 7,
  id: '6f1c2f7e-8a55-4b39-9d1e-3c7b7c1d2e3f',
  town_id: '0b2a8c3e-1f4d-4a6b-8c9d-0e1f2a3b4c5d',
  at: '2026-11-24T10:00:00.000Z',
  admin_id: 'usr_a11ce0ad01',
  admin_email: 'ops@kilocode.ai',
  action: 'container.update_env',
  target: { kind: 'container', id: '0b2a8c3e-1f4d-4a6b-8c9d-0e1f2a3b4c5d' },
  reason: 'Quote " and newline\n and unicode — ✓',
  params: { changes: [{ value: '****', secret: true, key: 'API_KEY' }] },
  before: { 'env.API_KEY': null },
  after: { 'env.API_KEY': '****' },
  outcome: 'failure',
  error: 'partly "applied"',
  request_id: 'req-1',
  prev_hash: GENESIS_HASH,
};

describe('hashing stored audit rows', () => {
  it('gives exactly the text of the generic canonical form when JSON columns are stored canonical', () => {
    const stored = {
      ...entry,
      target_kind: entry.target.kind,
      target_id: entry.target.id,
      params: canonicalJson(entry.params),
      before: canonicalJson(entry.before),
      after: canonicalJson(entry.after),
    };
    expect(hashInputFromStored(stored)).toBe(hashInput(entry));
  });

  it('differs when a stored column was changed', () => {
    const stored = {
      ...entry,
      target_kind: 'container',
      target_id: entry.target.id,
      params: canonicalJson(entry.params),
      before: canonicalJson(entry.before),
      after: canonicalJson(entry.after),
    };
    expect(hashInputFromStored({ ...stored, reason: 'rewritten' })).not.toBe(hashInput(entry));
  });
});
