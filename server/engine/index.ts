/** The intervention engine: validation, plans, writes through TownAccess, masking and the audit chain. */
export { runAction, EngineError, targetVersion, maskParams, type AuditLog, type RunInput } from './engine';
export { type TownAccess } from './town-access';
export { hashInputFromStored, type StoredAuditRow } from './audit-chain';
export { auditHash, canonicalEntry, canonicalJson, ChainWalk, hashInput, verifyChain, GENESIS_HASH } from './audit-chain';
export { sha256Hex } from './sha256';
