import type { Bead } from '../../src/api/schemas';
import { first, insert, str } from '../db/sql';
import type { Tick } from './tick';
import { addBead, beadEvent } from './world';

/**
 * The branch a tracked bead's work merges into: the feature branch of an open `review-then-land` convoy
 * that tracks it (the convoy lands that branch as a whole later), else the target branch.
 */
export function targetBranchOf(tick: Tick, beadId: string): string {
  const convoy = first(
    tick.sql,
    `SELECT c.feature_branch FROM bead_dependencies d JOIN convoys c ON c.bead_id = d.bead_id
     WHERE d.depends_on_bead_id = ? AND d.dependency_type = 'tracks' AND c.merge_mode = 'review-then-land'
       AND c.landed_at IS NULL AND c.feature_branch IS NOT NULL
     ORDER BY d.bead_id LIMIT 1`,
    beadId,
  );
  return convoy ? str(convoy.feature_branch) : 'main';
}

/**
 * Opens a merge request for `source`'s branch: a `merge_request` bead that tracks its source, and a
 * pending review row at the back of the refinery's queue.
 */
export function openMergeRequest(
  tick: Tick,
  source: Bead,
  mr: { title: string; branch: string; target: string; createdBy: string; agentId: string | null; rigId?: string | null },
): Bead {
  const bead = addBead(tick, {
    type: 'merge_request',
    status: 'open',
    title: mr.title,
    body: `Review and merge ${mr.branch} into ${mr.target}.`,
    rig_id: mr.rigId === undefined ? source.rig_id : mr.rigId,
    parent_bead_id: null,
    assignee_agent_bead_id: null,
    priority: source.priority,
    labels: [],
    metadata: { branch: mr.branch, source_bead_id: source.id },
    dispatch_attempts: 0,
    last_dispatch_attempt_at: null,
    created_by: mr.createdBy,
  });
  tick.town.addDependency({ bead_id: bead.id, depends_on_bead_id: source.id, dependency_type: 'tracks' });
  insert(tick.sql, 'reviews', {
    bead_id: bead.id,
    source_bead_id: source.id,
    branch: mr.branch,
    target_branch: mr.target,
    pr_url: null,
    pr_state: null,
    review_state: 'pending',
    failure_reason: null,
    refinery_agent_id: null,
    retry_count: 0,
    merge_commit: null,
    enqueued_at: tick.iso,
    started_at: null,
    completed_at: null,
  });
  beadEvent(tick, source.id, 'review_submitted', { agentId: mr.agentId, value: bead.id });
  return bead;
}
