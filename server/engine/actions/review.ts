import { EngineError } from '../engine-error';
import { change, moved, need, NEW_VALUE, quote, type Ctx, type FamilyHandlers } from '../plan';

const CLEARED = 'queue cleared by admin';

/** A merge request is a bead with a review-queue row; either missing is the same 404 to the caller. */
function mrBead(ctx: Ctx) {
  const bead = need(ctx.town.bead(ctx.targetId), 'merge request', ctx.targetId);
  const review = need(ctx.town.review(bead.id), 'merge request', ctx.targetId);
  return { bead, review };
}

/** An MR that lands a convoy which already landed: acting on it changes nothing the convoy shipped. */
function landedConvoyWarning(ctx: Ctx, mrBeadId: string): string[] {
  const review = ctx.town.review(mrBeadId);
  const source = review?.source_bead_id ? ctx.town.bead(review.source_bead_id) : null;
  const convoyIds = new Set<string>();
  for (const id of [mrBeadId, source?.id].filter((x): x is string => !!x)) {
    if (ctx.town.convoy(id)) convoyIds.add(id);
    for (const d of ctx.town.dependencies(id)) if (d.dependency_type === 'tracks' && d.depends_on_bead_id === id) convoyIds.add(d.bead_id);
  }
  return [...convoyIds].flatMap((id) => {
    const convoy = ctx.town.convoy(id);
    const bead = ctx.town.bead(id);
    return convoy?.landed_at && bead
      ? [`Convoy ${quote(bead.title)} already landed (${convoy.landed_at}): this merge request's work is not part of what it shipped.`]
      : [];
  });
}

/** Named `review.*`, clearing the queue and the merge strategy act on the town: its config carries their version. */
export const reviewHandlers: FamilyHandlers<'review'> = {
  'review.force_retry': (ctx) => {
    const { bead, review } = mrBead(ctx);
    if (review.review_state !== 'failed')
      throw new EngineError(409, 'invalid_state', `Only a failed review can be retried; this one is ${review.review_state}.`, {
        field: 'review_state',
      });
    return {
      summary: `Put ${quote(bead.title)} back in the queue (retry ${review.retry_count + 1}).`,
      changes: moved(
        change('review', bead.id, bead.title, 'status', bead.status, 'open'),
        change('review', bead.id, bead.title, 'review_state', 'failed', 'pending'),
        change('review', bead.id, bead.title, 'retry_count', review.retry_count, review.retry_count + 1),
        change('review', bead.id, bead.title, 'failure_reason', review.failure_reason, null),
      ),
      warnings: [
        ...(bead.status === 'closed'
          ? [
              `This merge request was closed without merging (${review.failure_reason ?? 'closed'}): retrying reopens it and puts it back in the queue.`,
            ]
          : []),
        ...(review.failure_reason?.includes('conflict')
          ? ['The last failure was a merge conflict: retrying without a rebase will likely fail again.']
          : []),
        ...landedConvoyWarning(ctx, bead.id),
      ],
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
    const state = review.review_state === 'merged' ? 'merged' : 'failed';
    const reason = review.failure_reason ?? 'closed by admin';
    return {
      summary: `Close merge request ${quote(bead.title)} without merging: it leaves the queue as failed (closed by admin).`,
      changes: moved(
        change('review', bead.id, bead.title, 'status', bead.status, 'closed'),
        change('review', bead.id, bead.title, 'review_state', review.review_state, state),
        change('review', bead.id, bead.title, 'failure_reason', review.failure_reason, reason),
      ),
      warnings: [
        ...(review.pr_url && review.pr_state === 'open'
          ? [
              `The pull request on GitHub stays open (${review.pr_url}): this closes the merge request here only; close the PR on GitHub if its work is abandoned.`,
            ]
          : []),
        'The source bead stays in review: close or fail it separately if its work is abandoned.',
        ...landedConvoyWarning(ctx, bead.id),
      ],
      apply: () => {
        ctx.town.updateReview(bead.id, {
          review_state: state,
          failure_reason: reason,
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
    const mergeCommit = change('review', bead.id, bead.title, 'merge_commit', review.merge_commit, NEW_VALUE);
    return {
      summary: `Merge ${review.branch} into ${review.target_branch} now, skipping review and gates; close ${quote(bead.title)}${source ? ` and ${quote(source.title)}` : ''}.`,
      changes: moved(
        change('review', bead.id, bead.title, 'status', bead.status, 'closed'),
        change('review', bead.id, bead.title, 'review_state', review.review_state, 'merged'),
        mergeCommit,
        change('review', bead.id, bead.title, 'failure_reason', review.failure_reason, null),
        source && change('bead', source.id, source.title, 'status', source.status, 'closed'),
      ),
      warnings: [
        'Gates (tests, lint) and code review are skipped.',
        ...landedConvoyWarning(ctx, bead.id),
        ...(review.failure_reason?.includes('conflict')
          ? ['The last attempt hit a merge conflict: the merge will fail unless the branch was rebased.']
          : []),
      ],
      apply: () => {
        mergeCommit.to = ctx.newId().replace(/-/g, '').slice(0, 40).padEnd(40, '0');
        ctx.town.updateReview(bead.id, {
          review_state: 'merged',
          merge_commit: mergeCommit.to as string,
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
  'review.clear_queue': (ctx) => {
    const pending = ctx.town.reviews().filter((r) => r.review_state === 'pending');
    if (!pending.length)
      throw new EngineError(409, 'invalid_state', 'The review queue has no pending merge requests.', { field: 'review_queue' });
    const config = ctx.town.config();
    return {
      summary: `Remove ${pending.length} pending merge ${pending.length === 1 ? 'request' : 'requests'} from the queue (marked failed: cleared by admin).`,
      changes: pending.flatMap((r) => {
        const b = ctx.town.bead(r.bead_id);
        const label = b?.title ?? r.branch;
        return moved(
          b && change('review', r.bead_id, label, 'status', b.status, 'failed'),
          change('review', r.bead_id, label, 'review_state', 'pending', 'failed'),
          change('review', r.bead_id, label, 'failure_reason', r.failure_reason, CLEARED),
        );
      }),
      warnings: ['Running reviews are not touched. Their source beads stay in review until resubmitted.'],
      apply: () => {
        for (const r of pending) {
          ctx.town.updateReview(r.bead_id, { review_state: 'failed', failure_reason: CLEARED, completed_at: ctx.now });
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
