import type { SqlPort } from '../ports';
import type { MergeStrategy, ReviewEntry, ReviewQueue } from '../../src/api/schemas';
import { all, first, fromJson, num, str, strOrNull, type Row } from '../db/sql';

/** Finished reviews shown in the queue view besides the pending and running ones. */
const RECENT_FINISHED = 50;
/** Bounds on what one queue read loads (the depth is still counted exactly). */
const OPEN_CAP = 1_000;
const SAMPLE_CAP = 2_000;

const SELECT = `SELECT r.*, b.title, b.status, b.rig_id, b.version, a.name AS refinery_name
  FROM reviews r JOIN beads b ON b.id = r.bead_id LEFT JOIN agents a ON a.id = r.refinery_agent_id`;

export function reviewEntries(sql: SqlPort, where: string, ...bindings: unknown[]): ReviewEntry[] {
  return all(sql, `${SELECT} WHERE ${where} ORDER BY r.enqueued_at, r.bead_id LIMIT ${OPEN_CAP}`, ...bindings).map(toReviewEntry);
}

export function getReviewQueue(sql: SqlPort): ReviewQueue {
  const open = reviewEntries(sql, `r.review_state IN ('pending', 'running')`);
  const finished = all(
    sql,
    `${SELECT} WHERE r.review_state IN ('merged', 'failed')
     ORDER BY coalesce(r.completed_at, r.started_at, r.enqueued_at) DESC LIMIT ?`,
    RECENT_FINISHED,
  ).map(toReviewEntry);
  const config = first(sql, 'SELECT config FROM town_config WHERE id = 1');
  const strategy = fromJson<{ merge_strategy?: MergeStrategy }>(config?.config ?? null, {}).merge_strategy ?? 'direct';
  return {
    merge_strategy: strategy,
    depth: num(first(sql, `SELECT count(*) AS n FROM reviews WHERE review_state IN ('pending', 'running')`)?.n ?? 0),
    entries: [...open, ...finished],
    samples: all(sql, 'SELECT * FROM (SELECT * FROM review_samples ORDER BY at DESC LIMIT ?) ORDER BY at', SAMPLE_CAP).map((r) => ({
      at: str(r.at),
      depth: num(r.depth),
      processed: num(r.processed),
    })),
  };
}

function toReviewEntry(row: Row): ReviewEntry {
  return {
    bead_id: str(row.bead_id),
    title: str(row.title),
    status: str(row.status) as ReviewEntry['status'],
    source_bead_id: strOrNull(row.source_bead_id),
    rig_id: strOrNull(row.rig_id),
    branch: str(row.branch),
    target_branch: str(row.target_branch),
    pr_url: strOrNull(row.pr_url),
    pr_state: strOrNull(row.pr_state) as ReviewEntry['pr_state'],
    review_state: str(row.review_state) as ReviewEntry['review_state'],
    failure_reason: strOrNull(row.failure_reason),
    refinery_agent_id: strOrNull(row.refinery_agent_id),
    refinery_name: strOrNull(row.refinery_name),
    retry_count: num(row.retry_count),
    merge_commit: strOrNull(row.merge_commit),
    enqueued_at: str(row.enqueued_at),
    started_at: strOrNull(row.started_at),
    completed_at: strOrNull(row.completed_at),
    version: num(row.version),
  };
}
