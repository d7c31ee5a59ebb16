import type { SqlPort } from '../ports';
import type { HealthInputs } from '../../src/api/schemas';
import { all, first, fromJson, num, scalar, str, strOrNull, type Row } from '../db/sql';
import { listAgents, mayorState } from './agents';
import { costThreshold, spendersWithoutMerge } from './cost';
import { mayorLoopRecovery } from './mayor-recovery';
import { ago, DAY_MS, HOUR_MS, MINUTE_MS } from './time';
import { escalationInputs } from './escalations';

/** Lists in the health inputs are capped (the contract says at most 20). */
const CAP = 20;

type H = HealthInputs;

/** Raw evidence for the client's health rules; every list is bounded, every count is one indexed query. */
export function getHealthInputs(sql: SqlPort, now: number): HealthInputs {
  return {
    agents: agentInputs(sql, now),
    oldest_open_beads: oldestOpenBeads(sql),
    reviews: reviewInputs(sql),
    container: containerInputs(sql, now),
    credentials: credentialInputs(sql, now),
    convoys: convoyInputs(sql),
    mayor: mayorInputs(sql),
    superseded: supersededInputs(sql, now),
    // Escalations wait for a human, not for dispatch: their own input, not the oldest open work beads.
    escalations: escalationInputs(sql),
    usage: {
      tokens_24h: scalar(sql, 'SELECT coalesce(sum(input_tokens + output_tokens), 0) FROM usage_samples WHERE at >= ?', ago(now, DAY_MS)),
      cost_microdollars_24h: scalar(sql, 'SELECT coalesce(sum(cost_microdollars), 0) FROM usage_samples WHERE at >= ?', ago(now, DAY_MS)),
      cost_threshold_microdollars_24h: costThreshold(sql),
      spenders_without_merge: spendersWithoutMerge(sql, now),
    },
    dispatch: {
      failed_attempts_30m: scalar(
        sql,
        `SELECT count(*) FROM dispatch_attempts WHERE outcome = 'failed' AND created_at >= ?`,
        ago(now, 30 * MINUTE_MS),
      ),
      failing_beads_30m: scalar(
        sql,
        `SELECT count(DISTINCT bead_id) FROM dispatch_attempts WHERE outcome = 'failed' AND created_at >= ?`,
        ago(now, 30 * MINUTE_MS),
      ),
    },
  };
}

function agentInputs(sql: SqlPort, now: number): H['agents'] {
  const tokens1h = new Map(
    all(
      sql,
      'SELECT agent_id, sum(input_tokens + output_tokens) AS n FROM usage_samples WHERE at >= ? GROUP BY agent_id',
      ago(now, HOUR_MS),
    ).map((r) => [str(r.agent_id), num(r.n)]),
  );
  return listAgents(sql, now).map((a) => ({
    agent_id: a.id,
    name: a.name,
    role: a.role,
    status: a.status,
    status_since: a.status_since,
    hooked_bead_id: a.current_hook_bead_id,
    hooked_bead_title: a.hooked_bead_title,
    dispatch_attempts: a.dispatch_attempts,
    last_activity_at: a.last_activity_at,
    last_sdk_event_at: a.last_sdk_event_at,
    process_status: a.process_status,
    tokens_1h: tokens1h.get(a.id) ?? 0,
  }));
}

/**
 * The oldest open work beads, walked in age order on their own index (schema v15): without naming it the
 * planner, which has no statistics, took every open bead by status and type and sorted them, running the
 * dispatch-error subquery for each (~10 ms of every summary of the 10k-bead town, against 0.2 ms).
 */
function oldestOpenBeads(sql: SqlPort): H['oldest_open_beads'] {
  const rows = all(
    sql,
    `SELECT b.id, b.title, b.status, b.priority, b.created_at, b.assignee_agent_bead_id, b.dispatch_attempts,
       (SELECT d.error_message FROM dispatch_attempts d WHERE d.bead_id = b.id AND d.outcome = 'failed'
           AND NOT EXISTS (SELECT 1 FROM dispatch_attempts s WHERE s.bead_id = b.id AND s.outcome = 'success'
                             AND s.created_at > d.created_at)
         ORDER BY d.created_at DESC LIMIT 1) AS last_dispatch_error
     FROM beads b INDEXED BY beads_open_oldest
     WHERE b.status IN ('open', 'in_progress', 'in_review') AND b.type IN ('issue', 'molecule')
     ORDER BY b.created_at, b.id LIMIT ?`,
    CAP,
  );
  return rows.map((r) => ({
    bead_id: str(r.id),
    title: str(r.title),
    status: str(r.status) as H['oldest_open_beads'][number]['status'],
    priority: str(r.priority) as H['oldest_open_beads'][number]['priority'],
    since: str(r.created_at),
    assignee_agent_id: strOrNull(r.assignee_agent_bead_id),
    dispatch_attempts: num(r.dispatch_attempts),
    last_dispatch_error: strOrNull(r.last_dispatch_error),
    blocked_by: all(
      sql,
      `SELECT t.id, t.title, t.status FROM bead_dependencies d JOIN beads t ON t.id = d.depends_on_bead_id
       WHERE d.bead_id = ? AND d.dependency_type = 'blocks' AND t.status != 'closed' ORDER BY t.created_at`,
      r.id,
    ).map((t) => ({ bead_id: str(t.id), title: str(t.title), status: str(t.status) as H['oldest_open_beads'][number]['status'] })),
  }));
}

function reviewInputs(sql: SqlPort): H['reviews'] {
  const queue = first(
    sql,
    `SELECT count(*) AS depth, min(CASE WHEN review_state = 'pending' THEN enqueued_at END) AS oldest
     FROM reviews WHERE review_state IN ('pending', 'running')`,
  );
  // A merge request closed by hand (force-close, or its source closed) is settled, not failing.
  const troubled = all(
    sql,
    `SELECT r.bead_id, b.title, r.review_state, r.retry_count, r.failure_reason,
       r.enqueued_at AS since
     FROM reviews r JOIN beads b ON b.id = r.bead_id
     WHERE (r.review_state = 'failed' OR r.retry_count > 0) AND r.review_state != 'merged' AND b.status != 'closed'
     ORDER BY r.retry_count DESC, since DESC LIMIT ?`,
    CAP,
  );
  return {
    depth: num(queue?.depth ?? 0),
    oldest_pending_at: strOrNull(queue?.oldest ?? null),
    troubled: troubled.map((r) => ({
      bead_id: str(r.bead_id),
      title: str(r.title),
      review_state: str(r.review_state) as H['reviews']['troubled'][number]['review_state'],
      retry_count: num(r.retry_count),
      failure_reason: strOrNull(r.failure_reason),
      since: str(r.since),
    })),
  };
}

/**
 * Starts nobody planned: an admin's restart (and the start that follows it) or a wake for dispatch is
 * not instability; only the platform restarting the container after a crash or an OOM is.
 */
const UNPLANNED_START = `(event_type IN ('restart', 'start') AND coalesce(reason, '') NOT LIKE '%by admin%'
  AND metadata NOT LIKE '%"by":"admin"%' AND metadata NOT LIKE '%"by":"wake"%')`;

function containerInputs(sql: SqlPort, now: number): H['container'] {
  const state = first(sql, 'SELECT * FROM container_state WHERE id = 1');
  const since = ago(now, DAY_MS);
  const lastExit = first(
    sql,
    `SELECT exit_code, reason FROM container_events WHERE exit_code IS NOT NULL AND event_type IN ('stop', 'oom')
     ORDER BY created_at DESC, id DESC LIMIT 1`,
  );
  return {
    status: (state ? str(state.status) : 'stopped') as H['container']['status'],
    health: (state ? str(state.health) : 'down') as H['container']['health'],
    started_at: strOrNull(state?.started_at ?? null),
    idle_since: strOrNull(state?.idle_since ?? null),
    restarts_24h: scalar(sql, `SELECT count(*) FROM container_events WHERE ${UNPLANNED_START} AND created_at >= ?`, since),
    oom_24h: scalar(sql, `SELECT count(*) FROM container_events WHERE event_type = 'oom' AND created_at >= ?`, since),
    not_found_since_start: scalar(
      sql,
      `SELECT count(*) FROM container_events WHERE event_type = 'not_found'
         AND created_at > coalesce((SELECT max(created_at) FROM container_events WHERE event_type = 'start'), '')`,
    ),
    unstable_at: strOrNull(
      first(sql, `SELECT max(created_at) AS at FROM container_events WHERE event_type IN ('oom', 'not_found') OR ${UNPLANNED_START}`)?.at ??
        null,
    ),
    last_exit_code: lastExit?.exit_code === undefined || lastExit.exit_code === null ? null : num(lastExit.exit_code),
    last_exit_reason: strOrNull(lastExit?.reason ?? null),
  };
}

/**
 * Credential-shaped git failures only (a merge conflict says nothing about the token), since the rig's
 * last successful git operation (a merge by the refinery proves the token too).
 */
function credentialInputs(sql: SqlPort, now: number): H['credentials'] {
  return all(
    sql,
    `SELECT c.rig_id, c.rig_name, c.status, c.token_expires_at, c.last_error,
       (SELECT count(*) FROM git_operations g WHERE g.rig_id = c.rig_id AND g.outcome = 'failure'
           AND g.operation != 'merge' AND g.created_at >= ?1
           AND g.created_at > coalesce((SELECT max(s.created_at) FROM git_operations s WHERE s.rig_id = c.rig_id
                                          AND s.outcome = 'success'), ''))
         AS failures
     FROM credentials c ORDER BY c.rig_name`,
    ago(now, DAY_MS),
  ).map((r) => ({
    rig_id: str(r.rig_id),
    rig_name: str(r.rig_name),
    status: str(r.status) as H['credentials'][number]['status'],
    token_expires_at: strOrNull(r.token_expires_at),
    last_error: strOrNull(r.last_error),
    git_failures_24h: num(r.failures),
  }));
}

/** A superseded failure is reported this long after what superseded it (the client's "resolved N min ago"). */
const SUPERSEDED_SHOWN_MS = 30 * MINUTE_MS;

/**
 * Failures a later success has superseded in the last 30 min: a bead's failed dispatches followed by a
 * successful one (and none failed since), a rig's credential-shaped git failures followed by any
 * successful git operation (a push, or the refinery's merge), a credential whose failed resolve was
 * followed by a good one, a review that failed and merged since, the Mayor's loop left behind by a new
 * session that answered the waiting message.
 */
function supersededInputs(sql: SqlPort, now: number): H['superseded'] {
  const since = ago(now, SUPERSEDED_SHOWN_MS);
  // Beads dispatched successfully in the window whose newest failure came before that success.
  const dispatch = all(
    sql,
    `SELECT c.bead_id, b.title, c.failed_at,
       (SELECT min(s.created_at) FROM dispatch_attempts s WHERE s.bead_id = c.bead_id AND s.outcome = 'success'
           AND s.created_at > c.failed_at) AS resolved_at,
       (SELECT f.error_message FROM dispatch_attempts f WHERE f.bead_id = c.bead_id AND f.outcome = 'failed'
           AND f.created_at = c.failed_at LIMIT 1) AS last_error
     FROM (SELECT d.bead_id, (SELECT max(f.created_at) FROM dispatch_attempts f WHERE f.bead_id = d.bead_id
                               AND f.outcome = 'failed') AS failed_at
           FROM dispatch_attempts d WHERE d.outcome = 'success' AND d.created_at >= ?1 GROUP BY d.bead_id) c
     JOIN beads b ON b.id = c.bead_id
     WHERE c.failed_at IS NOT NULL AND resolved_at >= ?1
     ORDER BY resolved_at DESC, c.bead_id LIMIT ?2`,
    since,
    CAP,
  ).map((r) => {
    const before = first(
      sql,
      `SELECT max(created_at) AS at FROM dispatch_attempts WHERE bead_id = ? AND outcome = 'success' AND created_at < ?`,
      r.bead_id,
      r.failed_at,
    )?.at;
    return {
      bead_id: str(r.bead_id),
      title: str(r.title),
      failures: scalar(
        sql,
        `SELECT count(*) FROM dispatch_attempts WHERE bead_id = ? AND outcome = 'failed' AND created_at > ? AND created_at <= ?`,
        r.bead_id,
        before ? str(before) : '',
        r.failed_at,
      ),
      last_error: strOrNull(r.last_error),
      resolved_at: str(r.resolved_at),
    };
  });
  const git: H['superseded']['git'] = [];
  const credentials: H['superseded']['credentials'] = [];
  for (const c of all(sql, 'SELECT rig_id, rig_name, status FROM credentials ORDER BY rig_name')) {
    const rig = str(c.rig_id);
    const failed = first(
      sql,
      `SELECT max(created_at) AS at FROM git_operations WHERE rig_id = ? AND outcome = 'failure' AND operation != 'merge'`,
      rig,
    )?.at;
    const fixed = failed
      ? first(
          sql,
          `SELECT min(created_at) AS at FROM git_operations WHERE rig_id = ? AND outcome = 'success' AND created_at > ?`,
          rig,
          failed,
        )?.at
      : null;
    if (failed && fixed && str(fixed) >= since) {
      const before = first(
        sql,
        `SELECT max(created_at) AS at FROM git_operations WHERE rig_id = ? AND outcome = 'success' AND created_at < ?`,
        rig,
        failed,
      )?.at;
      git.push({
        rig_id: rig,
        rig_name: str(c.rig_name),
        failures: scalar(
          sql,
          `SELECT count(*) FROM git_operations WHERE rig_id = ? AND outcome = 'failure' AND operation != 'merge' AND created_at > ? AND created_at <= ?`,
          rig,
          before ? str(before) : '',
          failed,
        ),
        resolved_at: str(fixed),
      });
    }
    if (str(c.status) !== 'valid') continue;
    const lastFailure = first(
      sql,
      `SELECT created_at, error FROM credential_events WHERE rig_id = ? AND outcome = 'failure' ORDER BY created_at DESC, id DESC LIMIT 1`,
      rig,
    );
    if (!lastFailure) continue;
    const good = first(
      sql,
      `SELECT min(created_at) AS at FROM credential_events WHERE rig_id = ? AND outcome = 'success' AND created_at > ?`,
      rig,
      lastFailure.created_at,
    )?.at;
    if (good && str(good) >= since)
      credentials.push({ rig_id: rig, rig_name: str(c.rig_name), last_error: strOrNull(lastFailure.error), resolved_at: str(good) });
  }
  // Reviews that failed (the refinery said so on the source bead) and merged since, at the merge.
  const reviews = all(
    sql,
    `SELECT r.bead_id, b.title, r.retry_count, r.completed_at AS resolved_at,
       (SELECT e.metadata FROM bead_events e WHERE e.bead_id = r.source_bead_id AND e.event_type = 'review_completed'
           AND e.new_value = 'failed' AND e.created_at < r.completed_at ORDER BY e.created_at DESC LIMIT 1) AS failed
     FROM reviews r JOIN beads b ON b.id = r.bead_id
     WHERE r.review_state = 'merged' AND r.completed_at >= ? AND failed IS NOT NULL
     ORDER BY r.completed_at DESC, r.bead_id LIMIT ?`,
    since,
    CAP,
  ).map((r) => ({
    bead_id: str(r.bead_id),
    title: str(r.title),
    retry_count: num(r.retry_count),
    failure_reason: strOrNull(fromJson<{ reason?: string | null }>(r.failed, {}).reason ?? null),
    resolved_at: str(r.resolved_at),
  }));
  const loop = mayorLoopRecovery(sql);
  const mayor =
    loop?.answered_at && loop.answered_at >= since
      ? { agent_id: loop.agent_id, session_error: loop.session_error, resolved_at: loop.answered_at }
      : null;
  return { dispatch, git, credentials, reviews, mayor };
}

function convoyInputs(sql: SqlPort): H['convoys'] {
  return all(
    sql,
    // The oldest CAP open convoys first, then only their tracked counts, each walked from the convoy's
    // own dependency rows (CROSS JOIN fixes that order). Left to itself, SQLite counted "closed" by
    // walking every closed bead of the town (beads_status) and probing its dependencies, for each of
    // the bench town's 349 open convoys: 80% of a town summary read (the `load` bench's hot path).
    `WITH oldest AS MATERIALIZED (
       SELECT c.bead_id, b.title, c.total_beads, c.closed_beads, b.updated_at, b.created_at
       FROM convoys c CROSS JOIN beads b ON b.id = c.bead_id
       WHERE c.landed_at IS NULL ORDER BY b.created_at, c.bead_id LIMIT ?
     )
     SELECT o.bead_id, o.title, o.total_beads, o.closed_beads, o.updated_at,
       (SELECT count(t.id) FROM bead_dependencies d LEFT JOIN beads t ON t.id = d.depends_on_bead_id
         WHERE d.bead_id = o.bead_id AND d.dependency_type = 'tracks') AS present,
       (SELECT count(*) FROM bead_dependencies d CROSS JOIN beads t ON t.id = d.depends_on_bead_id
         WHERE d.bead_id = o.bead_id AND d.dependency_type = 'tracks' AND t.status = 'closed') AS closed
     FROM oldest o ORDER BY o.created_at, o.bead_id`,
    CAP,
  ).map((r: Row) => ({
    bead_id: str(r.bead_id),
    title: str(r.title),
    total_beads: num(r.total_beads),
    closed_beads: num(r.closed_beads),
    tracked_present: num(r.present),
    tracked_closed: num(r.closed),
    updated_at: str(r.updated_at),
  }));
}

function mayorInputs(sql: SqlPort): H['mayor'] {
  const mayor = first(sql, `SELECT id FROM agents WHERE role = 'mayor' ORDER BY created_at LIMIT 1`);
  if (!mayor) return null;
  const state = mayorState(sql, str(mayor.id));
  const message = state?.last_user_message ?? null;
  return {
    agent_id: str(mayor.id),
    session_state: state?.session_state ?? 'idle',
    session_error: state?.session_error ?? null,
    last_user_message_at: message?.at ?? null,
    last_user_message_answered: message?.answered ?? true,
  };
}
