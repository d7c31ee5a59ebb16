import type { ReactNode } from 'react';
import { EmptyState } from '../../../components/states';

/**
 * The filters above a tab's table (agents, review queue, beads): a text box, the tab's own filters, a
 * "Clear filters" while any is set, the tab's bulk actions, and on the right how many rows are shown.
 * The text box's value is the typed text (the URL follows it debounced, see `useUrlText`).
 */
export function FilterToolbar({
  text,
  onText,
  placeholder,
  label,
  filtered,
  onClear,
  children,
  actions,
  count,
  countTestId,
}: {
  text: string;
  onText: (text: string) => void;
  placeholder: string;
  /** The text box's accessible name, e.g. "Filter agents by text". */
  label: string;
  filtered: boolean;
  onClear: () => void;
  /** The tab's own filters, between the text box and "Clear filters". */
  children?: ReactNode;
  /** Bulk actions and the selection, after "Clear filters". */
  actions?: ReactNode;
  /** "N of M …", announced politely as it changes. */
  count: ReactNode;
  countTestId?: string;
}) {
  return (
    <div className="toolbar">
      <input
        className="input toolbar-search"
        type="search"
        placeholder={placeholder}
        aria-label={label}
        value={text}
        onChange={(e) => onText(e.target.value)}
      />
      {children}
      {filtered ? (
        <button type="button" className="button button-small button-ghost" onClick={onClear}>
          Clear filters
        </button>
      ) : null}
      {actions}
      <span className="spacer" />
      <span className="muted small" role="status" aria-live="polite" data-testid={countTestId}>
        {count}
      </span>
    </div>
  );
}

/** One select of a filter toolbar: a visible caption, "all …" first, then the options. */
export function ToolbarSelect({
  caption,
  label,
  value,
  onChange,
  all,
  options,
}: {
  caption: string;
  /** The select's accessible name, e.g. "Filter by role". */
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The first option, meaning no filter: "all roles". */
  all: string;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <label className="toolbar-field">
      <span className="muted small">{caption}</span>
      <select className="input" aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Toggle chips, one per status, each with its count; pressing one adds it to the filter or takes it out. */
export function StatusChips<S extends string>({
  label,
  options,
  selected,
  onChange,
  count,
  text = (s) => s,
  toned = true,
}: {
  label: string;
  options: readonly S[];
  selected: readonly S[];
  onChange: (next: S[]) => void;
  count: (status: S) => ReactNode;
  text?: (status: S) => string;
  /** Colour each chip by its status (`chip-<status>`). */
  toned?: boolean;
}) {
  return (
    <div className="status-chips" role="group" aria-label={label}>
      {options.map((s) => (
        <button
          key={s}
          type="button"
          className={toned ? `chip chip-${s}` : 'chip'}
          aria-pressed={selected.includes(s)}
          onClick={() => onChange(selected.includes(s) ? selected.filter((x) => x !== s) : [...selected, s])}
        >
          {text(s)} <span className="chip-count">{count(s)}</span>
        </button>
      ))}
    </div>
  );
}

/** The rows ticked in a table: what to do with them, and a way to untick them all. */
export function SelectionBar({ testId, children, onClear }: { testId: string; children: ReactNode; onClear: () => void }) {
  return (
    <span className="selection-bar" role="status" data-testid={testId}>
      {children}
      <button type="button" className="button button-small button-ghost" onClick={onClear}>
        Clear selection
      </button>
    </span>
  );
}

/** What a table shows when its filters leave no row: says so, with the way back. */
export function NoMatch({ what, onClear }: { what: string; onClear: () => void }) {
  return (
    <EmptyState title={`No ${what} matches these filters`}>
      <button type="button" className="button button-small" onClick={onClear}>
        Clear filters
      </button>
    </EmptyState>
  );
}
