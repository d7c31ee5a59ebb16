import type { HealthInputs, TownSummary } from '../../api';
import type { TownSeed } from '../scenarios';
import { lastSdkEventAt } from './streams';

const WORK_TYPES = new Set(['issue', 'molecule', 'escalation']);
const UNFINISHED = new Set(['open', 'in_progress', 'in_review']);
const MIN = 60_000;

/** Town summary with health inputs, derived from a town's rows (the worker derives the same with SQL). */
export function toTownSummary(town: TownSeed, now: number): TownSummary {
  const byStatus = { open: 0, in_progress: 0, in_review: 0, closed: 0, failed: 0 };
  for (const bead of town.beads) byStatus[bead.status]++;
  const agents = town.agents;
  const lastActivity = [town.town.updated_at, ...agents.map((a) => a.last_activity_at ?? '')].sort().at(-1) ?? null;
  return {
    id: town.town.id,
    name: town.town.name,
    owner_user_id: town.town.owner_user_id,
    created_at: town.town.created_at,
    updated_at: town.town.updated_at,
    last_activity_at: lastActivity,
    rig_count: town.rigs.length,
    agents: {
      total: agents.length,
      active: agents.filter((a) => a.status === 'working' || a.status === 'waiting').length,
      working: agents.filter((a) => a.status === 'working').length,
      stalled: agents.filter((a) => a.status === 'stalled').length,
      dead: agents.filter((a) => a.status === 'dead').length,
    },
    beads: { total: town.beads.length, open: byStatus.open + byStatus.in_progress + byStatus.in_review, by_status: byStatus },
    container: { status: town.container.status, health: town.container.health },
    review_queue_depth: town.reviews.filter((r) => r.review_state === 'pending' || r.review_state === 'running').length,
    health_inputs: toHealthInputs(town, now),
  };
}

export function toHealthInputs(town: TownSeed, now: number): HealthInputs {
  const beadById = new Map(town.beads.map((b) => [b.id, b]));
  const tokensSince = (agentId: string, minutes: number) =>
    town.usage
      .filter((u) => u.agent_id === agentId && now - Date.parse(u.at) <= minutes * MIN)
      .reduce((s, u) => s + u.input_tokens + u.output_tokens, 0);
  const processByAgent = new Map(town.processes.map((p) => [p.agent_id, p]));
  const lastFailedDispatch = new Map<string, string>();
  for (const d of [...town.dispatch_attempts].sort((a, b) => a.created_at.localeCompare(b.created_at))) {
    if (d.outcome === 'failed' && d.error_message) lastFailedDispatch.set(d.bead_id, d.error_message);
  }
  const oldest = town.beads
    .filter((b) => WORK_TYPES.has(b.type) && UNFINISHED.has(b.status))
    .sort((a, b) => a.created_at.localeCompare(b.created_at))
    .slice(0, 20)
    .map((b) => ({
      bead_id: b.id,
      title: b.title,
      status: b.status,
      priority: b.priority,
      since: b.created_at,
      assignee_agent_id: b.assignee_agent_bead_id,
      dispatch_attempts: b.dispatch_attempts,
      last_dispatch_error: lastFailedDispatch.get(b.id) ?? null,
      blocked_by: town.dependencies
        .filter((d) => d.bead_id === b.id && d.dependency_type === 'blocks')
        .map((d) => beadById.get(d.depends_on_bead_id))
        .filter((x) => x !== undefined && x.status !== 'closed')
        .map((x) => ({ bead_id: x!.id, title: x!.title, status: x!.status })),
    }));
  const lifecycle = [...town.container_events].sort((a, b) => b.created_at.localeCompare(a.created_at));
  const within24h = lifecycle.filter((e) => now - Date.parse(e.created_at) <= 24 * 60 * MIN);
  const lastExit = lifecycle.find((e) => e.exit_code !== null && (e.event_type === 'stop' || e.event_type === 'oom'));
  const gitFailures24h = (rigId: string) =>
    town.git_operations.filter(
      (g) => g.rig_id === rigId && g.outcome === 'failure' && g.operation !== 'merge' && now - Date.parse(g.created_at) <= 24 * 60 * MIN,
    ).length;
  const mayorAgent = town.agents.find((a) => a.role === 'mayor');
  return {
    agents: town.agents.map((a) => ({
      agent_id: a.id,
      name: a.name,
      role: a.role,
      status: a.status,
      status_since: a.status_since,
      hooked_bead_id: a.current_hook_bead_id,
      hooked_bead_title: a.current_hook_bead_id ? (beadById.get(a.current_hook_bead_id)?.title ?? null) : null,
      dispatch_attempts: a.dispatch_attempts,
      last_activity_at: a.last_activity_at,
      last_sdk_event_at: lastSdkEventAt(town, a.id),
      process_status: processByAgent.get(a.id)?.status ?? null,
      tokens_1h: tokensSince(a.id, 60),
    })),
    oldest_open_beads: oldest,
    reviews: {
      depth: town.reviews.filter((r) => r.review_state === 'pending' || r.review_state === 'running').length,
      oldest_pending_at:
        town.reviews
          .filter((r) => r.review_state === 'pending')
          .map((r) => r.enqueued_at)
          .sort()[0] ?? null,
      troubled: town.reviews
        .filter((r) => r.review_state === 'failed' || r.retry_count > 0)
        .sort((a, b) => b.retry_count - a.retry_count)
        .slice(0, 20)
        .map((r) => ({
          bead_id: r.bead_id,
          title: beadById.get(r.bead_id)?.title ?? r.branch,
          review_state: r.review_state,
          retry_count: r.retry_count,
          failure_reason: r.failure_reason,
          since: r.enqueued_at,
        })),
    },
    container: {
      status: town.container.status,
      health: town.container.health,
      started_at: town.container.started_at,
      idle_since: town.container.idle_since,
      restarts_24h: within24h.filter((e) => e.event_type === 'start' || e.event_type === 'restart').length,
      oom_24h: within24h.filter((e) => e.event_type === 'oom').length,
      last_exit_code: lastExit?.exit_code ?? null,
      last_exit_reason: lastExit?.reason ?? null,
    },
    credentials: town.credentials.map((c) => ({
      rig_id: c.rig_id,
      rig_name: c.rig_name,
      status: c.status,
      token_expires_at: c.token_expires_at,
      last_error: c.last_error,
      git_failures_24h: gitFailures24h(c.rig_id),
    })),
    convoys: town.convoys
      .filter((c) => !c.landed_at)
      .slice(0, 20)
      .map((c) => {
        const tracked = town.dependencies.filter((d) => d.bead_id === c.bead_id && d.dependency_type === 'tracks');
        const present = tracked.map((d) => beadById.get(d.depends_on_bead_id)).filter((x) => x !== undefined);
        const convoyBead = beadById.get(c.bead_id);
        return {
          bead_id: c.bead_id,
          title: convoyBead?.title ?? 'convoy',
          total_beads: c.total_beads,
          closed_beads: c.closed_beads,
          tracked_present: present.length,
          tracked_closed: present.filter((x) => x!.status === 'closed').length,
          updated_at: convoyBead?.updated_at ?? town.town.updated_at,
        };
      }),
    mayor:
      town.mayor && mayorAgent
        ? {
            agent_id: mayorAgent.id,
            session_state: town.mayor.session_state,
            session_error: town.mayor.session_error,
            last_user_message_at: town.mayor.last_user_message?.at ?? null,
            last_user_message_answered: town.mayor.last_user_message?.answered ?? true,
          }
        : null,
    usage: {
      tokens_24h: town.usage
        .filter((u) => now - Date.parse(u.at) <= 24 * 60 * MIN)
        .reduce((s, u) => s + u.input_tokens + u.output_tokens, 0),
      cost_microdollars_24h: town.usage.filter((u) => now - Date.parse(u.at) <= 24 * 60 * MIN).reduce((s, u) => s + u.cost_microdollars, 0),
    },
    dispatch: {
      failed_attempts_30m: town.dispatch_attempts.filter((d) => d.outcome === 'failed' && now - Date.parse(d.created_at) <= 30 * MIN)
        .length,
      failing_beads_30m: new Set(
        town.dispatch_attempts.filter((d) => d.outcome === 'failed' && now - Date.parse(d.created_at) <= 30 * MIN).map((d) => d.bead_id),
      ).size,
    },
  };
}
