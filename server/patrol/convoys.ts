import { all, first } from '../db/sql';
import { openMergeRequest } from './merge-requests';
import type { PatrolStep, Tick } from './tick';
import { beadById, beadEvent, setBeadStatus } from './world';

/**
 * Convoys: counters follow their tracked beads (total = tracked edges, a deleted bead's included;
 * closed = tracked beads that are closed). A convoy whose tracked beads are all present and closed is
 * complete. Under `review-then-land` its beads merged into the feature branch, so it opens a landing
 * merge request from that branch into the target, which the refinery reviews and merges like any other;
 * the convoy lands when it has merged (by the refinery, or an admin's direct merge). A `review-and-merge` convoy (each bead merged into the
 * target already) or one without a feature branch lands as soon as it is complete.
 */
export const convoyStep: PatrolStep = {
  name: 'convoys',
  run(tick) {
    // Only the convoys the schema's triggers marked (a tracked bead changed status, an edge came or
    // went): the 10k-bead town has hundreds of convoys and 20k edges.
    const changed = all(
      tick.sql,
      `SELECT x.bead_id FROM convoys_dirty x JOIN convoys c ON c.bead_id = x.bead_id WHERE c.landed_at IS NULL ORDER BY x.bead_id`,
    );
    tick.sql.exec('DELETE FROM convoys_dirty');
    for (const { bead_id } of all(
      tick.sql,
      `SELECT c.bead_id FROM convoys c JOIN reviews r ON r.bead_id = c.landing_mr_bead_id
       WHERE c.landed_at IS NULL AND r.review_state = 'merged' ORDER BY c.bead_id`,
    ))
      landConvoy(
        tick,
        String(bead_id),
        tick.town.review(tick.town.convoy(String(bead_id))!.landing_mr_bead_id!)?.refinery_agent_id ?? null,
      );
    for (const { bead_id } of changed) {
      const row = first(
        tick.sql,
        `SELECT c.bead_id, c.total_beads, c.closed_beads, count(d.bead_id) AS total, count(t.id) AS present,
           coalesce(sum(t.status = 'closed'), 0) AS closed
         FROM convoys c
         LEFT JOIN bead_dependencies d ON d.bead_id = c.bead_id AND d.dependency_type = 'tracks'
         LEFT JOIN beads t ON t.id = d.depends_on_bead_id
         WHERE c.bead_id = ? GROUP BY c.bead_id`,
        bead_id,
      )!;
      const id = String(row.bead_id);
      const [total, present, closed] = [Number(row.total), Number(row.present), Number(row.closed)];
      if (total !== Number(row.total_beads) || closed !== Number(row.closed_beads))
        tick.town.updateConvoy(id, { total_beads: total, closed_beads: closed });
      if (total === 0 || present !== total || closed !== total) continue;
      const convoy = tick.town.convoy(id)!;
      if (convoy.landed_at) continue;
      if (convoy.merge_mode === 'review-and-merge' || !convoy.feature_branch) landConvoy(tick, id, null);
      else if (!convoy.landing_mr_bead_id) openLanding(tick, id, convoy.feature_branch, convoy.target_branch);
    }
  },
};

/** The landing merge request: the feature branch into the target, queued for the refinery; the convoy is in review. */
function openLanding(tick: Tick, convoyId: string, branch: string, target: string): void {
  const bead = beadById(tick, convoyId);
  if (!bead) return;
  const title = bead.title.replace(/^Convoy:\s*/, '');
  // A convoy bead may name no rig; its landing is a git merge in the rig its tracked work was done in.
  const rig = first(
    tick.sql,
    `SELECT t.rig_id FROM bead_dependencies d JOIN beads t ON t.id = d.depends_on_bead_id
     WHERE d.bead_id = ? AND d.dependency_type = 'tracks' AND t.rig_id IS NOT NULL ORDER BY t.created_at, t.id LIMIT 1`,
    convoyId,
  );
  const mr = openMergeRequest(tick, bead, {
    title: `Land convoy: ${title}`,
    branch,
    target,
    rigId: bead.rig_id ?? (rig ? String(rig.rig_id) : null),
    createdBy: 'system',
    agentId: null,
  });
  tick.town.updateConvoy(convoyId, { landing_mr_bead_id: mr.id });
  if (bead.status !== 'in_review') setBeadStatus(tick, bead, 'in_review');
}

/** The convoy has shipped: landed now (by its landing merge request, or directly), its bead closed. */
function landConvoy(tick: Tick, convoyId: string, refineryId: string | null): void {
  const convoy = tick.town.convoy(convoyId);
  if (!convoy || convoy.landed_at) return;
  tick.town.updateConvoy(convoyId, { landed_at: tick.iso });
  const bead = beadById(tick, convoyId);
  if (bead && bead.status !== 'closed') setBeadStatus(tick, bead, 'closed', {}, refineryId);
  beadEvent(tick, convoyId, 'fields_updated', {
    agentId: refineryId,
    value: 'landed',
    metadata: { analytics: 'convoy.landed', closed_beads: convoy.closed_beads, landing_mr_bead_id: convoy.landing_mr_bead_id },
  });
}
