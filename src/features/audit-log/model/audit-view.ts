/** The audit log's filters, in the URL so a filtered log is a shareable link: `?town_id&admin&action&target&from&to`. */
export const AUDIT_FILTERS = ['town_id', 'admin', 'action', 'target', 'from', 'to'] as const;
export type AuditFilter = (typeof AUDIT_FILTERS)[number];

/** Absent filters are undefined (the API query leaves them out). */
export type AuditView = Partial<Record<AuditFilter, string>>;

export function parseAuditView(params: URLSearchParams): AuditView {
  const view: AuditView = {};
  for (const key of AUDIT_FILTERS) {
    const value = params.get(key);
    if (value !== null) view[key] = value;
  }
  return view;
}

export function writeAuditView(view: AuditView, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(base);
  for (const key of AUDIT_FILTERS) {
    const value = view[key];
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}

/** Every filter off. */
export const NO_AUDIT_FILTERS: Required<Record<AuditFilter, undefined>> = {
  town_id: undefined,
  admin: undefined,
  action: undefined,
  target: undefined,
  from: undefined,
  to: undefined,
};
