import type { ActionChange, ActionName, LinkedIntegration, ProcessStatus, TargetKind, User } from '../../src/api/schemas';
import type { StoredAgent as Agent, StoredBead as Bead } from '../../scenarios/types';
import { EngineError } from './engine-error';
import type { TownAccess } from './town-access';

/** What an action would do, computed before anything is written, so a dry run and the real run agree. */
export interface Plan {
  summary: string;
  /**
   * Every fact an operator reads that the action changes (src/api/contract/town-facts.ts says which), from
   * its value now to its value after. A value only the write can know is NEW_VALUE here; `apply` sets the
   * change's `to` to what it became, so the answer and the audit say what happened.
   */
  changes: ActionChange[];
  warnings: string[];
  /** Performs the writes; returns the target's new version. */
  apply(): number | null;
  /** Set by `apply` when the action ran but did not achieve its aim (a refresh the integration refused): what happened. */
  failure?: string | null;
}

export interface Ctx {
  town: TownAccess;
  targetId: string;
  params: Record<string, unknown>;
  now: string;
  newId: () => string;
  /** The town owner's linked integrations (the platform's records), for actions that link one. */
  integrations: LinkedIntegration[];
  /** Who acts (the verified token's user), for actions that record it on the target (an acknowledgement). */
  admin: User;
}

export type Handler = (ctx: Ctx) => Plan;

/** The actions of one family, by the prefix of their names in ACTIONS (`agent.force_reset` is `agent`'s). */
export type FamilyAction<F extends string> = Extract<ActionName, `${F}.${string}`>;

/** One handler per action of a family: a family file that misses one, or names one not in ACTIONS, does not compile. */
export type FamilyHandlers<F extends string> = Record<FamilyAction<F>, Handler>;

export function change(kind: TargetKind, id: string, label: string, field: string, from: unknown, to: unknown): ActionChange {
  return { entity: { kind, id, label }, field, from, to };
}

export { NEW_VALUE } from '../../src/api/schemas';

/** Only the changes that change something: a plan lists a field when its value moves. */
export function moved(...changes: (ActionChange | null | false | undefined)[]): ActionChange[] {
  return changes.filter((c): c is ActionChange => !!c && JSON.stringify(c.from ?? null) !== JSON.stringify(c.to ?? null));
}

/** The assignee's name as the bead list shows it. */
export function assigneeName(ctx: Ctx, bead: Bead): string | null {
  return bead.assignee_agent_bead_id ? (ctx.town.agent(bead.assignee_agent_bead_id)?.name ?? null) : null;
}

/** The process state the agent list shows: its current process, else its most recent one. */
export function shownProcess(ctx: Ctx, agent: Agent): ProcessStatus | null {
  const mine = ctx.town.processes().filter((p) => p.agent_id === agent.id);
  const current = mine.find((p) => p.process_id === agent.container_process_id);
  if (current) return current.status;
  const latest = [...mine].sort((a, b) => (a.started_at < b.started_at ? 1 : a.started_at > b.started_at ? -1 : 0))[0];
  return latest?.status ?? null;
}

/** What `agentToIdle` changes that an operator sees. */
export function idleChanges(agent: Agent): ActionChange[] {
  return moved(
    change('agent', agent.id, agent.name, 'status', agent.status, 'idle'),
    change('agent', agent.id, agent.name, 'current_hook_bead_id', agent.current_hook_bead_id, null),
  );
}

/** What `unhookWrites` changes on the bead: its status, and its assignee cleared. */
export function unhookBeadChanges(ctx: Ctx, bead: Bead | null, status: Bead['status']): ActionChange[] {
  if (!bead) return [];
  return moved(
    change('bead', bead.id, bead.title, 'status', bead.status, status),
    change('bead', bead.id, bead.title, 'assignee', assigneeName(ctx, bead), null),
  );
}

/** Open blockers of a bead (its `blocks` dependencies not closed), named in a warning before work moves behind them. */
export function blockerWarning(ctx: Ctx, bead: Bead): string[] {
  const blockers = ctx.town
    .dependencies(bead.id)
    .filter((d) => d.bead_id === bead.id && d.dependency_type === 'blocks')
    .map((d) => ctx.town.bead(d.depends_on_bead_id))
    .filter((b): b is Bead => !!b && b.status !== 'closed');
  return blockers.map(
    (b) =>
      `${quote(bead.title)} waits on ${quote(b.title)} (${b.id.slice(0, 8)}), which is ${b.status}: ${
        b.status === 'failed' ? 'it will not start until that blocker is retried or closed' : 'it starts once that blocker closes'
      }.`,
  );
}

export function need<T>(value: T | null | undefined, what: string, id: string): T {
  if (value === null || value === undefined)
    throw new EngineError(404, 'not_found', `No ${what} with id ${id} in this town.`, { resource: what, id });
  return value;
}

export const quote = (s: string) => `“${s.length > 60 ? `${s.slice(0, 57)}…` : s}”`;

/** Unhooks an agent from its bead: the bead goes back to open (or `beadStatus`), the agent to idle. */
export function unhookWrites(
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

export function agentToIdle(ctx: Ctx, agent: Agent, reason: string, extra: Partial<Agent> = {}) {
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

/**
 * The agent hooked to a bead: the one whose hook points at it; else, for a bead in progress, its assignee
 * if that agent lost its hook (holds none). Never the author of a bead in review who has moved on to
 * other work: unhooking that agent would drop the hook it holds now.
 */
export function hookedAgentOf(ctx: Ctx, bead: Bead): Agent | null {
  const hooked = ctx.town.agents().find((a) => a.current_hook_bead_id === bead.id);
  if (hooked) return hooked;
  if (bead.status !== 'in_progress' || !bead.assignee_agent_bead_id) return null;
  const assignee = ctx.town.agent(bead.assignee_agent_bead_id);
  return assignee && assignee.current_hook_bead_id === null ? assignee : null;
}

export function blockedNote(ctx: Ctx, bead: Bead | null, stays: boolean): string[] {
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

export function processWarning(ctx: Ctx, agent: Agent): string[] {
  const p = ctx.town.process(agent.id);
  return p && (p.status === 'running' || p.status === 'starting')
    ? [`${agent.name}'s process ${p.process_id} keeps running in the container: this does not stop work in progress (use force-kill).`]
    : [];
}

/** A rig's credential and its config share the rig config's version (1 until the rig has a config row). */
export function rigTarget(ctx: Ctx) {
  const rig = need(ctx.town.rig(ctx.targetId), 'rig', ctx.targetId);
  const rc = ctx.town.rigConfig(rig.id);
  return { rig, version: rc?.version ?? 1 };
}
