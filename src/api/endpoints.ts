import type { z } from 'zod';
import * as S from './schemas';

/** Prefix of every admin API route. */
export const API_PREFIX = '/api/admin';

/**
 * Every town-scoped read (200 or 304) answers the town's time: `<townId>=<ISO time>`, one pair per town
 * it read (a user's towns list them all). The panel reads "now" on it (api/town-clock.ts).
 */
export const TOWN_TIME_HEADER = 'x-town-time';

const e = encodeURIComponent;

export type QueryValue = string | number | boolean | null | undefined | readonly string[];
export type Query = Record<string, QueryValue>;

export interface EndpointSpec<T extends z.ZodType> {
  method: 'GET' | 'POST';
  path: string;
  query?: Query;
  schema: T;
}

const get = <T extends z.ZodType>(path: string, schema: T, query?: Query): EndpointSpec<T> => ({
  method: 'GET',
  path,
  schema,
  ...(query ? { query } : {}),
});

export interface BeadListQuery {
  status?: readonly S.BeadStatus[];
  type?: readonly S.BeadType[];
  label?: string;
  q?: string;
  /** A column name, `-` prefix for descending, e.g. `-updated_at`. */
  sort?: string;
  cursor?: string | null;
  /** 1..1000, default 200. */
  limit?: number;
}

export interface SdkEventQuery {
  /** Ascending: events with id > after. */
  after?: number;
  /** Descending: events with id < before. Without after/before the newest page comes back, newest first. */
  before?: number;
  limit?: number;
  q?: string;
  type?: string;
  /** ISO time bounds (inclusive), e.g. one assignment's window. */
  since?: string;
  until?: string;
}

export interface TimelineQuery {
  before?: string | null;
  limit?: number;
  kind?: readonly S.TimelineKind[];
  /** A bead or agent id: only rows naming it. */
  entity?: string;
  from?: string;
  to?: string;
  /** Text the row's type, summary or details contain (case-insensitive). */
  q?: string;
}

export interface AuditQuery {
  town_id?: string;
  admin?: string;
  action?: string;
  target?: string;
  from?: string;
  to?: string;
  before?: string | null;
  limit?: number;
}

/** Every read endpoint of the admin API, with the schema its answer must satisfy. */
export const endpoints = {
  session: () => get(`${API_PREFIX}/session`, S.Session),
  capabilities: () => get(`${API_PREFIX}/capabilities`, S.Capabilities),
  searchUsers: (q: string) => get(`${API_PREFIX}/users`, S.UserSearchResult, { q }),
  user: (userId: string) => get(`${API_PREFIX}/users/${e(userId)}`, S.UserDetail),
  userTowns: (userId: string) => get(`${API_PREFIX}/users/${e(userId)}/towns`, S.TownList),
  userRigs: (userId: string) => get(`${API_PREFIX}/users/${e(userId)}/rigs`, S.RigList),
  userIntegrations: (userId: string) => get(`${API_PREFIX}/users/${e(userId)}/integrations`, S.LinkedIntegrationList),
  town: (townId: string) => get(`${API_PREFIX}/towns/${e(townId)}`, S.TownDetail),
  beads: (townId: string, query: BeadListQuery = {}) => get(`${API_PREFIX}/towns/${e(townId)}/beads`, S.BeadPage, { ...query }),
  bead: (townId: string, beadId: string) => get(`${API_PREFIX}/towns/${e(townId)}/beads/${e(beadId)}`, S.BeadDetail),
  beadEvents: (townId: string, beadId: string) => get(`${API_PREFIX}/towns/${e(townId)}/beads/${e(beadId)}/events`, S.BeadEventList),
  beadGraph: (townId: string, beadId: string, depth: number | null) =>
    get(`${API_PREFIX}/towns/${e(townId)}/beads/${e(beadId)}/graph`, S.BeadGraph, { depth: depth ?? 'all' }),
  agents: (townId: string) => get(`${API_PREFIX}/towns/${e(townId)}/agents`, S.AgentList),
  agent: (townId: string, agentId: string) => get(`${API_PREFIX}/towns/${e(townId)}/agents/${e(agentId)}`, S.AgentDetail),
  agentEvents: (townId: string, agentId: string, query: SdkEventQuery = {}) =>
    get(`${API_PREFIX}/towns/${e(townId)}/agents/${e(agentId)}/events`, S.SdkEventPage, { ...query }),
  agentEvent: (townId: string, agentId: string, eventId: number) =>
    get(`${API_PREFIX}/towns/${e(townId)}/agents/${e(agentId)}/events/${eventId}`, S.SdkEvent),
  agentEventIndex: (townId: string, agentId: string, query: { after?: number; limit?: number } = {}) =>
    get(`${API_PREFIX}/towns/${e(townId)}/agents/${e(agentId)}/event-index`, S.SdkEventIndexPage, { ...query }),
  dispatchAttempts: (townId: string, query: { bead_id?: string; agent_id?: string } = {}) =>
    get(`${API_PREFIX}/towns/${e(townId)}/dispatch-attempts`, S.DispatchAttemptList, { ...query }),
  gitOperations: (townId: string, query: { agent_id?: string; outcome?: 'success' | 'failure' } = {}) =>
    get(`${API_PREFIX}/towns/${e(townId)}/git-operations`, S.GitOperationList, { ...query }),
  usage: (townId: string) => get(`${API_PREFIX}/towns/${e(townId)}/usage`, S.TownUsage),
  /** Tokens and cost per hour, per agent (with working against idle time) and per bead, over the last 24 h. */
  cost: (townId: string) => get(`${API_PREFIX}/towns/${e(townId)}/cost`, S.TownCost),
  /** Two runs of one kind side by side: duration, tokens, cost, tool calls, errors, last message (issue 15). */
  compare: (townId: string, kind: S.CompareKind, a: string, b: string) =>
    get(`${API_PREFIX}/towns/${e(townId)}/compare`, S.Comparison, { kind, a, b }),
  /** The town's agent sessions (container processes), newest first; `agent_id` keeps one agent's. */
  sessions: (townId: string, query: { agent_id?: string } = {}) =>
    get(`${API_PREFIX}/towns/${e(townId)}/sessions`, S.AgentSessionList, { ...query }),
  reviewQueue: (townId: string) => get(`${API_PREFIX}/towns/${e(townId)}/review-queue`, S.ReviewQueue),
  escalations: (townId: string) => get(`${API_PREFIX}/towns/${e(townId)}/escalations`, S.EscalationList),
  container: (townId: string) => get(`${API_PREFIX}/towns/${e(townId)}/container`, S.ContainerState),
  config: (townId: string) => get(`${API_PREFIX}/towns/${e(townId)}/config`, S.TownConfigResponse),
  timeline: (townId: string, query: TimelineQuery = {}) => get(`${API_PREFIX}/towns/${e(townId)}/timeline`, S.TimelinePage, { ...query }),
  townAudit: (townId: string, query: AuditQuery = {}) => get(`${API_PREFIX}/towns/${e(townId)}/audit`, S.AuditPage, { ...query }),
  verifyAudit: (townId: string) => get(`${API_PREFIX}/towns/${e(townId)}/audit/verify`, S.AuditVerification),
  /** How the town is recovering after one intervention (its audit entry), evaluated now. */
  recovery: (townId: string, auditId: string) => get(`${API_PREFIX}/towns/${e(townId)}/recovery/${e(auditId)}`, S.RecoveryWatch),
  /** The recovery verdicts appended beside the town's audit entries, newest first. */
  recoveryObservations: (townId: string) => get(`${API_PREFIX}/towns/${e(townId)}/recovery`, S.RecoveryObservationList),
  audit: (query: AuditQuery = {}) => get(`${API_PREFIX}/audit`, S.AuditPage, { ...query }),
  verifyAllAudit: () => get(`${API_PREFIX}/audit/verify`, S.AuditVerificationList),
  /** The admin's saved views of one view, and the one used last (issue 15). */
  savedViews: (scope: S.SavedViewScope, townId?: string | null) =>
    get(`${API_PREFIX}/saved-views`, S.SavedViewList, townId ? { scope, town_id: townId } : { scope }),
} as const;

/** `POST /towns/:townId/actions/:action` — every intervention. */
export function actionPath(townId: string, action: S.ActionName): string {
  return `${API_PREFIX}/towns/${e(townId)}/actions/${e(action)}`;
}

/** `POST /towns/:townId/batches` — previews a bulk action and keeps the batch (issue 15). */
export function batchesPath(townId: string): string {
  return `${API_PREFIX}/towns/${e(townId)}/batches`;
}

/** `POST /towns/:townId/batches/:batchKey/run` — acts on the batch's next targets. */
export function batchRunPath(townId: string, batchKey: string): string {
  return `${API_PREFIX}/towns/${e(townId)}/batches/${e(batchKey)}/run`;
}

/** `POST /towns/:townId/batches/:batchKey/stream` — runs every pending target, one NDJSON `BulkRunLine` per target done. */
export function batchStreamPath(townId: string, batchKey: string): string {
  return `${API_PREFIX}/towns/${e(townId)}/batches/${e(batchKey)}/stream`;
}

/** `POST /saved-views` creates one; `PUT /saved-views/last-used` remembers (or forgets) the one applied. */
export function savedViewsPath(): string {
  return `${API_PREFIX}/saved-views`;
}

/** `PATCH /saved-views/:viewId` renames it or replaces its filter; `DELETE` removes it. */
export function savedViewPath(viewId: string): string {
  return `${API_PREFIX}/saved-views/${e(viewId)}`;
}

/** `GET /towns/:townId/search?q=` — town-wide search, answered as NDJSON `SearchLine`s (read with `apiClient.stream`). */
export function townSearchPath(townId: string, q: string): string {
  return `${API_PREFIX}/towns/${e(townId)}/search${toSearchParams({ q })}`;
}

/** Serializes a query object: arrays become comma lists; empty values are dropped. */
export function toSearchParams(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
    } else {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
