import { PageHeader } from '../components/page-header';
import { AuditList } from '../features/audit-log';

export function AuditPage() {
  return (
    <div className="page">
      <PageHeader title="Intervention log" eyebrow="All towns" />
      <AuditList />
    </div>
  );
}
