import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * SHA-256 of a string's UTF-8 bytes, hex: the audit hash chain and idempotency fingerprints. From an
 * audited library, not hand-written. Synchronous on purpose: the reference worker appends the audit row
 * inside `ctx.storage.transactionSync`, where the async WebCrypto API cannot be awaited.
 */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
