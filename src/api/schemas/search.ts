import { z } from 'zod';
import { Id, Timestamp } from './common';
import { TimelineKind } from './timeline';

/**
 * Town-wide search (issue 15): "where does this string appear in this town". One request,
 * `GET /towns/:townId/search?q=`, answered as NDJSON — one `SearchLine` per line, written as the TownDO
 * and then each AgentDO answer, so the first results show while the agents' streams are still being read.
 */

/** Shortest and longest text searched for. */
export const SEARCH_MIN_CHARS = 2;
export const SEARCH_MAX_CHARS = 200;
/** Rows shown per kind of town row (the total beside says how many more there are). */
export const SEARCH_TOWN_LIMIT = 10;
/** SDK events shown per agent; each agent's total is counted up to SEARCH_COUNT_CAP. */
export const SEARCH_AGENT_LIMIT = 3;
export const SEARCH_COUNT_CAP = 1000;

/** Where a match was found: the town's own tables, then every agent's SDK event stream. */
export const SearchKind = z.enum(['bead', 'agent', 'dispatch', 'git', 'credential', 'timeline', 'sdk_event']);
export type SearchKind = z.infer<typeof SearchKind>;

/** One matching row or event, with what the UI needs to link to exactly it. */
export const SearchHit = z.object({
  kind: SearchKind,
  /** The row's id in its table; an SDK event's id as text; a timeline row's `<kind>:<source id>`. */
  id: z.string().min(1),
  /** What the row is, in a few words ("Fix login redirect", "dispatch attempt 3 failed"). */
  title: z.string(),
  /** Which field matched ("title", "body", "error", "stderr", "reason", "data"). */
  field: z.string(),
  /** The matched field around the first match, on one line (untrusted text: render as text). */
  excerpt: z.string(),
  at: Timestamp.nullable(),
  bead_id: Id.nullable(),
  agent_id: Id.nullable(),
  /** SDK events: the event's id in the agent's stream (the event viewer's `?event=`). */
  event_id: z.number().int().positive().nullable(),
  /** Timeline rows: which timeline source (the Events tab's `?kind=`). */
  timeline_kind: TimelineKind.nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;

const Count = z.number().int().nonnegative();

export const SearchLine = z.discriminatedUnion('type', [
  /** First line: what is searched, and how many agents' streams will be read. */
  z.object({ type: z.literal('start'), q: z.string(), agents_total: Count }),
  /**
   * One kind's matches in the town's tables (agent null), or one agent's matching SDK events.
   * `total` counts every match (capped at SEARCH_COUNT_CAP for SDK events: `capped` says so).
   */
  z.object({
    type: z.literal('hits'),
    kind: SearchKind,
    agent_id: Id.nullable(),
    agent_name: z.string().nullable(),
    items: z.array(SearchHit),
    total: Count,
    capped: z.boolean(),
  }),
  /** An agent's stream was read (with or without matches). */
  z.object({ type: z.literal('progress'), agents_done: Count, agents_total: Count }),
  /** One agent's stream could not be read; the others are still searched. */
  z.object({ type: z.literal('agent_error'), agent_id: Id, agent_name: z.string(), message: z.string() }),
  /** The search stopped early (the town could not be read). */
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
  /** Last line: every source was read. */
  z.object({ type: z.literal('done'), agents_done: Count, agents_total: Count, took_ms: z.number().nonnegative() }),
]);
export type SearchLine = z.infer<typeof SearchLine>;
