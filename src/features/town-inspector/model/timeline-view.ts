import { TimelineKind, type TimelineEvent, type TimelineQuery } from '../../../api';
import { toCsv, toJson } from '../../../lib/export';

/** The Events tab's URL: `?q=<text>&kind=dispatch,git&entity=<bead or agent id>&from=<iso>&to=<iso>&event=<row id>`. */
export interface TimelineView {
  /** Text the rows contain (the server filters). */
  q: string;
  kind: TimelineKind[];
  entity: string;
  from: string;
  to: string;
  /** The selected row, shown in the details panel. */
  event: string;
}

export const TIMELINE_KINDS = TimelineKind.options;

const isIso = (v: string | null): v is string => Boolean(v) && !Number.isNaN(Date.parse(v!));

export function parseTimelineView(params: URLSearchParams): TimelineView {
  const kinds = (params.get('kind') ?? '').split(',').filter((k): k is TimelineKind => (TIMELINE_KINDS as readonly string[]).includes(k));
  const from = params.get('from');
  const to = params.get('to');
  return {
    q: params.get('q') ?? '',
    kind: kinds,
    entity: params.get('entity') ?? '',
    from: isIso(from) ? from : '',
    to: isIso(to) ? to : '',
    event: params.get('event') ?? '',
  };
}

export function writeTimelineView(view: TimelineView, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(base);
  const set = (key: string, value: string) => (value ? next.set(key, value) : next.delete(key));
  set('q', view.q);
  set('kind', view.kind.join(','));
  set('entity', view.entity);
  set('from', view.from);
  set('to', view.to);
  set('event', view.event);
  return next;
}

/** The API query for a view (the server filters; the client pages with "load older"). */
export function toTimelineQuery(view: TimelineView, limit: number): TimelineQuery {
  return {
    limit,
    ...(view.q.trim() ? { q: view.q.trim() } : {}),
    ...(view.kind.length ? { kind: view.kind } : {}),
    ...(view.entity ? { entity: view.entity } : {}),
    ...(view.from ? { from: view.from } : {}),
    ...(view.to ? { to: view.to } : {}),
  };
}

/** Quick ranges: the chosen window is written as absolute times so a shared link shows the same rows. */
export const RANGE_PRESETS = [
  { id: '1h', label: '1 h', ms: 3600_000 },
  { id: '6h', label: '6 h', ms: 6 * 3600_000 },
  { id: '24h', label: '24 h', ms: 24 * 3600_000 },
  { id: '7d', label: '7 d', ms: 7 * 24 * 3600_000 },
] as const;

const CSV_COLUMNS = ['at', 'kind', 'type', 'severity', 'bead_id', 'agent_id', 'summary', 'id', 'details'] as const;

export function toTimelineCsv(rows: readonly TimelineEvent[]): string {
  return toCsv(CSV_COLUMNS, rows, (r, c) => r[c]);
}

export function toTimelineJson(
  rows: readonly TimelineEvent[],
  meta: { town_id: string; filter: TimelineView; exported_at: string },
): string {
  return toJson({ ...meta, count: rows.length, items: rows });
}

/** `gastown-<town8>-timeline-<filter>-<date>.csv` */
export function exportFileName(townId: string, view: TimelineView, ext: 'csv' | 'json', now: Date): string {
  const parts = [`gastown-${townId.slice(0, 8)}-timeline`];
  if (view.kind.length) parts.push(view.kind.join('+'));
  if (view.q.trim())
    parts.push(
      view.q
        .trim()
        .replace(/[^\w-]+/g, '_')
        .slice(0, 24),
    );
  if (view.entity) parts.push(view.entity.slice(0, 8));
  parts.push(now.toISOString().slice(0, 19).replace(/[:T]/g, '-'));
  return `${parts.join('-')}.${ext}`;
}
