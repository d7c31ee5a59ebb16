import type { ReviewState } from '../../src/api/schemas';
import type { StoredAgent as Agent, StoredBead as Bead } from '../types';
import type { TownBuilder } from '../town-builder';
import { setAgentStatus, touch } from './agents';
import { addBead, depend, recordBeadEvent, setBeadStatus } from './beads';
import { recordGitOp } from './history';

/**
 * The refinery's review queue: merge requests (a `merge_request` bead tracking its source bead, plus
 * its review row), the refinery's own status while it reviews, the merge and push it runs on success,
 * and the queue samples derived from the reviews.
 */

const HOUR = 60;

/**
 * A merge-request bead tracking `source`, in the refinery's queue. The refinery works while it
 * reviews (started → completed) and goes idle when the review is done; the MR bead follows the
 * review: open while pending, in progress while reviewed, closed when merged, failed when failed.
 */
export function addMergeRequest(
  b: TownBuilder,
  source: Bead,
  author: Agent,
  state: ReviewState,
  minutesAgoAt: number,
  opts: { retries?: number; failure?: string; prUrl?: string | null; startedMinutesAgo?: number; completedMinutesAgo?: number } = {},
) {
  const branch = (source.metadata.branch as string | undefined) ?? `gt/${author.name.toLowerCase()}/${source.id.slice(0, 8)}`;
  const mr = addBead(b, {
    title: `Merge: ${source.title}`,
    type: 'merge_request',
    createdMinutesAgo: minutesAgoAt,
    rigId: source.rig_id,
    priority: source.priority,
    createdBy: author.name,
    metadata: { branch, source_bead_id: source.id },
    body: `Review and merge ${branch} into main.`,
  });
  depend(b, mr, source, 'tracks');
  recordBeadEvent(b, source, 'review_submitted', minutesAgoAt, { agentId: author.id, newValue: mr.id });
  const started = state === 'pending' ? null : (opts.startedMinutesAgo ?? minutesAgoAt - 2);
  const completed = state === 'merged' || state === 'failed' ? (opts.completedMinutesAgo ?? Math.max(0, started! - 12)) : null;
  const prNumber = b.rng.int(120, 980);
  const repo = b.seed.rigs.find((r) => r.id === source.rig_id) ?? b.seed.rigs[0]!;
  const prUrl =
    opts.prUrl === undefined
      ? b.seed.config.merge_strategy === 'pr'
        ? `${repo.git_url.replace(/\.git$/, '')}/pull/${prNumber}`
        : null
      : opts.prUrl;
  if (started !== null) {
    setBeadStatus(b, mr, 'in_progress', started, b.refinery.id);
    setAgentStatus(b, b.refinery, 'working', started, `reviewing ${mr.id}`);
    touch(b, b.refinery, started);
  }
  if (state === 'merged') {
    setBeadStatus(b, mr, 'closed', completed!, b.refinery.id);
    recordBeadEvent(b, source, 'review_completed', completed!, { agentId: b.refinery.id, newValue: 'merged' });
  } else if (state === 'failed') {
    setBeadStatus(b, mr, 'failed', completed!, b.refinery.id);
    recordBeadEvent(b, source, 'review_completed', completed!, {
      agentId: b.refinery.id,
      newValue: 'failed',
      metadata: { reason: opts.failure ?? null },
    });
  }
  if (completed !== null) {
    setAgentStatus(b, b.refinery, 'idle', completed, state === 'merged' ? 'review merged' : 'review failed');
    touch(b, b.refinery, completed);
  }
  const mergeCommit = state === 'merged' ? b.rng.hex(40) : null;
  b.seed.reviews.push({
    bead_id: mr.id,
    source_bead_id: source.id,
    branch,
    target_branch: 'main',
    pr_url: prUrl,
    pr_state: prUrl ? (state === 'merged' ? 'merged' : 'open') : null,
    review_state: state,
    failure_reason: state === 'failed' ? (opts.failure ?? 'gates failed') : null,
    refinery_agent_id: state === 'pending' ? null : b.refinery.id,
    retry_count: opts.retries ?? 0,
    merge_commit: mergeCommit,
    enqueued_at: b.ago(minutesAgoAt),
    started_at: started === null ? null : b.ago(started),
    completed_at: completed === null ? null : b.ago(completed),
  });
  if (state === 'merged') {
    recordGitOp(b, { operation: 'merge', minutesAgoAt: completed! + 1, agent: b.refinery, bead: source });
    recordGitOp(b, {
      operation: 'push',
      minutesAgoAt: completed!,
      agent: b.refinery,
      bead: source,
      command: 'git push origin main',
    });
  }
  return mr;
}

/**
 * The first slot of `duration` minutes, starting `desiredStart` minutes ago or later, in which the
 * refinery reviews nothing else (it reviews one merge request at a time). [start, end] in minutes ago.
 */
export function findReviewSlot(b: TownBuilder, desiredStart: number, duration: number): [number, number] {
  const busy = b.seed.reviews
    .filter((r) => r.started_at)
    .map((r) => [b.minutesSince(r.started_at!), r.completed_at ? b.minutesSince(r.completed_at) : 0] as const);
  let start = desiredStart;
  for (;;) {
    const end = start - duration;
    const clash = busy.find(([from, to]) => start >= to - 1 && from >= end - 1);
    if (!clash) return [start, end];
    start = clash[1] - 2;
  }
}

/** Queue depth and throughput every 15 min over the last day, counted from the merge requests themselves. */
export function sampleReviewQueue(b: TownBuilder) {
  const reviews = b.seed.reviews.map((r) => ({
    enqueued: Date.parse(r.enqueued_at),
    completed: r.completed_at ? Date.parse(r.completed_at) : null,
  }));
  b.seed.review_samples = [];
  for (let m = 24 * HOUR; m >= 0; m -= 15) {
    const at = b.now - m * 60_000;
    b.seed.review_samples.push({
      at: b.ago(m),
      depth: reviews.filter((r) => r.enqueued <= at && (r.completed === null || r.completed > at)).length,
      processed: reviews.filter((r) => r.completed !== null && r.completed <= at && r.completed > at - 15 * 60_000).length,
    });
  }
}
