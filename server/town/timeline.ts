import type { SqlPort } from '../ports';
import type { TimelineEvent, TimelineKind, TimelinePage } from '../../src/api/schemas';
import { all, scalar, str } from '../db/sql';
import { encodeCursor } from '../http/params';
import { TIMELINE_SOURCES, type TimelineSource } from './timeline-sources';

export interface TimelineParams {
  /** Decoded cursor: the last row's time and its `<kind>:<source id>`. */
  before?: [string, string] | undefined;
  limit: number;
  kinds?: TimelineKind[] | undefined;
  entity?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * Newest-first merge of every source. Each source returns at most `limit + 1` rows below the cursor
 * (an index range on its time column), the merge keeps the newest `limit`: memory is bounded by
 * 7 × limit whatever the town's size.
 */
export function getTimeline(sql: SqlPort, params: TimelineParams): TimelinePage {
  const sources = TIMELINE_SOURCES.filter((s) => !params.kinds || params.kinds.includes(s.kind));
  const rows: TimelineEvent[] = [];
  let total = 0;
  for (const source of sources) {
    const filter = filters(source, params);
    if (!filter) continue;
    total += scalar(sql, `SELECT count(*) FROM (${source.from}) WHERE 1 ${filter.sql}`, ...filter.bindings);
    const cursor = params.before
      ? { sql: ` AND (at, '${source.kind}:' || source_id) < (?, ?)`, bindings: [params.before[0], params.before[1]] }
      : { sql: '', bindings: [] };
    const found = all(
      sql,
      `SELECT * FROM (${source.from}) WHERE 1 ${filter.sql}${cursor.sql} ORDER BY at DESC, source_id DESC LIMIT ?`,
      ...filter.bindings,
      ...cursor.bindings,
      params.limit + 1,
    );
    for (const row of found) {
      rows.push({ id: `${source.kind}:${str(row.source_id)}`, kind: source.kind, at: str(row.at), ...source.toEvent(row) });
    }
  }
  rows.sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.at < b.at ? 1 : -1));
  const items = rows.slice(0, params.limit);
  const last = items.at(-1);
  return {
    items,
    next_cursor: rows.length > params.limit && last ? encodeCursor([last.at, last.id]) : null,
    total,
  };
}

/** Filters over the source's columns; null when the source cannot match (an entity filter on a table without one). */
function filters(source: TimelineSource, params: TimelineParams): { sql: string; bindings: unknown[] } | null {
  let sql = '';
  const bindings: unknown[] = [];
  if (params.entity) {
    if (!source.entity) return null;
    sql += ` AND ${source.entity}`;
    bindings.push(params.entity, params.entity);
  }
  if (params.from) {
    sql += ' AND at >= ?';
    bindings.push(params.from);
  }
  if (params.to) {
    sql += ' AND at <= ?';
    bindings.push(params.to);
  }
  return { sql, bindings };
}
