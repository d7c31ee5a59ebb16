import type { AuditQuery, BeadListQuery, SdkEventQuery, TimelineQuery } from './endpoints';

/**
 * One factory for every TanStack Query key, so an intervention can invalidate a bead,
 * its town and the audit log without importing those features.
 * Keys nest: invalidating `queryKeys.town(id)` refreshes everything under that town.
 */
export const queryKeys = {
  all: ['admin'] as const,
  session: () => [...queryKeys.all, 'session'] as const,
  capabilities: () => [...queryKeys.all, 'capabilities'] as const,
  userSearch: (q: string) => [...queryKeys.all, 'user-search', q] as const,
  user: (userId: string) => [...queryKeys.all, 'user', userId] as const,
  userTowns: (userId: string) => [...queryKeys.user(userId), 'towns'] as const,
  userRigs: (userId: string) => [...queryKeys.user(userId), 'rigs'] as const,
  userIntegrations: (userId: string) => [...queryKeys.user(userId), 'integrations'] as const,
  town: (townId: string) => [...queryKeys.all, 'town', townId] as const,
  townSummary: (townId: string) => [...queryKeys.town(townId), 'summary'] as const,
  beads: (townId: string, query?: BeadListQuery) =>
    query ? ([...queryKeys.town(townId), 'beads', query] as const) : ([...queryKeys.town(townId), 'beads'] as const),
  bead: (townId: string, beadId: string) => [...queryKeys.town(townId), 'bead', beadId] as const,
  beadEvents: (townId: string, beadId: string) => [...queryKeys.bead(townId, beadId), 'events'] as const,
  beadGraph: (townId: string, beadId: string, depth: number | null) =>
    [...queryKeys.bead(townId, beadId), 'graph', depth ?? 'all'] as const,
  agents: (townId: string) => [...queryKeys.town(townId), 'agents'] as const,
  agent: (townId: string, agentId: string) => [...queryKeys.town(townId), 'agent', agentId] as const,
  agentEvents: (townId: string, agentId: string, query?: SdkEventQuery) =>
    query ? ([...queryKeys.agent(townId, agentId), 'events', query] as const) : ([...queryKeys.agent(townId, agentId), 'events'] as const),
  agentEvent: (townId: string, agentId: string, eventId: number) => [...queryKeys.agent(townId, agentId), 'event', eventId] as const,
  dispatchAttempts: (townId: string, filter: { bead_id?: string; agent_id?: string } = {}) =>
    [...queryKeys.town(townId), 'dispatch-attempts', filter] as const,
  gitOperations: (townId: string, filter: object = {}) => [...queryKeys.town(townId), 'git-operations', filter] as const,
  usage: (townId: string) => [...queryKeys.town(townId), 'usage'] as const,
  cost: (townId: string) => [...queryKeys.town(townId), 'cost'] as const,
  compare: (townId: string, kind: string, a: string, b: string) => [...queryKeys.town(townId), 'compare', kind, a, b] as const,
  sessions: (townId: string, agentId?: string) => [...queryKeys.town(townId), 'sessions', agentId ?? null] as const,
  reviewQueue: (townId: string) => [...queryKeys.town(townId), 'review-queue'] as const,
  escalations: (townId: string) => [...queryKeys.town(townId), 'escalations'] as const,
  container: (townId: string) => [...queryKeys.town(townId), 'container'] as const,
  config: (townId: string) => [...queryKeys.town(townId), 'config'] as const,
  timeline: (townId: string, query?: TimelineQuery) =>
    query ? ([...queryKeys.town(townId), 'timeline', query] as const) : ([...queryKeys.town(townId), 'timeline'] as const),
  townAudit: (townId: string, query?: AuditQuery) =>
    query ? ([...queryKeys.town(townId), 'audit', query] as const) : ([...queryKeys.town(townId), 'audit'] as const),
  auditVerify: (townId: string) => [...queryKeys.town(townId), 'audit-verify'] as const,
  recovery: (townId: string, auditId: string) => [...queryKeys.town(townId), 'recovery', auditId] as const,
  recoveryObservations: (townId: string) => [...queryKeys.town(townId), 'recovery'] as const,
  auditVerifyAll: () => [...queryKeys.all, 'audit-verify'] as const,
  /** Without a town: every town's list of that scope (a change refetches them all). */
  savedViews: (scope: string, townId?: string | null) =>
    townId === undefined
      ? ([...queryKeys.all, 'saved-views', scope] as const)
      : ([...queryKeys.all, 'saved-views', scope, townId] as const),
  audit: (query?: AuditQuery) => (query ? ([...queryKeys.all, 'audit', query] as const) : ([...queryKeys.all, 'audit'] as const)),
};
