import type { SqlPort } from '../ports';
import type { BeadListItem, BeadPage, BeadStatus, BeadType } from '../../src/api/schemas';
import { all, containsMatch, num, startsWithMatch, strOrNull, type Row } from '../db/sql';
import { encodeCursor } from '../http/params';
import { toBead } from './rows';

export interface BeadListParams {
  status?: BeadStatus[] | undefined;
  type?: BeadType[] | undefined;
  label?: string | undefined;
  q?: string | undefined;
  sort: { column: BeadSortColumn; descending: boolean };
  /** Decoded keyset cursor: the last row's sort value and id. */
  after?: [string | number, string] | undefined;
  limit: number;
}

/** Sortable columns and their SQL; ranks make priority and status sort by meaning, not by name. */
export const BEAD_SORTS = {
  created_at: 'b.created_at',
  updated_at: 'b.updated_at',
  priority: 'b.priority_rank',
  status: 'b.status_rank',
  title: 'b.title',
  type: 'b.type',
  dispatch_attempts: 'b.dispatch_attempts',
  last_event_at: `coalesce(b.last_event_at, '')`,
} as const;
export type BeadSortColumn = keyof typeof BEAD_SORTS;

const STATUSES: BeadStatus[] = ['open', 'in_progress', 'in_review', 'closed', 'failed'];
const COLUMNS = `b.id, b.type, b.status, b.title, '' AS body, b.rig_id, b.parent_bead_id, b.assignee_agent_bead_id,
  b.priority, b.labels, b.metadata, b.dispatch_attempts, b.last_dispatch_attempt_at, b.created_by, b.created_at,
  b.updated_at, b.closed_at, b.version, b.last_event_at`;

/**
 * One page of the beads table by keyset (sort value, id): each page is an index range scan, so the
 * 10,000th row costs what the first does. `counts` ignore the status filter so the status chips can
 * show what each choice would give.
 */
export function listBeads(sql: SqlPort, params: BeadListParams): BeadPage {
  const { where, bindings } = beadFilterWhere(params);
  // With a text to match, every row's title is read anyway: a plain table scan. Left to itself the planner
  // groups along the status index and looks each row up from there, 3–4 times slower (12 against 3 ms over
  // the 10k-bead town; the command palette's bead search waits for it, bench palette).
  const countRows = all(
    sql,
    `SELECT b.status, count(*) AS n FROM beads b${params.q ? ' NOT INDEXED' : ''} ${whereClause(where)} GROUP BY b.status`,
    ...bindings,
  );
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<BeadStatus, number>;
  for (const row of countRows) counts[row.status as BeadStatus] = num(row.n);
  const selected = params.status?.length ? params.status : STATUSES;
  const total = selected.reduce((sum, s) => sum + counts[s], 0);

  const pageWhere = [...where];
  const pageBindings = [...bindings];
  if (params.status?.length) {
    pageWhere.push('b.status IN (SELECT value FROM json_each(?))');
    pageBindings.push(JSON.stringify(params.status));
  }
  const expr = BEAD_SORTS[params.sort.column];
  const dir = params.sort.descending ? 'DESC' : 'ASC';
  if (params.after) {
    pageWhere.push(`(${expr}, b.id) ${params.sort.descending ? '<' : '>'} (?, ?)`);
    pageBindings.push(params.after[0], params.after[1]);
  }
  const rows = all(
    sql,
    `SELECT ${COLUMNS}, ${expr} AS sort_value, a.name AS assignee_name
     FROM beads b LEFT JOIN agents a ON a.id = b.assignee_agent_bead_id
     ${whereClause(pageWhere)} ORDER BY ${expr} ${dir}, b.id ${dir} LIMIT ?`,
    ...pageBindings,
    params.limit + 1,
  );
  const more = rows.length > params.limit;
  const pageRows = rows.slice(0, params.limit);
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(toListItem),
    next_cursor: more && last ? encodeCursor([last.sort_value as string | number, String(last.id)]) : null,
    total,
    counts,
  };
}

function toListItem(row: Row): BeadListItem {
  const { body: _body, ...bead } = toBead(row);
  return { ...bead, assignee_name: strOrNull(row.assignee_name), last_event_at: strOrNull(row.last_event_at) };
}

/**
 * The type, label and text conditions of the beads table (not status: the chips' counts ignore it),
 * over `beads b`. Bulk actions resolve "all matching this filter" with the same conditions.
 */
export function beadFilterWhere(params: Pick<BeadListParams, 'type' | 'label' | 'q'>): { where: string[]; bindings: unknown[] } {
  const where: string[] = [];
  const bindings: unknown[] = [];
  if (params.type?.length) {
    where.push('b.type IN (SELECT value FROM json_each(?))');
    bindings.push(JSON.stringify(params.type));
  }
  if (params.label) {
    where.push('EXISTS (SELECT 1 FROM bead_labels l WHERE l.label = ? AND l.bead_id = b.id)');
    bindings.push(params.label);
  }
  if (params.q) {
    // A title anywhere, or an id by its start: tables show the first 8 characters, and that finds it.
    const title = containsMatch('b.title', params.q);
    const id = startsWithMatch('b.id', params.q.toLowerCase());
    where.push(`(${title.sql} OR ${id.sql})`);
    bindings.push(title.value, id.value);
  }
  return { where, bindings };
}

export const whereClause = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');
