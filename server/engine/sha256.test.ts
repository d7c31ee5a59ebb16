// @vitest-environment node
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from './sha256';
import type { AuditEntry } from '../../src/api/schemas';
import { canonicalEntry, canonicalJson } from './audit-chain';

const reference = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Hex', () => {
  it('gives the published test vectors', () => {
    // "abc", the 448-bit message (two blocks) and a million `a`s are FIPS 180-2 appendix B; the empty and
    // 896-bit messages are NIST's example values.
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(
      sha256Hex('abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu'),
    ).toBe('cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1');
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('hashes the UTF-8 bytes of non-ASCII text', () => {
    // From coreutils: printf '%s' 'ünïcødé → ✓' | sha256sum (two- and three-byte sequences), and a surrogate pair (four bytes).
    expect(sha256Hex('ünïcødé → ✓')).toBe('aa8aa6ce77b76dd1a08eab04d8a13d47bd7dc6966686506ffcf6fbd72fac2153');
    expect(sha256Hex('𝄞')).toBe('e419efd3d6046adf7662b0daadab65047e8014a523316d7ccc8710de694aa9b6');
  });

  it('matches a reference implementation at every padding boundary and for multi-byte text', () => {
    const samples = ['', 'abc', 'ünïcødé → ✓', '𝄞 surrogate pair', 'a'.repeat(10_000)];
    for (let n = 0; n <= 200; n++) samples.push('x'.repeat(n), 'é'.repeat(n));
    for (const text of samples) expect(sha256Hex(text), `length ${text.length}`).toBe(reference(text));
  });

  it('carries nothing from one call to the next', () => {
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
