/** The intervention engine: validation, plans, writes through TownAccess, masking and the audit chain. */
export { runAction, type AuditLog, type RunInput } from './run';
export { EngineError } from './engine-error';
export { targetVersion } from './versions';
export { maskParams } from './masking';
export { type TownAccess } from './town-access';
export { hashInputFromStored, type StoredAuditRow } from './audit-chain';
export { auditHash, canonicalEntry, canonicalJson, ChainWalk, hashInput, verifyChain, GENESIS_HASH } from './audit-chain';
export { sha256Hex } from './sha256';
