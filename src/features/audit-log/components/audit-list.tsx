import { ErrorState } from '../../../components/error-state';
import { RelativeTime } from '../../../components/relative-time';
import { EmptyState, Loading } from '../../../components/states';
import { useAudit } from '../api/audit';

/** The intervention log across towns. */
export function AuditList() {
  const audit = useAudit({});
  if (audit.isPending) return <Loading label="Loading the intervention log" />;
  if (audit.isError) return <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />;
  if (audit.data.items.length === 0) return <EmptyState title="No interventions recorded yet">Every admin action will appear here with who, when, why and on what.</EmptyState>;
  return (
    <table className="table" aria-label="Interventions">
      <thead>
        <tr>
          <th>When</th>
          <th>Admin</th>
          <th>Action</th>
          <th>Target</th>
          <th>Reason</th>
        </tr>
      </thead>
      <tbody>
        {audit.data.items.map((e) => (
          <tr key={e.id}>
            <td><RelativeTime iso={e.at} /></td>
            <td>{e.admin_email}</td>
            <td className="mono">{e.action}</td>
            <td className="mono small">{e.target.kind}:{e.target.id.slice(0, 8)}</td>
            <td>{e.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
