/** The intervention log: the town's audit tab and `/audit` across towns. */
export { AuditList } from './components/audit-list';
