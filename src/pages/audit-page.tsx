import { PageHeader } from '../components/page-header';
import { AuditLog } from '../features/audit-log';

export function AuditPage() {
  return (
    <div className="page">
      <PageHeader title="Intervention log" eyebrow="All towns">
        <span className="muted">Append-only: no one can edit or delete an entry. Filters are part of the link.</span>
      </PageHeader>
      <AuditLog />
    </div>
  );
}
