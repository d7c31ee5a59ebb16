import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/api/schemas';
import { auditHash, canonicalJson, GENESIS_HASH, hashInput, hashInputFromStored, verifyChain } from './audit-chain';

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

/** A chain of `n` valid entries, as appends would write it. */
function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const body = { ...entry, seq, id: `6f1c2f7e-8a55-4b39-9d1e-3c7b7c1d2e${String(seq).padStart(2, '0')}`, prev_hash: prev };
    const full = { ...body, hash: auditHash(body) };
    out.push(full);
    prev = full.hash;
  }
  return out;
}

describe('verifying against the signed head', () => {
  const log = chain(5);
  const head = (seq: number, signed = true) => ({ seq, hash: log[seq - 1]!.hash, at: log[seq - 1]!.at, signed });

  it('verifies a log that reaches its head (or runs past it: the newest head is still on its way)', () => {
    expect(verifyChain(entry.town_id, log, head(5))).toMatchObject({ verified: true, verified_through: 5, broken_at: null });
    expect(verifyChain(entry.town_id, log, head(4))).toMatchObject({ verified: true, verified_through: 5 });
  });

  it('reports a deleted tail as missing from the first absent entry, though what remains still links', () => {
    const shortened = log.slice(0, 3);
    expect(verifyChain(entry.town_id, shortened)).toMatchObject({ verified: true });
    const result = verifyChain(entry.town_id, shortened, head(5));
    expect(result).toMatchObject({ verified: false, verified_through: 3, broken_at: 4 });
    expect(result.problem).toContain('entries 4–5 are missing');
    expect(verifyChain(entry.town_id, log.slice(0, 4), head(5)).problem).toContain('entry 5 is missing');
  });

  it('catches a tail deleted and rewritten with a new valid chain at the head entry', () => {
    const forged = log.slice(0, 4);
    const body = { ...entry, seq: 5, id: '6f1c2f7e-8a55-4b39-9d1e-3c7b7c1d2eff', reason: 'forged', prev_hash: forged[3]!.hash };
    forged.push({ ...body, hash: auditHash(body) });
    const result = verifyChain(entry.town_id, forged, head(5));
    expect(result).toMatchObject({ verified: false, broken_at: 5, verified_through: 4 });
    expect(result.problem).toContain('not the entry the signed head recorded');
  });

  it('does not trust a head whose signature fails', () => {
    const result = verifyChain(entry.town_id, log.slice(0, 3), head(5, false));
    expect(result.verified).toBe(false);
    expect(result.problem).toContain('fails its signature check');
  });
});
