import type { SqlPort } from '../ports';
import { first } from '../db/sql';

/** The paging and time bounds of an event query (all optional). */
export interface EventWindow {
  after?: number | undefined;
  before?: number | undefined;
  since?: string | undefined;
  until?: string | undefined;
}

export interface IdRange {
  low: number;
  high: number;
  descending: boolean;
  empty: boolean;
}

/**
 * Turns cursors and time bounds into one inclusive id range. Events are appended in time order, so
 * a time bound maps to an id by binary search over the primary key (~20 point reads) instead of a
 * scan or a second index over a million rows.
 */
export function idRange(sql: SqlPort, window: EventWindow, lastId: number): IdRange {
  let low = window.after !== undefined ? window.after + 1 : 1;
  let high = window.before !== undefined ? window.before - 1 : lastId;
  if (window.since) low = Math.max(low, firstIdAtOrAfter(sql, Date.parse(window.since), lastId));
  if (window.until) high = Math.min(high, firstIdAtOrAfter(sql, Date.parse(window.until) + 1, lastId) - 1);
  // Only `after` reads forward; `before` or no cursor at all reads newest first.
  const descending = window.after === undefined;
  return { low, high, descending, empty: low > high };
}

/** The smallest id whose time is ≥ ms (lastId + 1 when none is). */
function firstIdAtOrAfter(sql: SqlPort, ms: number, lastId: number): number {
  let lo = 1;
  let hi = lastId + 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const row = first(sql, 'SELECT created_ms FROM agent_events WHERE id >= ? ORDER BY id LIMIT 1', mid);
    if (row && Number(row.created_ms) >= ms) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
