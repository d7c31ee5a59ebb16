import type { StoredBead as Bead } from '../../../scenarios/types';
import { agentToIdle, change, hookedAgentOf, idleChanges, moved, need, processWarning, quote, type Ctx, type Plan } from '../plan';

const titles = (beads: Bead[]) =>
  `${beads
    .slice(0, 3)
    .map((b) => quote(b.title))
    .join(', ')}${beads.length > 3 ? ` and ${beads.length - 3} more` : ''}`;
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Deletes a bead, as production's "delete beads" does, but without production's known stall: the
 * convoys that tracked it stop tracking it in the same write (their counters lose it), so a convoy
 * whose other beads are closed can still land. An agent hooked to it is unhooked and goes idle. Its
 * dependency edges go with it; what waited on it is named, as is a merge request still open for it.
 */
export function deleteBead(ctx: Ctx): Plan {
  const bead = need(ctx.town.bead(ctx.targetId), 'bead', ctx.targetId);
  const agent = hookedAgentOf(ctx, bead);
  const edges = ctx.town.dependencies(bead.id);
  const beadOf = (id: string) => ctx.town.bead(id);
  const trackedBy = edges
    .filter((d) => d.dependency_type === 'tracks' && d.depends_on_bead_id === bead.id)
    .map((d) => ({ dep: d, convoy: ctx.town.convoy(d.bead_id), bead: beadOf(d.bead_id) }))
    .filter((c): c is { dep: typeof c.dep; convoy: NonNullable<typeof c.convoy>; bead: Bead } => !!c.convoy && !!c.bead);
  const blocks = ctx.town.blockedBy(bead.id).filter((b) => b.status !== 'closed' && b.status !== 'failed');
  const waitsOn = edges
    .filter((d) => d.bead_id === bead.id && d.dependency_type === 'blocks')
    .map((d) => beadOf(d.depends_on_bead_id))
    .filter((b): b is Bead => !!b);
  // A merge request opened for this bead (it tracks its source) that has not merged or closed yet.
  const openMrs = ctx.town
    .reviews()
    .filter((r) => r.source_bead_id === bead.id && (r.review_state === 'pending' || r.review_state === 'running'))
    .map((r) => beadOf(r.bead_id))
    .filter((b): b is Bead => !!b && b.status !== 'closed' && b.status !== 'failed');
  const closed = bead.status === 'closed';
  const convoyChanges = trackedBy.flatMap(({ convoy, bead: c }) =>
    moved(
      change('convoy', c.id, c.title, 'total_beads', convoy.total_beads, convoy.total_beads - 1),
      change('convoy', c.id, c.title, 'closed_beads', convoy.closed_beads, Math.max(0, convoy.closed_beads - (closed ? 1 : 0))),
    ),
  );

  const parts = [
    agent ? `${agent.name} is unhooked and goes idle` : null,
    trackedBy.length
      ? `${count(trackedBy.length, 'convoy')} ${trackedBy.length === 1 ? 'stops' : 'stop'} tracking it (${titles(trackedBy.map((t) => t.bead))})`
      : null,
    edges.length ? `its ${count(edges.length, 'dependency edge')} go with it` : null,
  ].filter(Boolean);
  const warnings = [
    ...(bead.status === 'in_progress' ? [`${quote(bead.title)} is in progress: its work so far is lost with it.`] : []),
    ...(agent ? processWarning(ctx, agent) : []),
    ...(openMrs.length
      ? [`Its merge request ${titles(openMrs)} is still in the review queue: it stays there (close it with review.force_close).`]
      : []),
    ...(blocks.length
      ? [`${count(blocks.length, 'bead')} waiting on it no longer wait${blocks.length === 1 ? 's' : ''}: ${titles(blocks)}.`]
      : []),
    ...(waitsOn.length ? [`It waited on ${titles(waitsOn)}; those stay as they are.`] : []),
    'Deleting cannot be undone: the bead, its labels and its event history are removed (the audit entry keeps its title).',
  ];
  return {
    summary: `Delete ${bead.type} ${quote(bead.title)} (${bead.status})${parts.length ? `; ${parts.join('; ')}` : ''}.`,
    changes: [
      change('bead', bead.id, bead.title, 'exists', true, false),
      ...(agent ? idleChanges(agent).filter((c) => c.entity.id === agent.id) : []),
      ...convoyChanges,
    ],
    warnings,
    apply: () => {
      if (agent) {
        ctx.town.endAssignment(agent.id, bead.id, ctx.now, 'unhooked');
        agentToIdle(ctx, agent, 'bead deleted by admin');
      }
      for (const { convoy, bead: c } of trackedBy) {
        ctx.town.updateConvoy(c.id, {
          total_beads: convoy.total_beads - 1,
          closed_beads: Math.max(0, convoy.closed_beads - (closed ? 1 : 0)),
        });
        ctx.town.updateBead(c.id, { updated_at: ctx.now, version: c.version + 1 });
      }
      ctx.town.deleteBead(bead.id);
      return null;
    },
  };
}
