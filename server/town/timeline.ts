import type { SqlPort } from '../ports';
import type { TimelineEvent, TimelineKind, TimelinePage } from '../../src/api/schemas';
import { all, containsMatch, scalar, str } from '../db/sql';
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
  /** Text the row's type, summary or details contain (case-insensitive). */
  q?: string | undefined;
}

/**
 * Newest-first merge of every source, in two passes. First each source names its newest `limit + 1`
 * rows below the cursor by key alone (time and id, an index range on its time column, no joins), and
 * the merge picks the newest `limit` keys; then each source reads in full only the rows it contributes.
 * The Events tab's page is 1,000 rows of 7 sources: a busy town's beads, dispatches and containers each
 * have 1,000 candidates, and reading and converting all of them (the joins, the JSON columns) to keep a
 * third was most of the read's time (bench `load`). Memory stays bounded by 7 × limit keys.
 */
export function getTimeline(sql: SqlPort, params: TimelineParams): TimelinePage {
  const sources = TIMELINE_SOURCES.filter((s) => !params.kinds || params.kinds.includes(s.kind));
  const keys: { at: string; id: string; source: number }[] = [];
  const queries: { source: TimelineSource; where: string; bindings: unknown[] }[] = [];
  let total = 0;
  for (const source of sources) {
    const filter = filters(source, params);
    if (!filter) continue;
    // The text filter reads the display names (a bead's title, an agent's name), which only `from` joins.
    const bare = params.q ? source.from : (source.bare ?? source.from);
    total += scalar(sql, `SELECT count(*) FROM (${bare}) WHERE 1 ${filter.sql}`, ...filter.bindings);
    const cursor = params.before
      ? { sql: ` AND (at, '${source.kind}:' || source_id) < (?, ?)`, bindings: [params.before[0], params.before[1]] }
      : { sql: '', bindings: [] };
    const where = `WHERE 1 ${filter.sql}${cursor.sql} ORDER BY at DESC, source_id DESC LIMIT ?`;
    const bindings = [...filter.bindings, ...cursor.bindings];
    const index = queries.push({ source, where, bindings }) - 1;
    const found = sql.exec(`SELECT at, source_id FROM (${bare}) ${where}`, ...bindings, params.limit + 1).raw();
    for (const [at, id] of found) keys.push({ at: str(at), id: `${source.kind}:${str(id)}`, source: index });
  }
  keys.sort((a, b) => newestFirst(a, b));
  const kept = keys.slice(0, params.limit);
  const taken = queries.map((_, i) => kept.filter((k) => k.source === i).length);
  const items: TimelineEvent[] = [];
  queries.forEach(({ source, where, bindings }, i) => {
    // A source's share of the page is its newest rows in the same order: the same query, fewer rows.
    if (taken[i] === 0) return;
    for (const row of all(sql, `SELECT * FROM (${source.from}) ${where}`, ...bindings, taken[i])) {
      items.push({ id: `${source.kind}:${str(row.source_id)}`, kind: source.kind, at: str(row.at), ...source.toEvent(row) });
    }
  });
  items.sort(newestFirst);
  const last = items.at(-1);
  return {
    items,
    next_cursor: keys.length > params.limit && last ? encodeCursor([last.at, last.id]) : null,
    total,
  };
}

/** Newest first; ties by id, descending (the cursor's order). */
function newestFirst(a: { at: string; id: string }, b: { at: string; id: string }): number {
  return a.at === b.at ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.at < b.at ? 1 : -1;
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
  if (params.q) {
    const match = containsMatch(`(${source.text})`, params.q);
    sql += ` AND ${match.sql}`;
    bindings.push(match.value);
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
