/** The intervention log: the town's audit tab and `/audit` across towns, with hash-chain verification and export. */
export { AuditLog } from './components/audit-log';
export { ChainStatus } from './components/chain-status';
export { auditVerifyQuery } from './api/audit';
/** @deprecated name kept for callers written before the audit log landed; use AuditLog. */
export { AuditLog as AuditList } from './components/audit-log';
