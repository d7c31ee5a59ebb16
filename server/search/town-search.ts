import { SEARCH_TOWN_LIMIT, type Feed, type SearchHit, type SearchKind, type TimelineKind } from '../../src/api/schemas';
import { all, asciiLower, scalar, str, strOrNull, type Row } from '../db/sql';
import type { SqlPort } from '../ports';
import { firstMatch } from './excerpt';

/** One kind's matches in the town's own tables: the newest `SEARCH_TOWN_LIMIT` and how many there are. */
export interface TownSearchGroup {
  kind: SearchKind;
  items: SearchHit[];
  total: number;
}

/**
 * One kind of town row the search reads: a FROM … WHERE over `?1` (the LIKE pattern, `ESCAPE '\'`), its
 * newest-first order, and how a row reads as a hit (the fields tried for the excerpt, in order).
 */
interface TownSource {
  kind: SearchKind;
  /** The feed the rows come from (a deployment that does not record it searches none of them). */
  feed: Feed | null;
  from: string;
  order: string;
  toHit(row: Row, q: string): SearchHit | null;
}

// instr() over the lowercased column rather than LIKE: the SQL of each source is fixed, and a pasted
// error line is longer than the 50 bytes Durable Objects' SQLite allows a LIKE pattern. Same folding.
const LIKE = (column: string) => `instr(lower(${column}), ?1) > 0`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An id column as the contract's `Id | null` (a malformed id in stored metadata links nowhere). */
const idOrNull = (value: Row[string] | undefined) => (typeof value === 'string' && UUID.test(value) ? value : null);

function hit(kind: SearchKind, row: Row, q: string, title: string, fields: [string, string | null][], extra: Partial<SearchHit> = {}) {
  const match = firstMatch(fields, q);
  if (!match) return null;
  return {
    kind,
    id: str(row.id),
    title,
    field: match.field,
    excerpt: match.excerpt,
    at: strOrNull(row.at),
    bead_id: idOrNull(row.bead_id),
    agent_id: idOrNull(row.agent_id),
    event_id: null,
    timeline_kind: null,
    ...extra,
  } satisfies SearchHit;
}

const SOURCES: TownSource[] = [
  {
    kind: 'bead',
    feed: null,
    from: `(SELECT id, title, body, updated_at AS at, id AS bead_id, NULL AS agent_id FROM beads
            WHERE ${LIKE('title')} OR ${LIKE('body')} OR ${LIKE('id')})`,
    order: 'at DESC, id',
    toHit: (r, q) =>
      hit('bead', r, q, str(r.title), [
        ['title', strOrNull(r.title)],
        ['body', strOrNull(r.body)],
        ['id', strOrNull(r.id)],
      ]),
  },
  {
    kind: 'agent',
    feed: null,
    from: `(SELECT id, name, identity, role, last_activity_at AS at, id AS agent_id, NULL AS bead_id FROM agents
            WHERE ${LIKE('name')} OR ${LIKE('identity')} OR ${LIKE('id')})`,
    order: 'at DESC, id',
    toHit: (r, q) =>
      hit('agent', r, q, `${str(r.name)} (${str(r.role)})`, [
        ['name', strOrNull(r.name)],
        ['identity', strOrNull(r.identity)],
        ['id', strOrNull(r.id)],
      ]),
  },
  {
    kind: 'dispatch',
    feed: 'dispatch_attempts',
    from: `(SELECT d.id, d.bead_id, d.agent_id, d.attempt_number, d.outcome, d.error_message, d.container_response,
                   d.created_at AS at, b.title AS bead_title
            FROM dispatch_attempts d LEFT JOIN beads b ON b.id = d.bead_id
            WHERE ${LIKE('d.error_message')} OR ${LIKE('d.container_response')})`,
    order: 'at DESC, id',
    toHit: (r, q) =>
      hit('dispatch', r, q, `Dispatch attempt ${str(r.attempt_number)} ${str(r.outcome)} · ${str(r.bead_title) || 'unknown bead'}`, [
        ['error', strOrNull(r.error_message)],
        ['container response', strOrNull(r.container_response)],
      ]),
  },
  {
    kind: 'git',
    feed: 'git_operations',
    from: `(SELECT id, bead_id, agent_id, operation, outcome, command, stderr_excerpt, created_at AS at FROM git_operations
            WHERE ${LIKE('stderr_excerpt')} OR ${LIKE('command')})`,
    order: 'at DESC, id',
    toHit: (r, q) =>
      hit('git', r, q, `git ${str(r.operation)} ${str(r.outcome)}`, [
        ['stderr', strOrNull(r.stderr_excerpt)],
        ['command', strOrNull(r.command)],
      ]),
  },
  {
    kind: 'credential',
    feed: 'credential_events',
    from: `(SELECT e.id, e.kind, e.outcome, e.error, e.created_at AS at, c.rig_name, NULL AS bead_id, NULL AS agent_id
            FROM credential_events e LEFT JOIN credentials c ON c.rig_id = e.rig_id
            WHERE ${LIKE('e.error')})`,
    order: 'at DESC, id',
    toHit: (r, q) =>
      hit('credential', r, q, `Credential ${str(r.kind)} ${str(r.outcome)} · rig ${str(r.rig_name) || 'unknown'}`, [
        ['error', strOrNull(r.error)],
      ]),
  },
];

/**
 * The timeline's other sources, each a SELECT of the same columns (dispatch, git and credential rows have
 * their own kinds above). The id is the timeline row's own (`<kind>:<source id>`, server/town/timeline.ts),
 * so the Events tab selects it.
 */
const TIMELINE_PARTS: { feed: Feed | null; select: string }[] = [
  {
    feed: 'bead_events',
    select: `SELECT 'bead:' || t.id AS id, 'bead' AS tk, t.created_at AS at, t.bead_id, t.agent_id,
                    t.event_type AS what, t.old_value AS a, t.new_value AS b, t.metadata AS c
             FROM bead_events t WHERE ${LIKE('t.old_value')} OR ${LIKE('t.new_value')} OR ${LIKE('t.metadata')}`,
  },
  {
    feed: null,
    select: `SELECT 'agent:' || printf('%010d', h.id), 'agent', h.at, NULL, h.agent_id, 'status ' || h.status, h.reason, NULL, NULL
             FROM agent_status_history h WHERE ${LIKE('h.reason')}`,
  },
  {
    feed: 'container_events',
    select: `SELECT 'container:' || e.id, 'container', e.created_at, NULL, json_extract(e.metadata, '$.agent_id'),
                    'container ' || e.event_type, e.reason, e.message, e.metadata
             FROM container_events e WHERE ${LIKE('e.reason')} OR ${LIKE('e.message')} OR ${LIKE('e.metadata')}`,
  },
  {
    feed: 'admin_audit_log',
    select: `SELECT 'admin:' || printf('%010d', l.seq), 'admin', l.at, NULL, NULL, l.action, l.reason, l.error, NULL
             FROM admin_audit_log l WHERE ${LIKE('l.reason')} OR ${LIKE('l.error')}`,
  },
];

function timelineSource(recorded: (feed: Feed | null) => boolean): TownSource | null {
  const parts = TIMELINE_PARTS.filter((p) => recorded(p.feed));
  if (parts.length === 0) return null;
  return {
    kind: 'timeline',
    feed: null,
    from: `(${parts.map((p) => p.select).join(' UNION ALL ')})`,
    order: 'at DESC, id DESC',
    toHit: (r, q) =>
      hit(
        'timeline',
        r,
        q,
        str(r.what),
        [
          ['value', strOrNull(r.a)],
          ['detail', strOrNull(r.b)],
          ['metadata', strOrNull(r.c)],
        ],
        { timeline_kind: str(r.tk) as TimelineKind },
      ),
  };
}

/**
 * Every kind of town row that contains `q` (case-insensitive substring): bead titles and bodies, agent
 * names and identities, dispatch errors, git stderr, credential errors, the timeline. Kinds without a
 * match are left out, and so are feeds the deployment does not record (`unrecorded`, as its own routes
 * hide them). A LIKE scan per kind: the town's tables are thousands of rows, not millions.
 */
export function searchTownRows(sql: SqlPort, q: string, unrecorded: readonly Feed[] = []): TownSearchGroup[] {
  const pattern = asciiLower(q);
  const recorded = (feed: Feed | null) => feed === null || !unrecorded.includes(feed);
  const timeline = timelineSource(recorded);
  const sources = [...SOURCES.filter((s) => recorded(s.feed)), ...(timeline ? [timeline] : [])];
  const groups: TownSearchGroup[] = [];
  for (const source of sources) {
    const total = scalar(sql, `SELECT count(*) FROM ${source.from}`, pattern);
    if (total === 0) continue;
    const rows = all(sql, `SELECT * FROM ${source.from} ORDER BY ${source.order} LIMIT ?2`, pattern, SEARCH_TOWN_LIMIT);
    const items = rows.map((row) => source.toHit(row, q)).filter((h): h is SearchHit => h !== null);
    groups.push({ kind: source.kind, items, total });
  }
  return groups;
}
