import {
  ACTIONS,
  ActionName,
  ActionRequest,
  DISPATCH_CAP,
  type ActionChange,
  type ActionResult,
  type Agent,
  type AuditEntry,
  type Bead,
  type TargetKind,
  type User,
} from '../../src/api/schemas';
import { auditHash, GENESIS_HASH } from './audit-chain';
import type { TownAccess } from './town-access';

/** A refusal with its HTTP status, as the API answers it. */
export class EngineError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface AuditLog {
  /** The newest entry's seq and hash, or null for an empty log. */
  head(): { seq: number; hash: string } | null;
  append(entry: AuditEntry): void;
}

interface Plan {
  summary: string;
  changes: ActionChange[];
  warnings: string[];
  /** Performs the writes; returns the target's new version. */
  apply(): number | null;
}

interface Ctx {
  town: TownAccess;
  targetId: string;
  params: Record<string, unknown>;
  now: string;
  newId: () => string;
}

/** Parameter fields whose string values are credentials. Not `key`: in an env change that is the variable's name. */
const SECRET_FIELD = /token|secret|password|api_?key/i;
const MASK = '****';

function change(kind: TargetKind, id: string, label: string, field: string, from: unknown, to: unknown): ActionChange {
  return { entity: { kind, id, label }, field, from, to };
}

function need<T>(value: T | null | undefined, what: string, id: string): T {
  if (value === null || value === undefined)
    throw new EngineError(404, 'not_found', `No ${what} with id ${id} in this town.`, { resource: what, id });
  return value;
}

const quote = (s: string) => `“${s.length > 60 ? `${s.slice(0, 57)}…` : s}”`;

/** Unhooks an agent from its bead: the bead goes back to open (or `beadStatus`), the agent to idle. */
function unhookWrites(
  ctx: Ctx,
  agent: Agent,
  bead: Bead | null,
  beadStatus: Bead['status'],
  outcome: 'unhooked' | 'reassigned' | 'failed' | 'completed',
) {
  const t = ctx.town;
  if (bead) {
    t.updateBead(bead.id, {
      status: beadStatus,
      assignee_agent_bead_id: null,
      updated_at: ctx.now,
      version: bead.version + 1,
      closed_at: beadStatus === 'closed' || beadStatus === 'failed' ? ctx.now : bead.closed_at,
    });
    t.addBeadEvent({
      id: ctx.newId(),
      bead_id: bead.id,
      agent_id: agent.id,
      event_type: 'unhooked',
      old_value: agent.id,
      new_value: null,
      metadata: { by: 'admin' },
      created_at: ctx.now,
    });
    if (beadStatus !== bead.status) {
      t.addBeadEvent({
        id: ctx.newId(),
        bead_id: bead.id,
        agent_id: null,
        event_type: 'status_changed',
        old_value: bead.status,
        new_value: beadStatus,
        metadata: { by: 'admin' },
        created_at: ctx.now,
      });
    }
    t.endAssignment(agent.id, bead.id, ctx.now, outcome);
  }
}

function agentToIdle(ctx: Ctx, agent: Agent, reason: string, extra: Partial<Agent> = {}) {
  ctx.town.updateAgent(agent.id, {
    status: 'idle',
    status_since: ctx.now,
    current_hook_bead_id: null,
    stalled_at: null,
    active_tools: [],
    agent_status_message: reason,
    version: agent.version + 1,
    ...extra,
  });
  if (agent.status !== 'idle') ctx.town.addStatusChange(agent.id, 'idle', ctx.now, reason);
}

function blockedNote(ctx: Ctx, bead: Bead | null, stays: boolean): string[] {
  if (!bead) return [];
  const open = ctx.town.blockedBy(bead.id).filter((b) => b.status !== 'closed' && b.status !== 'failed');
  if (!open.length) return [];
  return [
    `${open.length} ${open.length === 1 ? 'bead' : 'beads'} it blocks ${stays ? 'stay blocked' : 'become unblocked'}: ${open
      .slice(0, 3)
      .map((b) => quote(b.title))
      .join(', ')}${open.length > 3 ? '…' : ''}`,
  ];
}

function processWarning(ctx: Ctx, agent: Agent): string[] {
  const p = ctx.town.process(agent.id);
  return p && (p.status === 'running' || p.status === 'starting')
    ? [`${agent.name}'s process ${p.process_id} keeps running in the container: this does not stop work in progress (use force-kill).`]
    : [];
}

type Handler = (ctx: Ctx) => Plan;

const agentHandlers: Record<string, Handler> = {
  'agent.force_reset': (ctx) => {
    const agent = need(ctx.town.agent(ctx.targetId), 'agent', ctx.targetId);
    const bead = agent.current_hook_bead_id ? ctx.town.bead(agent.current_hook_bead_id) : null;
    const changes = [change('agent', agent.id, agent.name, 'status', agent.status, 'idle')];
    if (bead) {
      changes.push(change('agent', agent.id, agent.name, 'current_hook_bead_id', bead.id, null));
      changes.push(change('bead', bead.id, bead.title, 'status', bead.status, 'open'));
    }
    if (agent.dispatch_attempts) changes.push(change('agent', agent.id, agent.name, 'dispatch_attempts', agent.dispatch_attempts, 0));
    return {
      summary: `${agent.name} → idle${bead ? `; bead ${quote(bead.title)} unhooked and back to open` : ''}.`,
      changes,
      warnings: [...processWarning(ctx, agent), ...blockedNote(ctx, bead, true)],
      apply: () => {
        unhookWrites(ctx, agent, bead, 'open', 'unhooked');
        agentToIdle(ctx, agent, 'reset by admin', { dispatch_attempts: 0 });
        return agent.version + 1;
      },
    };
  },
  'agent.force_unhook': (ctx) => {
    const agent = need(ctx.town.agent(ctx.targetId), 'agent', ctx.targetId);
    const bead = agent.current_hook_bead_id ? ctx.town.bead(agent.current_hook_bead_id) : null;
    if (!bead) throw new EngineError(409, 'invalid_state', `${agent.name} is not hooked to any bead.`, { field: 'current_hook_bead_id' });
    return {
      summary: `${agent.name} unhooked from ${quote(bead.title)}; the bead goes back to open for dispatch.`,
      changes: [
        change('agent', agent.id, agent.name, 'current_hook_bead_id', bead.id, null),
        change('bead', bead.id, bead.title, 'status', bead.status, 'open'),
      ],
      warnings: processWarning(ctx, agent),
      apply: () => {
        unhookWrites(ctx, agent, bead, 'open', 'unhooked');
        agentToIdle(ctx, agent, 'unhooked by admin');
        return agent.version + 1;
      },
    };
  },
  'agent.force_kill': (ctx) => {
    const agent = need(ctx.town.agent(ctx.targetId), 'agent', ctx.targetId);
    const p = ctx.town.process(agent.id);
    if (!p || (p.status !== 'running' && p.status !== 'starting' && p.status !== 'stopping')) {
      throw new EngineError(
        409,
        'invalid_state',
        `${agent.name} has no running process to kill${p ? ` (process ${p.process_id} is ${p.status})` : ''}.`,
        { field: 'process' },
      );
    }
    return {
      summary: `Kill ${agent.name}'s process ${p.process_id} (SIGKILL); ${agent.name} → dead until reset.`,
      changes: [
        change('agent', agent.id, agent.name, 'process', p.status, 'exited'),
        change('agent', agent.id, agent.name, 'status', agent.status, 'dead'),
      ],
      warnings: agent.current_hook_bead_id
        ? ['The agent stays hooked to its bead: force-reset or unhook it so the bead can be dispatched again.']
        : [],
      apply: () => {
        ctx.town.updateProcess(p.process_id, { status: 'exited', exited_at: ctx.now, exit_code: 137, memory_mb: null });
        ctx.town.addContainerEvent({
          id: ctx.newId(),
          event_type: 'stop',
          exit_code: 137,
          reason: 'killed by admin',
          message: `process ${p.process_id} of ${agent.name} killed`,
          metadata: { agent_id: agent.id },
          created_at: ctx.now,
        });
        ctx.town.updateAgent(agent.id, {
          status: 'dead',
          status_since: ctx.now,
          active_tools: [],
          agent_status_message: 'killed by admin',
          version: agent.version + 1,
        });
        ctx.town.addStatusChange(agent.id, 'dead', ctx.now, 'killed by admin');
        return agent.version + 1;
      },
    };
  },
  'agent.retry_dispatch': (ctx) => {
    const agent = need(ctx.town.agent(ctx.targetId), 'agent', ctx.targetId);
    const bead = agent.current_hook_bead_id ? ctx.town.bead(agent.current_hook_bead_id) : null;
    if (!bead)
      throw new EngineError(409, 'invalid_state', `${agent.name} has no hooked bead to dispatch.`, { field: 'current_hook_bead_id' });
    const exhausted = bead.dispatch_attempts >= DISPATCH_CAP;
    const attempt = exhausted ? 1 : bead.dispatch_attempts + 1;
    return {
      summary: `Dispatch ${quote(bead.title)} to ${agent.name} again (attempt ${attempt} of ${DISPATCH_CAP}); a fresh process starts in the container.`,
      changes: [
        change('bead', bead.id, bead.title, 'dispatch_attempts', bead.dispatch_attempts, attempt),
        change('agent', agent.id, agent.name, 'status', agent.status, 'working'),
      ],
      warnings: exhausted ? ['The dispatch budget (5 attempts) was exhausted: retrying starts a new budget.'] : [],
      apply: () => {
        ctx.town.addDispatchAttempt({
          id: ctx.newId(),
          bead_id: bead.id,
          agent_id: agent.id,
          attempt_number: attempt,
          outcome: 'success',
          container_status: 200,
          container_response: '{"ok":true}',
          error_message: null,
          created_at: ctx.now,
        });
        ctx.town.updateBead(bead.id, {
          dispatch_attempts: attempt,
          last_dispatch_attempt_at: ctx.now,
          status: 'in_progress',
          updated_at: ctx.now,
          version: bead.version + 1,
        });
        const old = ctx.town.process(agent.id);
        if (old) ctx.town.updateProcess(old.process_id, { status: 'exited', exited_at: old.exited_at ?? ctx.now });
        const processId = `proc_${ctx.newId().slice(0, 10).replace(/-/g, '')}`;
        ctx.town.addProcess({
          process_id: processId,
          agent_id: agent.id,
          agent_name: agent.name,
          pid: null,
          command: `kilo serve --session ${agent.identity}`,
          status: 'starting',
          started_at: ctx.now,
          exited_at: null,
          exit_code: null,
          memory_mb: null,
        });
        ctx.town.updateAgent(agent.id, {
          status: 'working',
          status_since: ctx.now,
          stalled_at: null,
          dispatch_attempts: attempt,
          container_process_id: processId,
          agent_status_message: 'dispatched by admin',
          version: agent.version + 1,
        });
        ctx.town.addStatusChange(agent.id, 'working', ctx.now, 'dispatch retried by admin');
        return agent.version + 1;
      },
    };
  },
  'agent.delete': (ctx) => {
    const agent = need(ctx.town.agent(ctx.targetId), 'agent', ctx.targetId);
    if (agent.role !== 'polecat')
      throw new EngineError(400, 'bad_request', `The ${agent.role} cannot be deleted; restart it instead.`, { parameter: 'target' });
    const bead = agent.current_hook_bead_id ? ctx.town.bead(agent.current_hook_bead_id) : null;
    return {
      summary: `Delete polecat ${agent.name}${bead ? ` and return ${quote(bead.title)} to open` : ''}; its name goes back to the pool.`,
      changes: [
        change('agent', agent.id, agent.name, 'exists', true, false),
        ...(bead ? [change('bead', bead.id, bead.title, 'status', bead.status, 'open')] : []),
      ],
      warnings: processWarning(ctx, agent),
      apply: () => {
        unhookWrites(ctx, agent, bead, 'open', 'unhooked');
        ctx.town.deleteAgent(agent.id);
        return null;
      },
    };
  },
};

/**
 * The agent hooked to a bead: the one whose hook points at it; else, for a bead in progress, its assignee
 * if that agent lost its hook (holds none). Never the author of a bead in review who has moved on to
 * other work: unhooking that agent would drop the hook it holds now.
 */
function hookedAgentOf(ctx: Ctx, bead: Bead): Agent | null {
  const hooked = ctx.town.agents().find((a) => a.current_hook_bead_id === bead.id);
  if (hooked) return hooked;
  if (bead.status !== 'in_progress' || !bead.assignee_agent_bead_id) return null;
  const assignee = ctx.town.agent(bead.assignee_agent_bead_id);
  return assignee && assignee.current_hook_bead_id === null ? assignee : null;
}

function finishBead(ctx: Ctx, status: 'closed' | 'failed', verb: string): Plan {
  const bead = need(ctx.town.bead(ctx.targetId), 'bead', ctx.targetId);
  if (bead.status === status)
    throw new EngineError(409, 'invalid_state', `Bead ${quote(bead.title)} is already ${status}.`, { field: 'status' });
  const agent = hookedAgentOf(ctx, bead);
  const changes = [change('bead', bead.id, bead.title, 'status', bead.status, status)];
  if (agent) changes.push(change('agent', agent.id, agent.name, 'current_hook_bead_id', bead.id, null));
  return {
    summary: `${verb} ${quote(bead.title)}${agent ? `; ${agent.name} is unhooked and goes idle` : ''}.`,
    changes,
    warnings: [...(agent ? processWarning(ctx, agent) : []), ...blockedNote(ctx, bead, status === 'failed')],
    apply: () => {
      if (agent) {
        unhookWrites(ctx, agent, bead, status, status === 'failed' ? 'failed' : 'completed');
        agentToIdle(ctx, agent, `bead ${status} by admin`);
      } else {
        ctx.town.updateBead(bead.id, { status, closed_at: ctx.now, updated_at: ctx.now, version: bead.version + 1 });
        ctx.town.addBeadEvent({
          id: ctx.newId(),
          bead_id: bead.id,
          agent_id: null,
          event_type: 'status_changed',
          old_value: bead.status,
          new_value: status,
          metadata: { by: 'admin' },
          created_at: ctx.now,
        });
      }
      if (status === 'closed')
        ctx.town.addBeadEvent({
          id: ctx.newId(),
          bead_id: bead.id,
          agent_id: null,
          event_type: 'closed',
          old_value: null,
          new_value: null,
          metadata: { by: 'admin' },
          created_at: ctx.now,
        });
      return bead.version + 1;
    },
  };
}

const beadHandlers: Record<string, Handler> = {
  'bead.force_close': (ctx) => finishBead(ctx, 'closed', 'Close'),
  'bead.force_fail': (ctx) => finishBead(ctx, 'failed', 'Fail'),
  'bead.change_priority': (ctx) => {
    const bead = need(ctx.town.bead(ctx.targetId), 'bead', ctx.targetId);
    const priority = ctx.params.priority as Bead['priority'];
    if (bead.priority === priority)
      throw new EngineError(409, 'invalid_state', `Bead ${quote(bead.title)} is already ${priority} priority.`, { field: 'priority' });
    return {
      summary: `Priority of ${quote(bead.title)}: ${bead.priority} → ${priority}.`,
      changes: [change('bead', bead.id, bead.title, 'priority', bead.priority, priority)],
      warnings: [],
      apply: () => {
        ctx.town.updateBead(bead.id, { priority, updated_at: ctx.now, version: bead.version + 1 });
        ctx.town.addBeadEvent({
          id: ctx.newId(),
          bead_id: bead.id,
          agent_id: null,
          event_type: 'fields_updated',
          old_value: bead.priority,
          new_value: priority,
          metadata: { field: 'priority', by: 'admin' },
          created_at: ctx.now,
        });
        return bead.version + 1;
      },
    };
  },
  'bead.unhook': (ctx) => {
    const bead = need(ctx.town.bead(ctx.targetId), 'bead', ctx.targetId);
    const agent = hookedAgentOf(ctx, bead);
    if (!agent)
      throw new EngineError(409, 'invalid_state', `No agent is hooked to ${quote(bead.title)}.`, { field: 'assignee_agent_bead_id' });
    return {
      summary: `Unhook ${agent.name} from ${quote(bead.title)}; the bead goes back to open.`,
      changes: [
        change('bead', bead.id, bead.title, 'status', bead.status, 'open'),
        change('agent', agent.id, agent.name, 'current_hook_bead_id', bead.id, null),
      ],
      warnings: processWarning(ctx, agent),
      apply: () => {
        unhookWrites(ctx, agent, bead, 'open', 'unhooked');
        agentToIdle(ctx, agent, 'unhooked by admin');
        return bead.version + 1;
      },
    };
  },
  'bead.reassign': (ctx) => {
    const bead = need(ctx.town.bead(ctx.targetId), 'bead', ctx.targetId);
    const next = need(ctx.town.agent(String(ctx.params.agent_id)), 'agent', String(ctx.params.agent_id));
    if (next.role !== 'polecat')
      throw new EngineError(400, 'bad_request', `Only polecats take beads; ${next.name} is the ${next.role}.`, { parameter: 'agent_id' });
    if (next.status === 'dead')
      throw new EngineError(409, 'invalid_state', `${next.name} is dead; reset it first.`, { field: 'agent.status' });
    if (next.current_hook_bead_id && next.current_hook_bead_id !== bead.id) {
      throw new EngineError(409, 'invalid_state', `${next.name} is already hooked to another bead.`, {
        field: 'agent.current_hook_bead_id',
      });
    }
    const prev = hookedAgentOf(ctx, bead);
    if (prev?.id === next.id)
      throw new EngineError(409, 'invalid_state', `${next.name} already has this bead.`, { field: 'assignee_agent_bead_id' });
    return {
      summary: `Reassign ${quote(bead.title)}${prev ? ` from ${prev.name}` : ''} to ${next.name}; ${next.name} is hooked and dispatched.`,
      changes: [
        change('bead', bead.id, bead.title, 'assignee', prev?.name ?? null, next.name),
        change('bead', bead.id, bead.title, 'status', bead.status, 'in_progress'),
        ...(prev ? [change('agent', prev.id, prev.name, 'status', prev.status, 'idle')] : []),
        change('agent', next.id, next.name, 'status', next.status, 'working'),
      ],
      warnings: prev ? processWarning(ctx, prev) : [],
      apply: () => {
        if (prev) {
          unhookWrites(ctx, prev, bead, 'open', 'reassigned');
          agentToIdle(ctx, prev, 'bead reassigned by admin');
        }
        ctx.town.updateBead(bead.id, {
          status: 'in_progress',
          assignee_agent_bead_id: next.id,
          updated_at: ctx.now,
          version: bead.version + 1,
        });
        ctx.town.addBeadEvent({
          id: ctx.newId(),
          bead_id: bead.id,
          agent_id: next.id,
          event_type: 'assigned',
          old_value: prev?.id ?? null,
          new_value: next.id,
          metadata: { by: 'admin' },
          created_at: ctx.now,
        });
        ctx.town.addBeadEvent({
          id: ctx.newId(),
          bead_id: bead.id,
          agent_id: next.id,
          event_type: 'hooked',
          old_value: null,
          new_value: next.id,
          metadata: { by: 'admin' },
          created_at: ctx.now,
        });
        ctx.town.startAssignment(next, bead, ctx.now);
        ctx.town.updateAgent(next.id, {
          status: 'working',
          status_since: ctx.now,
          current_hook_bead_id: bead.id,
          agent_status_message: 'assigned by admin',
          version: next.version + 1,
        });
        ctx.town.addStatusChange(next.id, 'working', ctx.now, `hooked ${bead.id} by admin`);
        return bead.version + 1;
      },
    };
  },
};

function mrBead(ctx: Ctx) {
  const bead = need(ctx.town.bead(ctx.targetId), 'merge request', ctx.targetId);
  const review = need(ctx.town.review(bead.id), 'merge request', ctx.targetId);
  return { bead, review };
}

const reviewHandlers: Record<string, Handler> = {
  'review.force_retry': (ctx) => {
    const { bead, review } = mrBead(ctx);
    if (review.review_state !== 'failed')
      throw new EngineError(409, 'invalid_state', `Only a failed review can be retried; this one is ${review.review_state}.`, {
        field: 'review_state',
      });
    return {
      summary: `Put ${quote(bead.title)} back in the queue (retry ${review.retry_count + 1}).`,
      changes: [
        change('review', bead.id, bead.title, 'review_state', 'failed', 'pending'),
        change('review', bead.id, bead.title, 'retry_count', review.retry_count, review.retry_count + 1),
      ],
      warnings: review.failure_reason?.includes('conflict')
        ? ['The last failure was a merge conflict: retrying without a rebase will likely fail again.']
        : [],
      apply: () => {
        ctx.town.updateReview(bead.id, {
          review_state: 'pending',
          retry_count: review.retry_count + 1,
          failure_reason: null,
          started_at: null,
          completed_at: null,
          enqueued_at: ctx.now,
        });
        ctx.town.updateBead(bead.id, { status: 'open', updated_at: ctx.now, version: bead.version + 1 });
        ctx.town.addBeadEvent({
          id: ctx.newId(),
          bead_id: bead.id,
          agent_id: null,
          event_type: 'rework_requested',
          old_value: 'failed',
          new_value: 'pending',
          metadata: { by: 'admin' },
          created_at: ctx.now,
        });
        return bead.version + 1;
      },
    };
  },
  'review.force_close': (ctx) => {
    const { bead, review } = mrBead(ctx);
    if (bead.status === 'closed') throw new EngineError(409, 'invalid_state', 'This merge request is already closed.', { field: 'status' });
    return {
      summary: `Close merge request ${quote(bead.title)} without merging; it leaves the queue.`,
      changes: [change('review', bead.id, bead.title, 'status', bead.status, 'closed')],
      warnings: ['The source bead stays in review: close or fail it separately if its work is abandoned.'],
      apply: () => {
        ctx.town.updateReview(bead.id, {
          review_state: review.review_state === 'merged' ? 'merged' : 'failed',
          failure_reason: review.failure_reason ?? 'closed by admin',
          completed_at: ctx.now,
        });
        ctx.town.updateBead(bead.id, { status: 'closed', closed_at: ctx.now, updated_at: ctx.now, version: bead.version + 1 });
        ctx.town.addBeadEvent({
          id: ctx.newId(),
          bead_id: bead.id,
          agent_id: null,
          event_type: 'closed',
          old_value: bead.status,
          new_value: 'closed',
          metadata: { by: 'admin' },
          created_at: ctx.now,
        });
        return bead.version + 1;
      },
    };
  },
  'review.direct_merge': (ctx) => {
    const { bead, review } = mrBead(ctx);
    if (review.review_state === 'merged')
      throw new EngineError(409, 'invalid_state', 'This merge request is already merged.', { field: 'review_state' });
    const source = review.source_bead_id ? ctx.town.bead(review.source_bead_id) : null;
    return {
      summary: `Merge ${review.branch} into ${review.target_branch} now, skipping review and gates; close ${quote(bead.title)}${source ? ` and ${quote(source.title)}` : ''}.`,
      changes: [
        change('review', bead.id, bead.title, 'review_state', review.review_state, 'merged'),
        ...(source ? [change('bead', source.id, source.title, 'status', source.status, 'closed')] : []),
      ],
      warnings: [
        'Gates (tests, lint) and code review are skipped.',
        ...(review.failure_reason?.includes('conflict')
          ? ['The last attempt hit a merge conflict: the merge will fail unless the branch was rebased.']
          : []),
      ],
      apply: () => {
        ctx.town.updateReview(bead.id, {
          review_state: 'merged',
          merge_commit: ctx.newId().replace(/-/g, '').slice(0, 40).padEnd(40, '0'),
          failure_reason: null,
          completed_at: ctx.now,
        });
        ctx.town.updateBead(bead.id, { status: 'closed', closed_at: ctx.now, updated_at: ctx.now, version: bead.version + 1 });
        ctx.town.addBeadEvent({
          id: ctx.newId(),
          bead_id: bead.id,
          agent_id: null,
          event_type: 'review_completed',
          old_value: review.review_state,
          new_value: 'merged',
          metadata: { by: 'admin', direct: true },
          created_at: ctx.now,
        });
        if (source && source.status !== 'closed') {
          ctx.town.updateBead(source.id, { status: 'closed', closed_at: ctx.now, updated_at: ctx.now, version: source.version + 1 });
          ctx.town.addBeadEvent({
            id: ctx.newId(),
            bead_id: source.id,
            agent_id: null,
            event_type: 'closed',
            old_value: source.status,
            new_value: 'closed',
            metadata: { by: 'admin' },
            created_at: ctx.now,
          });
        }
        return bead.version + 1;
      },
    };
  },
};

const townHandlers: Record<string, Handler> = {
  'review.clear_queue': (ctx) => {
    const pending = ctx.town.reviews().filter((r) => r.review_state === 'pending');
    if (!pending.length)
      throw new EngineError(409, 'invalid_state', 'The review queue has no pending merge requests.', { field: 'review_queue' });
    const config = ctx.town.config();
    return {
      summary: `Remove ${pending.length} pending merge ${pending.length === 1 ? 'request' : 'requests'} from the queue (marked failed: cleared by admin).`,
      changes: pending.map((r) =>
        change('review', r.bead_id, ctx.town.bead(r.bead_id)?.title ?? r.branch, 'review_state', 'pending', 'failed'),
      ),
      warnings: ['Running reviews are not touched. Their source beads stay in review until resubmitted.'],
      apply: () => {
        for (const r of pending) {
          ctx.town.updateReview(r.bead_id, { review_state: 'failed', failure_reason: 'queue cleared by admin', completed_at: ctx.now });
          const b = ctx.town.bead(r.bead_id);
          if (b) ctx.town.updateBead(b.id, { status: 'failed', closed_at: ctx.now, updated_at: ctx.now, version: b.version + 1 });
        }
        ctx.town.updateConfig({ version: config.version + 1, updated_at: ctx.now });
        return config.version + 1;
      },
    };
  },
  'review.set_merge_strategy': (ctx) => {
    const config = ctx.town.config();
    const next = ctx.params.merge_strategy as 'direct' | 'pr';
    if (config.merge_strategy === next)
      throw new EngineError(409, 'invalid_state', `Merge strategy is already ${next}.`, { field: 'merge_strategy' });
    return {
      summary: `Merge strategy: ${config.merge_strategy} → ${next}; applies to the next review the refinery starts.`,
      changes: [change('config', ctx.town.townId, 'town config', 'merge_strategy', config.merge_strategy, next)],
      warnings: next === 'direct' ? ['Direct merges push to the target branch without a pull request.'] : [],
      apply: () => {
        ctx.town.updateConfig({ merge_strategy: next, version: config.version + 1, updated_at: ctx.now });
        return config.version + 1;
      },
    };
  },
};

function restartProcesses(ctx: Ctx) {
  for (const p of ctx.town.processes()) {
    if (p.status === 'running' || p.status === 'starting')
      ctx.town.updateProcess(p.process_id, { status: 'exited', exited_at: ctx.now, exit_code: 143, memory_mb: null });
  }
}

const containerHandlers: Record<string, Handler> = {
  'container.force_restart': (ctx) => {
    const c = ctx.town.container();
    const running = ctx.town.processes().filter((p) => p.status === 'running' || p.status === 'starting');
    return {
      summary: `Restart the town's container (${c.instance_id ?? 'no instance'}); ${running.length} running ${running.length === 1 ? 'process stops' : 'processes stop'} and agents are re-dispatched by the next patrol.`,
      changes: [
        change('container', ctx.town.townId, 'container', 'status', c.status, 'starting'),
        ...running.map((p) => change('container', p.process_id, p.agent_name ?? p.process_id, 'process', p.status, 'exited')),
      ],
      warnings: running.length
        ? [`Work in progress in ${running.length} agent ${running.length === 1 ? 'session' : 'sessions'} is interrupted.`]
        : [],
      apply: () => {
        restartProcesses(ctx);
        ctx.town.addContainerEvent({
          id: ctx.newId(),
          event_type: 'restart',
          exit_code: null,
          reason: 'restarted by admin',
          message: null,
          metadata: {},
          created_at: ctx.now,
        });
        ctx.town.updateContainer({
          status: 'starting',
          health: 'ok',
          started_at: ctx.now,
          last_restart_at: ctx.now,
          version: c.version + 1,
        });
        return c.version + 1;
      },
    };
  },
  'container.force_stop': (ctx) => {
    const c = ctx.town.container();
    if (c.status === 'stopped') throw new EngineError(409, 'invalid_state', 'The container is already stopped.', { field: 'status' });
    const running = ctx.town.processes().filter((p) => p.status === 'running' || p.status === 'starting');
    return {
      summary: `Stop the town's container; ${running.length} running ${running.length === 1 ? 'process ends' : 'processes end'}. It starts again on the next dispatch.`,
      changes: [change('container', ctx.town.townId, 'container', 'status', c.status, 'stopped')],
      warnings: running.length
        ? [`Work in progress in ${running.length} agent ${running.length === 1 ? 'session' : 'sessions'} is lost.`]
        : [],
      apply: () => {
        restartProcesses(ctx);
        ctx.town.addContainerEvent({
          id: ctx.newId(),
          event_type: 'stop',
          exit_code: 0,
          reason: 'stopped by admin',
          message: null,
          metadata: {},
          created_at: ctx.now,
        });
        ctx.town.updateContainer({ status: 'stopped', version: c.version + 1 });
        return c.version + 1;
      },
    };
  },
  'container.update_env': (ctx) => {
    const c = ctx.town.container();
    const changes = ctx.params.changes as { key: string; value: string | null; secret: boolean }[];
    const env = ctx.town.env().map((v) => ({ ...v }));
    const out: ActionChange[] = [];
    for (const ch of changes) {
      const existing = env.find((v) => v.key === ch.key);
      const shown = (v: { value: string; secret: boolean } | undefined | null) => (v ? (v.secret ? MASK : v.value) : null);
      if (ch.value === null) {
        if (!existing) throw new EngineError(400, 'bad_request', `Env var ${ch.key} does not exist.`, { parameter: `changes.${ch.key}` });
        out.push(change('container', ctx.town.townId, 'env', ch.key, shown(existing), null));
        env.splice(env.indexOf(existing), 1);
      } else {
        out.push(change('container', ctx.town.townId, 'env', ch.key, shown(existing), ch.secret || existing?.secret ? MASK : ch.value));
        if (existing) Object.assign(existing, { value: ch.value, secret: ch.secret });
        else env.push({ key: ch.key, value: ch.value, secret: ch.secret });
      }
    }
    return {
      summary: `Update ${changes.length} environment ${changes.length === 1 ? 'variable' : 'variables'}; running processes see them after the next container restart.`,
      changes: out,
      warnings: ['Running agent processes keep their old environment until the container restarts.'],
      apply: () => {
        ctx.town.setEnv(env);
        ctx.town.updateContainer({ version: c.version + 1 });
        return c.version + 1;
      },
    };
  },
  'container.set_sleep_timeout': (ctx) => {
    const c = ctx.town.container();
    const config = ctx.town.config();
    const minutes = Number(ctx.params.sleep_after_minutes);
    return {
      summary: `Container sleeps after ${minutes} idle minutes (was ${config.container.sleep_after_minutes}).`,
      changes: [change('container', ctx.town.townId, 'container', 'sleep_after_minutes', config.container.sleep_after_minutes, minutes)],
      warnings: [],
      apply: () => {
        ctx.town.updateConfig({ container: { sleep_after_minutes: minutes }, version: config.version + 1, updated_at: ctx.now });
        ctx.town.updateContainer({ version: c.version + 1 });
        return c.version + 1;
      },
    };
  },
};

function rigTarget(ctx: Ctx) {
  const rig = need(ctx.town.rig(ctx.targetId), 'rig', ctx.targetId);
  const rc = ctx.town.rigConfig(rig.id);
  return { rig, version: rc?.version ?? 1 };
}

const credentialHandlers: Record<string, Handler> = {
  'credential.force_refresh': (ctx) => {
    const { rig, version } = rigTarget(ctx);
    const cred = ctx.town.credential(rig.id);
    const integration = rig.integration;
    const ok = integration?.status === 'active';
    const error = ok ? null : `integration ${integration?.id ?? '(none)'} is ${integration?.status ?? 'missing'}: cannot mint a token`;
    return {
      summary: ok
        ? `Mint a fresh token for rig ${rig.name} from ${integration!.provider} integration ${integration!.id}.`
        : `Try to refresh rig ${rig.name}'s token — it will fail: ${error}.`,
      changes: [change('credential', rig.id, rig.name, 'status', cred?.status ?? 'unknown', ok ? 'valid' : (cred?.status ?? 'error'))],
      warnings: ok
        ? ['Agents pick the new token up on their next git operation.']
        : ['Re-link the rig to an active integration, or set a token manually.'],
      apply: () => {
        const expires = new Date(Date.parse(ctx.now) + 60 * 60_000).toISOString();
        ctx.town.addCredentialEvent({
          id: ctx.newId(),
          rig_id: rig.id,
          integration_id: integration?.id ?? null,
          kind: 'refresh',
          outcome: ok ? 'success' : 'failure',
          error,
          token_expires_at: ok ? expires : null,
          created_at: ctx.now,
        });
        ctx.town.updateCredential(
          rig.id,
          ok
            ? {
                status: 'valid',
                last_resolved_at: ctx.now,
                token_expires_at: expires,
                last_error: null,
                last_verified_at: ctx.now,
                verification: 'ok',
              }
            : { last_error: error, last_verified_at: ctx.now, verification: 'failed' },
        );
        ctx.town.updateRigConfig(rig.id, { version: version + 1 });
        return version + 1;
      },
    };
  },
  'credential.set_token': (ctx) => {
    const { rig, version } = rigTarget(ctx);
    const cred = ctx.town.credential(rig.id);
    return {
      summary: `Use a manually set git token for rig ${rig.name} instead of the integration. The token is stored server-side and never shown again.`,
      changes: [
        change('credential', rig.id, rig.name, 'source', cred?.source ?? 'integration', 'manual_token'),
        change('credential', rig.id, rig.name, 'token', ctx.town.gitTokenSet() ? '****' : null, '****'),
      ],
      warnings: ['A manual token does not refresh itself: replace it before it expires, or re-link the integration.'],
      apply: () => {
        ctx.town.setGitToken(String(ctx.params.token));
        ctx.town.updateCredential(rig.id, {
          source: 'manual_token',
          status: 'valid',
          last_resolved_at: ctx.now,
          token_expires_at: null,
          last_error: null,
          verification: null,
        });
        ctx.town.addCredentialEvent({
          id: ctx.newId(),
          rig_id: rig.id,
          integration_id: null,
          kind: 'resolve',
          outcome: 'success',
          error: null,
          token_expires_at: null,
          created_at: ctx.now,
        });
        ctx.town.updateRigConfig(rig.id, { version: version + 1 });
        return version + 1;
      },
    };
  },
  'credential.relink_integration': (ctx) => {
    const { rig, version } = rigTarget(ctx);
    const id = String(ctx.params.integration_id);
    return {
      summary: `Link rig ${rig.name} to integration ${id} and mint a token from it.`,
      changes: [change('rig', rig.id, rig.name, 'platform_integration_id', rig.platform_integration_id, id)],
      warnings: [],
      apply: () => {
        const expires = new Date(Date.parse(ctx.now) + 60 * 60_000).toISOString();
        ctx.town.updateRig(rig.id, {
          platform_integration_id: id,
          integration: {
            id,
            provider: rig.integration?.provider ?? 'github',
            account: rig.integration?.account ?? 'unknown',
            status: 'active',
            linked_at: ctx.now,
          },
          updated_at: ctx.now,
        });
        ctx.town.updateCredential(rig.id, {
          source: 'integration',
          integration_id: id,
          status: 'valid',
          last_resolved_at: ctx.now,
          token_expires_at: expires,
          last_error: null,
          last_verified_at: ctx.now,
          verification: 'ok',
        });
        ctx.town.addCredentialEvent({
          id: ctx.newId(),
          rig_id: rig.id,
          integration_id: id,
          kind: 'resolve',
          outcome: 'success',
          error: null,
          token_expires_at: expires,
          created_at: ctx.now,
        });
        ctx.town.updateRigConfig(rig.id, { version: version + 1 });
        return version + 1;
      },
    };
  },
};

function convoyTarget(ctx: Ctx) {
  const bead = need(ctx.town.bead(ctx.targetId), 'convoy', ctx.targetId);
  const convoy = need(ctx.town.convoy(bead.id), 'convoy', ctx.targetId);
  const tracked = ctx.town.dependencies(bead.id).filter((d) => d.bead_id === bead.id && d.dependency_type === 'tracks');
  return { bead, convoy, tracked };
}

const convoyHandlers: Record<string, Handler> = {
  'convoy.force_land': (ctx) => {
    const { bead, convoy, tracked } = convoyTarget(ctx);
    if (convoy.landed_at) throw new EngineError(409, 'invalid_state', 'This convoy has already landed.', { field: 'landed_at' });
    const unclosed = tracked.map((d) => ctx.town.bead(d.depends_on_bead_id)).filter((b) => !b || b.status !== 'closed');
    return {
      summary: `Land convoy ${quote(bead.title)} now at ${convoy.closed_beads}/${convoy.total_beads}: mark it landed and closed.`,
      changes: [
        change('convoy', bead.id, bead.title, 'landed_at', null, ctx.now),
        change('convoy', bead.id, bead.title, 'status', bead.status, 'closed'),
      ],
      warnings: unclosed.length
        ? [
            `${unclosed.length} tracked ${unclosed.length === 1 ? 'bead is' : 'beads are'} not closed (or missing): their work is not in ${convoy.feature_branch ?? 'the feature branch'}.`,
          ]
        : [],
      apply: () => {
        ctx.town.updateConvoy(bead.id, { landed_at: ctx.now });
        ctx.town.updateBead(bead.id, { status: 'closed', closed_at: ctx.now, updated_at: ctx.now, version: bead.version + 1 });
        ctx.town.addBeadEvent({
          id: ctx.newId(),
          bead_id: bead.id,
          agent_id: null,
          event_type: 'closed',
          old_value: bead.status,
          new_value: 'closed',
          metadata: { by: 'admin', forced_land: true },
          created_at: ctx.now,
        });
        return bead.version + 1;
      },
    };
  },
  'convoy.add_tracked': (ctx) => {
    const { bead, convoy, tracked } = convoyTarget(ctx);
    const add = need(ctx.town.bead(String(ctx.params.bead_id)), 'bead', String(ctx.params.bead_id));
    if (tracked.some((d) => d.depends_on_bead_id === add.id))
      throw new EngineError(409, 'invalid_state', `${quote(add.title)} is already tracked by this convoy.`, { field: 'tracked' });
    const closed = convoy.closed_beads + (add.status === 'closed' ? 1 : 0);
    return {
      summary: `Track ${quote(add.title)} in convoy ${quote(bead.title)}: ${convoy.closed_beads}/${convoy.total_beads} → ${closed}/${convoy.total_beads + 1}.`,
      changes: [change('convoy', bead.id, bead.title, 'total_beads', convoy.total_beads, convoy.total_beads + 1)],
      warnings: [],
      apply: () => {
        ctx.town.addDependency({ bead_id: bead.id, depends_on_bead_id: add.id, dependency_type: 'tracks' });
        ctx.town.updateConvoy(bead.id, { total_beads: convoy.total_beads + 1, closed_beads: closed });
        ctx.town.updateBead(bead.id, { updated_at: ctx.now, version: bead.version + 1 });
        return bead.version + 1;
      },
    };
  },
  'convoy.remove_tracked': (ctx) => {
    const { bead, convoy, tracked } = convoyTarget(ctx);
    const id = String(ctx.params.bead_id);
    const dep = tracked.find((d) => d.depends_on_bead_id === id);
    if (!dep) throw new EngineError(404, 'not_found', `Bead ${id} is not tracked by this convoy.`, { resource: 'tracked bead', id });
    const gone = ctx.town.bead(id);
    const closed = convoy.closed_beads - (gone?.status === 'closed' ? 1 : 0);
    return {
      summary: `Stop tracking ${gone ? quote(gone.title) : `missing bead ${id}`}: ${convoy.closed_beads}/${convoy.total_beads} → ${closed}/${convoy.total_beads - 1}.`,
      changes: [change('convoy', bead.id, bead.title, 'total_beads', convoy.total_beads, convoy.total_beads - 1)],
      warnings: !gone ? ['The bead no longer exists (deleted instead of closed): removing it lets the counter reach the total.'] : [],
      apply: () => {
        ctx.town.removeDependency(dep);
        ctx.town.updateConvoy(bead.id, { total_beads: convoy.total_beads - 1, closed_beads: Math.max(0, closed) });
        ctx.town.updateBead(bead.id, { updated_at: ctx.now, version: bead.version + 1 });
        return bead.version + 1;
      },
    };
  },
  'convoy.force_close_children': (ctx) => {
    const { bead, convoy, tracked } = convoyTarget(ctx);
    const ids = ctx.params.bead_ids as string[];
    const children = ids.map((id) => {
      if (!tracked.some((d) => d.depends_on_bead_id === id))
        throw new EngineError(400, 'bad_request', `Bead ${id} is not tracked by this convoy.`, { parameter: 'bead_ids' });
      return need(ctx.town.bead(id), 'bead', id);
    });
    const closing = children.filter((c) => c.status !== 'closed');
    return {
      summary: `Close ${closing.length} tracked ${closing.length === 1 ? 'bead' : 'beads'} of ${quote(bead.title)}: ${convoy.closed_beads}/${convoy.total_beads} → ${convoy.closed_beads + closing.length}/${convoy.total_beads}.`,
      changes: closing.map((c) => change('bead', c.id, c.title, 'status', c.status, 'closed')),
      warnings: closing.some((c) => hookedAgentOf(ctx, c)) ? ['Agents hooked to these beads are unhooked and go idle.'] : [],
      apply: () => {
        for (const c of closing) {
          const agent = hookedAgentOf(ctx, c);
          if (agent) {
            unhookWrites(ctx, agent, c, 'closed', 'completed');
            agentToIdle(ctx, agent, 'bead closed by admin');
          } else {
            ctx.town.updateBead(c.id, { status: 'closed', closed_at: ctx.now, updated_at: ctx.now, version: c.version + 1 });
          }
          ctx.town.addBeadEvent({
            id: ctx.newId(),
            bead_id: c.id,
            agent_id: null,
            event_type: 'closed',
            old_value: c.status,
            new_value: 'closed',
            metadata: { by: 'admin', convoy: bead.id },
            created_at: ctx.now,
          });
        }
        ctx.town.updateConvoy(bead.id, { closed_beads: convoy.closed_beads + closing.length });
        ctx.town.updateBead(bead.id, { updated_at: ctx.now, version: bead.version + 1 });
        return bead.version + 1;
      },
    };
  },
};

function mayorTarget(ctx: Ctx) {
  const agent = need(ctx.town.agent(ctx.targetId), 'agent', ctx.targetId);
  if (agent.role !== 'mayor') throw new EngineError(400, 'bad_request', `${agent.name} is not the Mayor.`, { parameter: 'target' });
  const mayor = need(ctx.town.mayor(), 'mayor session', ctx.targetId);
  return { agent, mayor };
}

const mayorHandlers: Record<string, Handler> = {
  'mayor.force_restart': (ctx) => {
    const { agent, mayor } = mayorTarget(ctx);
    return {
      summary: `Restart the Mayor's session (was ${mayor.session_state}); a new kilo serve process starts with a freshly rendered system prompt.`,
      changes: [change('agent', agent.id, 'Mayor', 'session_state', mayor.session_state, 'starting')],
      warnings:
        mayor.last_user_message && !mayor.last_user_message.answered
          ? ['The unanswered user message is not resent automatically: use "resend last user message" after the restart.']
          : [],
      apply: () => {
        const p = ctx.town.process(agent.id);
        if (p && p.status !== 'exited' && p.status !== 'failed')
          ctx.town.updateProcess(p.process_id, { status: 'exited', exited_at: ctx.now, exit_code: 143 });
        const processId = `proc_${ctx.newId().slice(0, 10).replace(/-/g, '')}`;
        ctx.town.addProcess({
          process_id: processId,
          agent_id: agent.id,
          agent_name: agent.name,
          pid: null,
          command: `kilo serve --session ${agent.identity}`,
          status: 'starting',
          started_at: ctx.now,
          exited_at: null,
          exit_code: null,
          memory_mb: null,
        });
        ctx.town.updateMayor({
          session_state: 'starting',
          session_error: null,
          session_id: `ses_${ctx.newId().replace(/-/g, '').slice(0, 20)}`,
          last_activity_at: ctx.now,
        });
        agentToIdle(ctx, agent, 'restarted by admin', { container_process_id: processId });
        return agent.version + 1;
      },
    };
  },
  'mayor.clear_conversation': (ctx) => {
    const { agent, mayor } = mayorTarget(ctx);
    return {
      summary: "Start the Mayor on an empty conversation (new session); the old conversation stays in the agent's event history.",
      changes: [change('agent', agent.id, 'Mayor', 'session_id', mayor.session_id, '(new)')],
      warnings: ['The Mayor forgets the context of the current conversation.'],
      apply: () => {
        ctx.town.updateMayor({
          session_id: `ses_${ctx.newId().replace(/-/g, '').slice(0, 20)}`,
          session_state: 'idle',
          session_error: null,
          last_user_message: null,
          last_activity_at: ctx.now,
        });
        ctx.town.updateAgent(agent.id, { version: agent.version + 1, agent_status_message: 'conversation cleared by admin' });
        return agent.version + 1;
      },
    };
  },
  'mayor.resend_last_message': (ctx) => {
    const { agent, mayor } = mayorTarget(ctx);
    const message = mayor.last_user_message;
    if (!message) throw new EngineError(409, 'invalid_state', 'There is no user message to resend.', { field: 'last_user_message' });
    return {
      summary: `Send the user's last message again to the Mayor: “${message.text.slice(0, 80)}${message.text.length > 80 ? '…' : ''}”.`,
      changes: [change('agent', agent.id, 'Mayor', 'session_state', mayor.session_state, 'active')],
      warnings:
        mayor.session_state === 'errored' ? ['The session is errored: restart the Mayor first or the message will fail again.'] : [],
      apply: () => {
        ctx.town.updateMayor({
          session_state: 'active',
          last_user_message: { ...message, at: ctx.now, answered: false },
          last_activity_at: ctx.now,
        });
        ctx.town.updateAgent(agent.id, { status: 'working', status_since: ctx.now, version: agent.version + 1 });
        ctx.town.addStatusChange(agent.id, 'working', ctx.now, 'user message resent by admin');
        return agent.version + 1;
      },
    };
  },
};

const configHandlers: Record<string, Handler> = {
  'config.update_town': (ctx) => {
    const config = ctx.town.config();
    const patch = ctx.params.patch as Record<string, unknown>;
    const changes = Object.entries(patch)
      .filter(([k, v]) => canonical((config as Record<string, unknown>)[k]) !== canonical(v))
      .map(([k, v]) => change('config', ctx.town.townId, 'town config', k, (config as Record<string, unknown>)[k], v));
    if (!changes.length)
      throw new EngineError(400, 'bad_request', 'The change is empty: every field already has that value.', { parameter: 'patch' });
    return {
      summary: `Change ${changes.length} town config ${changes.length === 1 ? 'field' : 'fields'}: ${changes.map((c) => c.field).join(', ')}.`,
      changes,
      // Only a lower cap warrants it: raising it stops nothing.
      warnings:
        typeof patch.max_polecats_per_rig === 'number' && patch.max_polecats_per_rig < config.max_polecats_per_rig
          ? ['Lowering max polecats does not stop agents already working.']
          : [],
      apply: () => {
        ctx.town.updateConfig({ ...(patch as object), version: config.version + 1, updated_at: ctx.now });
        return config.version + 1;
      },
    };
  },
  'config.update_rig': (ctx) => {
    const { rig, version } = rigTarget(ctx);
    const rc = ctx.town.rigConfig(rig.id);
    const patch = ctx.params as Record<string, unknown>;
    const changes = Object.entries(patch)
      .filter(([k, v]) => (rc as unknown as Record<string, unknown> | null)?.[k] !== v)
      .map(([k, v]) => change('rig', rig.id, rig.name, k, (rc as unknown as Record<string, unknown> | null)?.[k] ?? null, v));
    if (!changes.length)
      throw new EngineError(400, 'bad_request', 'The change is empty: every field already has that value.', { parameter: 'params' });
    return {
      summary: `Change rig ${rig.name}: ${changes.map((c) => c.field).join(', ')}.`,
      changes,
      warnings: [],
      apply: () => {
        ctx.town.updateRigConfig(rig.id, { ...(patch as object), version: version + 1 });
        return version + 1;
      },
    };
  },
};

const canonical = (v: unknown) => JSON.stringify(v ?? null);

const HANDLERS: Record<ActionName, Handler> = {
  ...agentHandlers,
  ...beadHandlers,
  ...reviewHandlers,
  ...townHandlers,
  ...containerHandlers,
  ...credentialHandlers,
  ...convoyHandlers,
  ...mayorHandlers,
  ...configHandlers,
} as Record<ActionName, Handler>;

/** The version the client must send as If-Match for a target (null when it has none). */
export function targetVersion(town: TownAccess, kind: TargetKind, id: string): number | null {
  switch (kind) {
    case 'agent':
      return town.agent(id)?.version ?? null;
    case 'bead':
    case 'review':
    case 'convoy':
      return town.bead(id)?.version ?? null;
    case 'container':
      return town.container().version;
    case 'town':
    case 'config':
      return town.config().version;
    case 'rig':
    case 'credential':
      return town.rig(id) ? (town.rigConfig(id)?.version ?? 1) : null;
  }
}

/**
 * Secrets in parameters are masked before they reach the audit log or any response: string fields named
 * like a credential (`token`, `password`, …), and an env change's `value` when the variable is secret
 * (`secret: true`, or one of `secretEnvKeys`, the variables secret before the change). An env var's name
 * (`key`) is never masked: the log must say which variable changed.
 */
export function maskParams(value: unknown, secretEnvKeys: ReadonlySet<string> = new Set(), field = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => maskParams(v, secretEnvKeys, field));
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (typeof obj.key === 'string' && 'value' in obj) {
      const secret = obj.secret === true || secretEnvKeys.has(obj.key);
      return Object.fromEntries(
        Object.entries(obj).map(([k, v]) => [
          k,
          k === 'key' ? v : k === 'value' ? (secret && v !== null ? MASK : v) : maskParams(v, secretEnvKeys, k),
        ]),
      );
    }
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, maskParams(v, secretEnvKeys, k)]));
  }
  return typeof value === 'string' && SECRET_FIELD.test(field) ? MASK : value;
}

/**
 * The audit entry's before/after keys, one per change: `label.field` (what the audit table's Change
 * column shows), with a short id after the label when two entities share it (same-titled beads), so
 * one change never overwrites another's entry.
 */
export function auditKeys(changes: ActionChange[]): string[] {
  const idsByLabel = new Map<string, Set<string>>();
  for (const c of changes) idsByLabel.set(c.entity.label, (idsByLabel.get(c.entity.label) ?? new Set<string>()).add(c.entity.id));
  return changes.map((c) => {
    const ids = idsByLabel.get(c.entity.label)!;
    if (ids.size === 1) return `${c.entity.label}.${c.field}`;
    // Eight characters tell the entities apart unless two of the ids share them; then the whole id does.
    const short = new Set([...ids].map((id) => id.slice(0, 8))).size === ids.size;
    return `${c.entity.label} (${short ? c.entity.id.slice(0, 8) : c.entity.id}).${c.field}`;
  });
}

export interface RunInput {
  action: string;
  body: unknown;
  ifMatch: string | null;
  admin: User;
  requestId: string;
  now: string;
  newId: () => string;
}

/**
 * Validates, plans and (unless a dry run) applies an intervention, appending its audit entry.
 * The caller runs this inside one storage transaction so the change and its record land together.
 */
export function runAction(town: TownAccess, audit: AuditLog, input: RunInput): ActionResult {
  const name = ActionName.safeParse(input.action);
  if (!name.success) throw new EngineError(404, 'not_found', `Unknown action "${input.action}".`, { resource: 'action', id: input.action });
  const action = name.data;
  const request = ActionRequest.safeParse(input.body);
  if (!request.success) {
    const issue = request.error.issues[0]!;
    const field = issue.path.join('.') || 'body';
    throw new EngineError(
      400,
      'bad_request',
      field === 'reason'
        ? 'A reason is required (at least 3 characters): it goes into the audit log.'
        : `Invalid request: ${field}: ${issue.message}`,
      { parameter: field },
    );
  }
  const spec = ACTIONS[action];
  if (request.data.target.kind !== spec.target) {
    throw new EngineError(400, 'bad_request', `${action} acts on a ${spec.target}, not a ${request.data.target.kind}.`, {
      parameter: 'target.kind',
    });
  }
  const params = spec.params.safeParse(request.data.params);
  if (!params.success) {
    const issue = params.error.issues[0]!;
    const field = ['params', ...issue.path].join('.');
    throw new EngineError(400, 'bad_request', `Invalid ${field}: ${issue.message}`, { parameter: field });
  }
  // The town, its container and its config are addressed by the town's id; anything else is not here.
  const townLevel = spec.target === 'town' || spec.target === 'container' || spec.target === 'config';
  const current = townLevel && request.data.target.id !== town.townId ? null : targetVersion(town, spec.target, request.data.target.id);
  if (current === null) {
    throw new EngineError(404, 'not_found', `No ${spec.target} with id ${request.data.target.id} in this town.`, {
      resource: spec.target,
      id: request.data.target.id,
    });
  }
  if (!request.data.dryRun) {
    if (input.ifMatch === null)
      throw new EngineError(428, 'precondition_required', 'If-Match (the target version you saw) is required for an intervention.', {
        parameter: 'If-Match',
      });
    if (Number(input.ifMatch) !== current) {
      throw new EngineError(
        409,
        'conflict',
        `The ${spec.target} changed since you loaded it (you saw version ${input.ifMatch}, it is now version ${current}). Reload to see what changed, then decide again.`,
        {
          field: 'version',
          expected: Number(input.ifMatch),
          current,
        },
      );
    }
  }
  const plan = HANDLERS[action]({
    town,
    targetId: request.data.target.id,
    params: params.data as Record<string, unknown>,
    now: input.now,
    newId: input.newId,
  });
  const effect = { summary: plan.summary, changes: plan.changes, warnings: plan.warnings };
  if (request.data.dryRun) return { action, dry_run: true, effect, audit_entry: null, target_version: current };

  // Masked before the writes: whether a variable was secret is read from the env as it stands now.
  const secretEnvKeys = new Set(
    town
      .env()
      .filter((v) => v.secret)
      .map((v) => v.key),
  );
  const auditedParams = maskParams(params.data, secretEnvKeys) as Record<string, unknown>;
  const newVersion = plan.apply();
  const head = audit.head();
  const failed = action === 'credential.force_refresh' && plan.changes[0]?.to !== 'valid';
  const keys = auditKeys(plan.changes);
  const body: Omit<AuditEntry, 'hash'> = {
    seq: (head?.seq ?? 0) + 1,
    id: input.newId(),
    town_id: town.townId,
    at: input.now,
    admin_id: input.admin.id,
    admin_email: input.admin.email,
    action,
    target: request.data.target,
    reason: request.data.reason,
    params: auditedParams,
    before: Object.fromEntries(plan.changes.map((c, i) => [keys[i]!, c.from ?? null])),
    after: Object.fromEntries(plan.changes.map((c, i) => [keys[i]!, c.to ?? null])),
    outcome: failed ? 'failure' : 'success',
    error: failed ? String(plan.summary) : null,
    request_id: input.requestId,
    prev_hash: head?.hash ?? GENESIS_HASH,
  };
  const entry: AuditEntry = { ...body, hash: auditHash(body) };
  audit.append(entry);
  return { action, dry_run: false, effect, audit_entry: entry, target_version: newVersion };
}
