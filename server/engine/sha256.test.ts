// @vitest-environment node
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from './sha256';
import type { AuditEntry } from '../../src/api/schemas';
import { canonicalEntry, canonicalJson } from './audit-chain';

const reference = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Hex', () => {
  it('matches a reference implementation at every padding boundary and for multi-byte text', () => {
    const samples = ['', 'abc', 'ünïcødé → ✓', '𝄞 surrogate pair', 'a'.repeat(10_000)];
    for (let n = 0; n <= 200; n++) samples.push('x'.repeat(n), 'é'.repeat(n));
    for (const text of samples) expect(sha256Hex(text), `length ${text.length}`).toBe(reference(text));
  });

  it('gives the same answer after a long input grew its buffer (no stale bytes)', () => {
    const short = 'prev\n{"a":1}';
    const before = sha256Hex(short);
    sha256Hex('z'.repeat(50_000));
    expect(sha256Hex(short)).toBe(before);
    expect(before).toBe(reference(short));
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level, drops undefined and matches JSON for values', () => {
    const value = { b: [1, { d: null, c: 'x"y' }], a: { z: true, y: undefined, x: 1.5 }, e: 'ü\n' };
    expect(canonicalJson(value)).toBe('{"a":{"x":1.5,"z":true},"b":[1,{"c":"x\\"y","d":null}],"e":"ü\\n"}');
    expect(canonicalJson([undefined, null])).toBe('[null,null]');
  });
});

describe('canonicalEntry', () => {
  const entry: Omit<AuditEntry, 'hash'> = {
    seq: 3,
    id: 'a5f3c1de-0000-4000-8000-000000000001',
    town_id: 'a5f3c1de-0000-4000-8000-000000000002',
    at: '2026-01-01T00:00:00.000Z',
    admin_id: 'usr_1',
    admin_email: 'ops@kilocode.ai',
    action: 'container.update_env',
    target: { kind: 'container', id: 't' },
    reason: 'why "quoted" ✓',
    params: {
      changes: [
        { key: 'B', value: '****', secret: true },
        { value: null, key: 'A', secret: false },
      ],
    },
    before: { 'env.B': null },
    after: { 'env.B': '****' },
    outcome: 'success',
    error: null,
    request_id: 'r',
    prev_hash: '0'.repeat(64),
  };

  it('equals the generic canonical form of the entry without its hash', () => {
    expect(canonicalEntry(entry)).toBe(canonicalJson(entry));
    expect(canonicalEntry({ ...entry, hash: 'f'.repeat(64) } as AuditEntry)).toBe(canonicalJson(entry));
  });

  it('falls back to the generic form for extra or missing fields', () => {
    const extra = { ...entry, note: 'x' };
    expect(canonicalEntry(extra)).toBe(canonicalJson(extra));
    const { error: _error, ...missing } = entry;
    expect(canonicalEntry(missing as typeof entry)).toBe(canonicalJson(missing));
    const undef = { ...entry, error: undefined } as unknown as typeof entry;
    expect(canonicalEntry(undef)).toBe(canonicalJson(undef));
  });
});
