import type { ActionChange } from '../../../api';

/** JSON with object keys sorted and undefined members dropped, so equal values compare equal. */
export function canonical(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

export const sameValue = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** A value as the dialog prints it: text as is, nothing as ∅, lists comma-separated, the rest as JSON. */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return '∅';
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.length ? v.join(', ') : '∅';
  return JSON.stringify(v);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface ChangeRow {
  entity: string;
  /** e.g. `status`, or `role_models.polecat` for one key of an object-valued field. */
  field: string;
  from: unknown;
  to: unknown;
}

/**
 * One row per changed value: an object-valued change (`role_models`, `refinery`) lists only the keys
 * that differ, so "polecat model: ∅ → haiku" is not buried in two JSON blobs.
 */
export function toChangeRows(changes: ActionChange[]): ChangeRow[] {
  return changes.flatMap((c) => {
    if (!isRecord(c.from) && !isRecord(c.to)) return [{ entity: c.entity.label, field: c.field, from: c.from, to: c.to }];
    const from = isRecord(c.from) ? c.from : {};
    const to = isRecord(c.to) ? c.to : {};
    const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
    return keys
      .filter((k) => !sameValue(from[k], to[k]))
      .map((k) => ({ entity: c.entity.label, field: `${c.field}.${k}`, from: from[k], to: to[k] }));
  });
}

/** The value at a dotted path (`role_models.polecat`) of an object. */
export function valueAt(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (isRecord(v) ? v[key] : undefined), obj);
}
