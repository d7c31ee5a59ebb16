import { ActionName } from '../../../api';
import { useSearchState } from '../../../components/use-search-state';
import { AUDIT_FILTERS, NO_AUDIT_FILTERS, parseAuditView, writeAuditView, type AuditFilter } from '../model/audit-view';

/** The audit filters, read from and written to the URL (so a filtered log is a shareable link). */
export function useAuditFilters() {
  const [filters, update] = useSearchState(parseAuditView, writeAuditView);
  const set = (key: AuditFilter, value: string) => update({ [key]: value });
  return { filters, set, clear: () => update(NO_AUDIT_FILTERS) };
}

const toLocal = (iso: string | undefined) => (iso ? iso.slice(0, 16) : '');
const fromLocal = (local: string) => (local ? new Date(`${local}:00.000Z`).toISOString() : '');

export function AuditFilters({ withTown }: { withTown: boolean }) {
  const { filters, set, clear } = useAuditFilters();
  const active = AUDIT_FILTERS.some((k) => filters[k] && (withTown || k !== 'town_id'));
  return (
    <div className="audit-filters" role="search" aria-label="Filter the intervention log">
      {withTown ? (
        <label className="field">
          <span className="label">Town id</span>
          <input
            className="input mono"
            value={filters.town_id ?? ''}
            onChange={(e) => set('town_id', e.target.value.trim())}
            placeholder="any town"
          />
        </label>
      ) : null}
      <label className="field">
        <span className="label">Admin</span>
        <input
          className="input"
          value={filters.admin ?? ''}
          onChange={(e) => set('admin', e.target.value.trim())}
          placeholder="email or id"
        />
      </label>
      <label className="field">
        <span className="label">Action</span>
        <select className="input" value={filters.action ?? ''} onChange={(e) => set('action', e.target.value)}>
          <option value="">any action</option>
          {ActionName.options.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="label">Target</span>
        <input
          className="input mono"
          value={filters.target ?? ''}
          onChange={(e) => set('target', e.target.value.trim())}
          placeholder="id or kind"
        />
      </label>
      <label className="field">
        <span className="label">From (UTC)</span>
        <input
          className="input"
          type="datetime-local"
          value={toLocal(filters.from)}
          onChange={(e) => set('from', fromLocal(e.target.value))}
        />
      </label>
      <label className="field">
        <span className="label">To (UTC)</span>
        <input className="input" type="datetime-local" value={toLocal(filters.to)} onChange={(e) => set('to', fromLocal(e.target.value))} />
      </label>
      {active ? (
        <button type="button" className="button button-small audit-clear" onClick={clear}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
