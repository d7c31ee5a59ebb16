import { EngineError } from '../engine-error';
import {
  agentToIdle,
  change,
  hookedAgentOf,
  idleChanges,
  moved,
  need,
  quote,
  unhookBeadChanges,
  unhookWrites,
  type Ctx,
  type FamilyHandlers,
} from '../plan';

const CHILD_CLOSED = 'source bead closed by admin (convoy)';

/** A convoy is a bead with a convoy row; the beads it tracks are its `tracks` dependencies. */
function convoyTarget(ctx: Ctx) {
  const bead = need(ctx.town.bead(ctx.targetId), 'convoy', ctx.targetId);
  const convoy = need(ctx.town.convoy(bead.id), 'convoy', ctx.targetId);
  const tracked = ctx.town.dependencies(bead.id).filter((d) => d.bead_id === bead.id && d.dependency_type === 'tracks');
  return { bead, convoy, tracked };
}

export const convoyHandlers: FamilyHandlers<'convoy'> = {
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
      changes: moved(
        change('convoy', bead.id, bead.title, 'total_beads', convoy.total_beads, convoy.total_beads + 1),
        change('convoy', bead.id, bead.title, 'closed_beads', convoy.closed_beads, closed),
      ),
      warnings: convoy.landed_at ? [`Convoy ${quote(bead.title)} already landed: a bead tracked now is not part of what it shipped.`] : [],
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
      changes: moved(
        change('convoy', bead.id, bead.title, 'total_beads', convoy.total_beads, convoy.total_beads - 1),
        change('convoy', bead.id, bead.title, 'closed_beads', convoy.closed_beads, Math.max(0, closed)),
      ),
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
    // A closed child's merge requests that never merged close with it: left open, a failed one keeps the town failing.
    const mrs = closing.flatMap((c) =>
      ctx.town
        .reviews()
        .filter((r) => r.source_bead_id === c.id && r.review_state !== 'merged' && ctx.town.bead(r.bead_id)?.status !== 'closed'),
    );
    const childChanges = closing.flatMap((c) => {
      const agent = hookedAgentOf(ctx, c);
      return agent
        ? [...unhookBeadChanges(ctx, c, 'closed'), ...idleChanges(agent)]
        : [change('bead', c.id, c.title, 'status', c.status, 'closed')];
    });
    const mrChanges = mrs.flatMap((r) => {
      const mr = ctx.town.bead(r.bead_id)!;
      return moved(
        change('review', mr.id, mr.title, 'status', mr.status, 'closed'),
        change('review', mr.id, mr.title, 'review_state', r.review_state, 'failed'),
        change('review', mr.id, mr.title, 'failure_reason', r.failure_reason, r.failure_reason ?? CHILD_CLOSED),
      );
    });
    const openPrs = mrs.filter((r) => r.pr_url && r.pr_state === 'open');
    return {
      summary: `Close ${closing.length} tracked ${closing.length === 1 ? 'bead' : 'beads'} of ${quote(bead.title)}: ${convoy.closed_beads}/${convoy.total_beads} → ${convoy.closed_beads + closing.length}/${convoy.total_beads}.`,
      changes: [
        ...childChanges,
        ...mrChanges,
        ...moved(change('convoy', bead.id, bead.title, 'closed_beads', convoy.closed_beads, convoy.closed_beads + closing.length)),
      ],
      warnings: [
        ...(closing.some((c) => hookedAgentOf(ctx, c)) ? ['Agents hooked to these beads are unhooked and go idle.'] : []),
        ...(mrs.length
          ? [
              `${mrs.length} unmerged merge ${mrs.length === 1 ? 'request closes' : 'requests close'} with ${closing.length === 1 ? 'it' : 'them'}: ${mrs.map((r) => quote(ctx.town.bead(r.bead_id)!.title)).join(', ')}.`,
            ]
          : []),
        ...openPrs.map((r) => `The pull request on GitHub stays open (${r.pr_url}): close it there if its work is abandoned.`),
      ],
      apply: () => {
        for (const r of mrs) {
          const mr = ctx.town.bead(r.bead_id)!;
          ctx.town.updateReview(r.bead_id, {
            review_state: 'failed',
            failure_reason: r.failure_reason ?? CHILD_CLOSED,
            completed_at: r.completed_at ?? ctx.now,
          });
          ctx.town.updateBead(mr.id, { status: 'closed', closed_at: ctx.now, updated_at: ctx.now, version: mr.version + 1 });
        }
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
