import type { ReviewRow } from '../../scenarios/types';
import { first } from '../db/sql';
import { condition } from './conditions';
import type { PatrolStep, Tick } from './tick';
import {
  agentsWhere,
  beadById,
  beadEvent,
  gitOperation,
  liveProcess,
  minutesSince,
  recordUsage,
  sendSdkEvents,
  setAgentStatus,
  setBeadStatus,
  startProcess,
} from './world';
import { toolCall } from './work';

/** Gates and review take a few minutes; a conflict is retried 3 times (rework) before the review fails. */
const REVIEW_MINUTES = 3;
const MAX_RETRIES = 3;
/** Under `pr`, an open PR is merged by the platform within a few polls. */
const PR_MERGE_CHANCE = 0.35;

/**
 * The refinery reviews the queue one merge request at a time, oldest first: gates, then the merge.
 * A branch that conflicts with its target fails the merge (git operation with stderr): the request goes
 * back in the queue with `retry_count` + 1, and fails after 3 retries. A clean merge lands directly
 * under the `direct` strategy; under `pr` it opens a pull request the refinery polls (every
 * `pr_poll_seconds`) until merged. A merged request closes its source bead (a convoy's landing request
 * leaves its convoy to the convoy step, which lands it).
 */
export const refineryStep: PatrolStep = {
  name: 'refinery',
  run(tick) {
    const refinery = agentsWhere(tick, `role = 'refinery'`)[0];
    if (!refinery || refinery.status === 'dead' || refinery.status === 'stalled') return;
    if (tick.town.container().status !== 'running') return;
    let running = reviewIn(tick, 'running');
    if (!running) {
      const next = reviewIn(tick, 'pending');
      if (!next) {
        if (refinery.status === 'working') setAgentStatus(tick, refinery, 'idle', 'review queue empty', { active_tools: [] });
        return;
      }
      tick.town.updateReview(next.bead_id, { review_state: 'running', started_at: tick.iso, refinery_agent_id: refinery.id });
      const mr = beadById(tick, next.bead_id);
      if (mr) setBeadStatus(tick, mr, 'in_progress', { assignee_agent_bead_id: refinery.id }, refinery.id);
      setAgentStatus(tick, refinery, 'working', `reviewing ${mr?.title ?? next.bead_id}`.slice(0, 120), { active_tools: ['bash'] });
      running = { ...next, review_state: 'running', started_at: tick.iso };
    }
    if (!liveProcess(tick, refinery.id)) startProcess(tick, refinery);
    review(tick, running);
  },
};

function reviewIn(tick: Tick, state: ReviewRow['review_state']): ReviewRow | null {
  const row = first(tick.sql, 'SELECT bead_id FROM reviews WHERE review_state = ? ORDER BY enqueued_at, bead_id LIMIT 1', state);
  return row ? tick.town.review(String(row.bead_id)) : null;
}

function review(tick: Tick, r: ReviewRow): void {
  const refinery = agentsWhere(tick, `role = 'refinery'`)[0]!;
  const mr = beadById(tick, r.bead_id);
  const source = r.source_bead_id ? beadById(tick, r.source_bead_id) : null;
  const rigId = mr?.rig_id ?? source?.rig_id ?? null;
  const strategy = tick.town.config().merge_strategy;
  sendSdkEvents(tick, refinery.id, [
    toolCall(tick, 'bash', { command: r.pr_state === 'open' ? `gh pr view ${r.pr_url ?? ''}` : 'npm test' }, 'completed'),
  ]);
  recordUsage(tick, refinery.id, source?.id ?? null, tick.rng.int(1_500, 5_000), tick.rng.int(100, 600));

  const conflict = condition(tick, 'merge_conflict', r.bead_id);
  if (!conflict && r.pr_state === 'open' && r.pr_url) {
    if (tick.rng.chance(PR_MERGE_CHANCE)) merged(tick, r, refinery.id, source?.id ?? null, rigId);
    return;
  }
  if (minutesSince(tick, r.started_at) < REVIEW_MINUTES) return;
  // A conflicting branch cannot merge, by PR or directly, until it is rebased.
  if (conflict) {
    const file = String(conflict.detail.file ?? 'a file');
    gitOperation(tick, {
      operation: 'merge',
      command: `git merge --no-ff ${r.branch}`,
      rig_id: rigId,
      agent_id: refinery.id,
      bead_id: source?.id ?? null,
      exitCode: 1,
      stderr: String(conflict.detail.stderr ?? `CONFLICT (content): Merge conflict in ${file}`),
    });
    if (r.retry_count >= MAX_RETRIES) {
      tick.town.updateReview(r.bead_id, { review_state: 'failed', failure_reason: `merge conflict in ${file}`, completed_at: tick.iso });
      if (mr) setBeadStatus(tick, mr, 'failed', {}, refinery.id);
      if (source)
        beadEvent(tick, source.id, 'review_completed', {
          agentId: refinery.id,
          value: 'failed',
          metadata: { reason: `merge conflict in ${file}` },
        });
      setAgentStatus(tick, refinery, 'idle', 'review failed', { active_tools: [] });
    } else {
      tick.town.updateReview(r.bead_id, {
        review_state: 'pending',
        retry_count: r.retry_count + 1,
        started_at: null,
        enqueued_at: tick.iso,
      });
      if (mr) beadEvent(tick, mr.id, 'rework_requested', { agentId: refinery.id, metadata: { retry: r.retry_count + 1 } });
    }
    return;
  }
  if (strategy === 'pr') {
    const git = rigId ? (tick.town.rig(rigId)?.git_url ?? '') : '';
    const url = `${git.replace(/\.git$/, '')}/pull/${tick.rng.int(120, 980)}`;
    tick.town.updateReview(r.bead_id, { pr_url: url, pr_state: 'open' });
    if (source) beadEvent(tick, source.id, 'pr_created', { agentId: refinery.id, value: url });
    return;
  }
  merged(tick, r, refinery.id, source?.id ?? null, rigId);
}

function merged(tick: Tick, r: ReviewRow, refineryId: string, sourceId: string | null, rigId: string | null): void {
  gitOperation(tick, {
    operation: 'merge',
    command: `git merge --no-ff ${r.branch}`,
    rig_id: rigId,
    agent_id: refineryId,
    bead_id: sourceId,
  });
  tick.town.updateReview(r.bead_id, {
    review_state: 'merged',
    pr_state: r.pr_url ? 'merged' : null,
    merge_commit: tick.ids.uuid().replace(/-/g, '').padEnd(40, '0').slice(0, 40),
    failure_reason: null,
    completed_at: tick.iso,
  });
  const mr = beadById(tick, r.bead_id);
  if (mr && mr.status !== 'closed') setBeadStatus(tick, mr, 'closed', {}, refineryId);
  const source = sourceId ? beadById(tick, sourceId) : null;
  if (source) {
    beadEvent(tick, source.id, 'review_completed', { agentId: refineryId, value: 'merged' });
    // A convoy's landing merge request: the convoy step lands the convoy (and closes it) this tick.
    if (source.type !== 'convoy' && source.status !== 'closed') setBeadStatus(tick, source, 'closed', {}, refineryId);
  }
  const refinery = agentsWhere(tick, `id = ?`, refineryId)[0];
  if (refinery) setAgentStatus(tick, refinery, 'idle', 'review merged', { active_tools: [] });
}
