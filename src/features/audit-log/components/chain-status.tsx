import { StatusDot } from '../../../components/badge';
import { ErrorState } from '../../../components/error-state';
import { Loading } from '../../../components/states';
import { statusTone } from '../../../components/status';
import { useAuditVerify } from '../api/audit';

/** Whether the town's hash chain verifies, and through which entry (or where it breaks). */
export function ChainStatus({ townId }: { townId: string }) {
  const verify = useAuditVerify(townId);
  if (verify.isPending) return <Loading label="Verifying the audit hash chain" />;
  if (verify.isError) return <ErrorState error={verify.error} onRetry={() => void verify.refetch()} />;
  const v = verify.data;
  if (v.entries === 0) return <p className="muted chain-status">No interventions recorded for this town yet; the chain is empty.</p>;
  return v.verified ? (
    <p className="chain-status" data-testid="chain-status">
      <StatusDot tone={statusTone('chain', 'verified')} label={`Chain verified through entry ${v.verified_through}`} />{' '}
      <span className="muted small">({v.entries} entries, SHA-256 linked)</span>
    </p>
  ) : (
    <div className="state state-error chain-status" role="alert" data-testid="chain-status">
      <strong className="state-title">Audit chain broken at entry {v.broken_at}</strong>
      <p className="state-message">{v.problem}</p>
      <p className="muted">Entries 1–{v.verified_through} verify. Report this to security: the log was changed outside the panel.</p>
    </div>
  );
}
