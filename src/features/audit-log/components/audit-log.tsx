import type { AuditRow } from '../../../api';
import { ErrorState, RefreshFailed } from '../../../components/error-state';
import { InvalidRows } from '../../../components/invalid-rows';
import { EmptyState, Loading } from '../../../components/states';
import { formatNumber } from '../../../lib/format';
import { useAuditEntries, useAuditVerify, useAuditVerifyAll, useRecoveryObservations, useRecoveryVerdictsAcross } from '../api/audit';
import { CSV_TYPE, download, JSON_TYPE } from '../../../lib/export';
import { toAuditCsv, toAuditJson } from '../model/export';
import { SavedViewsBar } from '../../saved-views';
import { AuditFilters, useAuditFilters } from './audit-filters';
import { AuditTable } from './audit-table';
import { AllChainsStatus, ChainStatus } from './chain-status';
import '../audit-log.css';

/**
 * The intervention log: for one town (its audit tab) or across towns (`/audit`). Filters live in the
 * URL; the chain verification shows for a town; entries export as JSON or CSV.
 */
export function AuditLog({ townId }: { townId?: string }) {
  const { filters } = useAuditFilters();
  const query = townId ? { ...filters, town_id: undefined } : filters;
  const entries = useAuditEntries(query, townId);
  const verifyTown = townId ?? filters.town_id;
  // One verification per town shown: the town's own, or every town's across /audit. The table marks the
  // entry where a chain breaks.
  const one = useAuditVerify(verifyTown ?? '');
  const every = useAuditVerifyAll(!verifyTown);
  const verifications = verifyTown ? (one.data ? [one.data] : []) : (every.data?.items ?? []);
  const brokenAt = new Map(verifications.flatMap((v) => (v.broken_at === null ? [] : [[v.town_id, v.broken_at] as const])));
  const rows: AuditRow[] = entries.data?.pages.flatMap((p) => p.items) ?? [];
  const observations = useRecoveryObservations(townId);
  // Across towns each shown town's verdicts are read beside its entries, so `/audit` says what the
  // town's own log says.
  const across = useRecoveryVerdictsAcross(townId ? [] : [...new Set(rows.map((r) => r.town_id))]);
  const verdicts = townId ? new Map((observations.data?.items ?? []).map((o) => [o.audit_id, o] as const)) : across;
  const total = entries.data?.pages[0]?.total ?? null;
  // An entry the panel cannot read is named where it belongs, never dropped from the log in silence.
  const unreadable = entries.data?.pages.flatMap((p) => p.invalid_rows ?? []) ?? [];
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const base = `gastown-audit-${townId ?? filters.town_id ?? 'all-towns'}-${stamp}`;
  return (
    <section className="panel audit-log" aria-label="Intervention log">
      {verifyTown ? <ChainStatus townId={verifyTown} /> : <AllChainsStatus verifications={every} />}
      <SavedViewsBar scope="audit" />
      <AuditFilters withTown={!townId} />
      <RefreshFailed query={entries} what="the intervention log" />
      {entries.isPending ? (
        <Loading label="Loading the intervention log" query={entries} />
      ) : entries.data === undefined ? (
        <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />
      ) : rows.length === 0 && unreadable.length === 0 ? (
        <EmptyState title={Object.values(query).some(Boolean) ? 'No intervention matches these filters' : 'No interventions recorded yet'}>
          Every admin action is recorded here with who, when, why and on what — it cannot be edited or deleted.
        </EmptyState>
      ) : (
        <>
          <div className="panel-head">
            <span className="muted">
              {formatNumber(rows.length)} of {total === null ? 'many' : formatNumber(total)} entries, newest first
            </span>
            <span className="spacer" />
            <button type="button" className="button button-small" onClick={() => download(`${base}.json`, toAuditJson(rows), JSON_TYPE)}>
              Export JSON
            </button>
            <button type="button" className="button button-small" onClick={() => download(`${base}.csv`, toAuditCsv(rows), CSV_TYPE)}>
              Export CSV
            </button>
          </div>
          <InvalidRows rows={unreadable} noun="audit row" />
          <AuditTable entries={rows} showTown={!townId} brokenAt={brokenAt} verdicts={verdicts} />
          {entries.hasNextPage ? (
            <button type="button" className="button" onClick={() => void entries.fetchNextPage()} disabled={entries.isFetchingNextPage}>
              {entries.isFetchingNextPage ? 'Loading older entries…' : 'Load older entries'}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}
