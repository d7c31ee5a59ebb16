import { BeadStatus, BeadType, isKnown, type BeadListItem } from '../../../api';

/** The State tab's columns, in display order; each is sortable. */
export const BEAD_COLUMNS = [
  'title',
  'status',
  'type',
  'priority',
  'assignee',
  'dispatch_attempts',
  'last_event_at',
  'updated_at',
] as const;
export type BeadColumn = (typeof BEAD_COLUMNS)[number];

export interface BeadSort {
  column: BeadColumn;
  desc: boolean;
}

/** Everything the State tab's URL carries: `?status=open,failed&type=issue&label=x&q=text&sort=-updated_at`. */
export interface BeadView {
  status: BeadStatus[];
  type: BeadType[];
  label: string;
  q: string;
  sort: BeadSort;
}

export const DEFAULT_BEAD_SORT: BeadSort = { column: 'updated_at', desc: true };

function parseList<T extends string>(raw: string | null, allowed: readonly T[]): T[] {
  if (!raw) return [];
  return raw.split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
}

function isColumn(v: string): v is BeadColumn {
  return (BEAD_COLUMNS as readonly string[]).includes(v);
}

/** Reads the view from the query string; unknown values are ignored rather than failing the page. */
export function parseBeadView(params: URLSearchParams): BeadView {
  const rawSort = params.get('sort') ?? '';
  const column = rawSort.replace(/^-/, '');
  return {
    status: parseList(params.get('status'), BeadStatus.options),
    type: parseList(params.get('type'), BeadType.options),
    label: params.get('label') ?? '',
    q: params.get('q') ?? '',
    sort: isColumn(column) ? { column, desc: rawSort.startsWith('-') } : DEFAULT_BEAD_SORT,
  };
}

/** Writes a view back into query params, leaving defaults out so links stay short. */
export function writeBeadView(view: BeadView, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(base);
  const set = (key: string, value: string) => (value ? next.set(key, value) : next.delete(key));
  set('status', view.status.join(','));
  set('type', view.type.join(','));
  set('label', view.label);
  set('q', view.q);
  const isDefault = view.sort.column === DEFAULT_BEAD_SORT.column && view.sort.desc === DEFAULT_BEAD_SORT.desc;
  set('sort', isDefault ? '' : `${view.sort.desc ? '-' : ''}${view.sort.column}`);
  return next;
}

const searchText = new WeakMap<BeadListItem, string>();
function textOf(b: BeadListItem): string {
  let t = searchText.get(b);
  if (t === undefined) {
    t = `${b.title}\n${b.id}\n${b.labels.join(' ')}\n${b.assignee_name ?? ''}`.toLowerCase();
    searchText.set(b, t);
  }
  return t;
}

/** Beads matching everything but the status filter: the set the per-status counts describe. */
export function filterBeadsExceptStatus(beads: readonly BeadListItem[], view: Pick<BeadView, 'type' | 'label' | 'q'>): BeadListItem[] {
  const q = view.q.trim().toLowerCase();
  const types = view.type.length ? new Set<string>(view.type) : null;
  if (!q && !types && !view.label) return beads as BeadListItem[];
  return beads.filter(
    (b) => (!types || types.has(b.type)) && (!view.label || b.labels.includes(view.label)) && (!q || textOf(b).includes(q)),
  );
}

export function filterByStatus(beads: readonly BeadListItem[], status: readonly BeadStatus[]): BeadListItem[] {
  if (!status.length) return beads as BeadListItem[];
  const wanted = new Set<string>(status);
  return beads.filter((b) => wanted.has(b.status));
}

export function countByStatus(beads: readonly BeadListItem[]): Record<BeadStatus, number> {
  const counts: Record<BeadStatus, number> = { open: 0, in_progress: 0, in_review: 0, closed: 0, failed: 0 };
  for (const b of beads) if (isKnown(BeadStatus, b.status)) counts[b.status]++;
  return counts;
}

/** Every label in use, alphabetically, for the label filter. */
export function collectLabels(beads: readonly BeadListItem[]): string[] {
  const labels = new Set<string>();
  for (const b of beads) for (const l of b.labels) labels.add(l);
  return [...labels].sort();
}

/** Merges pages, dropping duplicates a page boundary may produce while the town changes under the pager. */
export function mergeBeadPages(pages: readonly { items: readonly BeadListItem[] }[]): BeadListItem[] {
  const seen = new Set<string>();
  const out: BeadListItem[] = [];
  for (const page of pages) {
    for (const b of page.items) {
      if (seen.has(b.id)) continue;
      seen.add(b.id);
      out.push(b);
    }
  }
  return out;
}
