import { StatusDot } from '../../../components/badge';
import { BoundedText } from '../../../components/bounded-text';
import { ErrorState, RefreshFailed } from '../../../components/error-state';
import { InvalidRows } from '../../../components/invalid-rows';
import { Loading } from '../../../components/states';
import { statusTone } from '../../../components/status';
import { Link } from 'react-router';
import type { AuditVerification } from '../../../api';
import { paths } from '../../../lib/paths';
import { useAuditVerify, type useAuditVerifyAll } from '../api/audit';

/** Whether the town's hash chain verifies, and through which entry (or where it breaks). */
export function ChainStatus({ townId }: { townId: string }) {
  const verify = useAuditVerify(townId);
  if (verify.isPending) return <Loading label="Verifying the audit hash chain" query={verify} />;
  if (verify.isError && verify.data === undefined)
    return <ErrorState error={verify.error} what="the chain verification" onRetry={() => void verify.refetch()} />;
  // A re-verification that fails says so above the last verdict, which is kept and said to be the earlier one.
  return (
    <>
      <RefreshFailed query={verify} what="the chain verification" />
      <TownVerdict v={verify.data} />
    </>
  );
}

function TownVerdict({ v }: { v: AuditVerification }) {
  if (v.entries === 0) return <p className="muted chain-status">No interventions recorded for this town yet; the chain is empty.</p>;
  return v.verified ? (
    <p className="chain-status" data-testid="chain-status">
      <StatusDot tone={statusTone('chain', 'verified')} label={`Chain verified through entry ${v.verified_through}`} />{' '}
      <span className="muted small">({v.entries} entries, SHA-256 linked)</span>
    </p>
  ) : (
    <div className="state state-error chain-status" role="alert" data-testid="chain-status">
      <strong className="state-title">{brokenTitle(v)}</strong>
      <p className="state-message">{v.problem === null ? null : <BoundedText text={v.problem} size="block" label="problem" />}</p>
      <p className="muted">
        {v.verified_through > 0 ? `Entries 1–${v.verified_through} verify. ` : ''}Report this to security: the log was changed outside the
        panel.
      </p>
    </div>
  );
}

function brokenTitle(v: AuditVerification): string {
  if (v.broken_at === null) return 'Audit chain cannot be confirmed';
  const head = v.anchor?.seq ?? 0;
  // The log ends before its signed head: say which entries are gone, not that one is "broken".
  if (v.broken_at > v.entries && head >= v.broken_at)
    return head > v.broken_at ? `Entries ${v.broken_at}–${head} are missing` : `Entry ${v.broken_at} is missing`;
  return `Audit chain broken at entry ${v.broken_at}`;
}

/**
 * `/audit` across towns: every town's chain verified against its signed head, and each town whose chain
 * breaks named with where and why (the table marks the entry itself).
 */
export function AllChainsStatus({ verifications }: { verifications: ReturnType<typeof useAuditVerifyAll> }) {
  if (verifications.isPending) return <Loading label="Verifying every town's audit hash chain" query={verifications} />;
  if (verifications.isError && verifications.data === undefined)
    return <ErrorState error={verifications.error} what="the chain verification" onRetry={() => void verifications.refetch()} />;
  return (
    <>
      <RefreshFailed query={verifications} what="the chain verification" />
      <AllVerdicts items={verifications.data.items} />
      {/* A town whose verdict cannot be read is named: silence there would read as "verified". */}
      <InvalidRows rows={verifications.data.invalid_rows} noun="town verification" />
    </>
  );
}

function AllVerdicts({ items }: { items: AuditVerification[] }) {
  const broken = items.filter((v) => !v.verified);
  const entries = items.reduce((sum, v) => sum + v.entries, 0);
  if (broken.length === 0)
    return (
      <p className="chain-status" data-testid="chain-status">
        <StatusDot tone={statusTone('chain', 'verified')} label={`Chains verified across ${items.length} towns`} />{' '}
        <span className="muted small">({entries} entries, each town's log checked against its signed head)</span>
      </p>
    );
  return (
    <div className="state state-error chain-status" role="alert" data-testid="chain-status">
      <strong className="state-title">
        {broken.length === 1 ? 'One town’s audit chain is broken' : `${broken.length} towns’ audit chains are broken`}
      </strong>
      <ul className="chain-problems">
        {broken.map((v) => (
          <li key={v.town_id}>
            <Link className="mono small" to={paths.town.getHref(v.town_id, 'audit')} title={v.town_id}>
              town {v.town_id.slice(0, 8)}
            </Link>
            :{' '}
            {brokenTitle(v)
              .toLowerCase()
              .replace(/^audit chain /, '')}{' '}
            — {v.problem === null ? null : <BoundedText text={v.problem} label="problem" />}
          </li>
        ))}
      </ul>
      <p className="muted">
        The other {items.length - broken.length} towns verify. Report this to security: a log was changed outside the panel.
      </p>
    </div>
  );
}
