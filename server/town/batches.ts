import {
  ACTIONS,
  BULK_CONFIRM_ABOVE,
  BULK_PRESET_ACTIONS,
  BULK_MAX_TARGETS,
  BulkPrepareRequest,
  BulkRunRequest,
  type ActionResult,
  type BulkPreview,
  type BulkRunPage,
  type BulkSelection,
  type BulkTargetEffect,
  type BulkTargetOutcome,
  type BulkWarning,
  type User,
} from '../../src/api/schemas';
import { EngineError, runAction, sha256Hex, targetVersion } from '../engine';
import { all, containsMatch, first, fromJson, insert, num, numOrNull, str, strOrNull } from '../db/sql';
import { parseOr, type SafeParser } from '../parse-body';
import type { Ids, Storage } from '../ports';
import { act } from './act';
import { sqlAccess, sqlAuditLog } from './access';
import { beadFilterWhere, whereClause } from './bead-list';

/** Targets shown with their effect in a preview. */
const SAMPLE_SIZE = 10;
/** Kinds of warning or refusal listed; the rest are summed into the last. */
const MAX_KINDS = 10;

type Refusal = { status: number; body: { error: { code: string; message: string; details: Record<string, unknown> } } };
type Target = { id: string; label: string; status: string };

const bad = (parameter: string, message: string, extra: Record<string, unknown> = {}) =>
  new EngineError(400, 'bad_request', message, { parameter, ...extra });

function refusal(error: EngineError): Refusal {
  return { status: error.status, body: { error: { code: error.code, message: error.message, details: error.details } } };
}

const parse = <T>(schema: SafeParser<T>, body: unknown): T =>
  parseOr(schema, body, (field, message) =>
    bad(
      field,
      field === 'reason'
        ? 'A reason is required (at least 3 characters): it goes into every target’s audit entry.'
        : `Invalid ${field}: ${message}`,
    ),
  );

/** The targets a selection names, as they stand now (at most BULK_MAX_TARGETS, else a refusal). */
function resolveTargets(storage: Storage, selection: BulkSelection): Target[] {
  const sql = storage.sql;
  if (selection.by === 'filter' && selection.kind !== 'bead') return resolveRowFilter(storage, selection);
  if (selection.by === 'filter') {
    const { status, type, label, q } = selection.filter;
    if (!status?.length && !type?.length && !label && !q)
      throw bad(
        'selection.filter',
        'A bulk action needs a filter (status, type, label or text): an empty filter would take the whole town. Set one, or select rows.',
      );
    const { where, bindings } = beadFilterWhere({ type, label, q });
    if (status?.length) {
      where.push('b.status IN (SELECT value FROM json_each(?))');
      bindings.push(JSON.stringify(status));
    }
    const rows = all(
      sql,
      `SELECT b.id, b.title AS label, b.status FROM beads b ${whereClause(where)} ORDER BY b.created_at, b.id LIMIT ?`,
      ...bindings,
      BULK_MAX_TARGETS + 1,
    );
    if (rows.length > BULK_MAX_TARGETS) {
      const total = num(first(sql, `SELECT count(*) AS n FROM beads b ${whereClause(where)}`, ...bindings)?.n);
      throw bad(
        'selection.filter',
        `${total.toLocaleString('en')} beads match; a batch takes at most ${BULK_MAX_TARGETS.toLocaleString('en')}. Narrow the filter.`,
        {
          count: total,
        },
      );
    }
    return rows.map((r) => ({ id: str(r.id), label: str(r.label), status: str(r.status) }));
  }
  if (selection.by === 'preset') {
    const rows = all(sql, `${PRESET_SQL[selection.preset]} LIMIT ?`, BULK_MAX_TARGETS + 1);
    if (rows.length > BULK_MAX_TARGETS)
      throw bad('selection.preset', `More than ${BULK_MAX_TARGETS.toLocaleString('en')} targets: act on them with a narrower filter.`);
    return rows.map((r) => ({ id: str(r.id), label: str(r.label), status: str(r.status) }));
  }
  const ids = [...new Set(selection.ids)];
  const table = selection.kind === 'agent' ? 'agents' : 'beads';
  const labelColumn = selection.kind === 'agent' ? 'name' : 'title';
  const rows = all(
    sql,
    `SELECT id, ${labelColumn} AS label, status FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`,
    JSON.stringify(ids),
  );
  const byId = new Map(rows.map((r) => [str(r.id), r]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length)
    throw new EngineError(
      404,
      'not_found',
      `${missing.length} of the selected ${selection.kind}s are not in this town (first: ${missing[0]}).`,
      {
        resource: selection.kind,
        id: missing[0],
      },
    );
  return ids.map((id) => {
    const r = byId.get(id)!;
    return { id, label: str(r.label), status: str(r.status) };
  });
}

/**
 * "All matching" on the Agents tab or the review queue: the same filters the tables apply (role,
 * status, text on name/identity/id; review state, text on title/bead id), refused when empty.
 */
function resolveRowFilter(storage: Storage, selection: Extract<BulkSelection, { by: 'filter' }> & { kind: 'agent' | 'review' }): Target[] {
  const where: string[] = [];
  const bindings: unknown[] = [];
  const inList = (column: string, values: readonly string[] | undefined) => {
    if (!values?.length) return;
    where.push(`${column} IN (SELECT value FROM json_each(?))`);
    bindings.push(JSON.stringify(values));
  };
  const text = (columns: string[], q: string | undefined) => {
    if (!q) return;
    const matches = columns.map((c) => containsMatch(c, q));
    where.push(`(${matches.map((m) => m.sql).join(' OR ')})`);
    bindings.push(...matches.map((m) => m.value));
  };
  let from: string;
  let columns: string;
  let order: string;
  if (selection.kind === 'agent') {
    inList('a.role', selection.filter.role);
    inList('a.status', selection.filter.status);
    text(['a.name', 'a.identity', 'a.id'], selection.filter.q);
    from = 'agents a';
    columns = 'a.id, a.name AS label, a.status';
    order = 'a.name, a.id';
  } else {
    inList('r.review_state', selection.filter.state);
    text(['b.title', 'r.bead_id'], selection.filter.q);
    from = 'reviews r JOIN beads b ON b.id = r.bead_id';
    columns = 'r.bead_id AS id, b.title AS label, r.review_state AS status';
    order = 'r.enqueued_at, r.bead_id';
  }
  const noun = selection.kind === 'agent' ? 'agents' : 'merge requests';
  if (!where.length)
    throw bad(
      'selection.filter',
      `A bulk action needs a filter (${selection.kind === 'agent' ? 'role, status or text' : 'review state or text'}): an empty filter would take every one of the town's ${noun}. Set one, or select rows.`,
    );
  const rows = all(
    storage.sql,
    `SELECT ${columns} FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ?`,
    ...bindings,
    BULK_MAX_TARGETS + 1,
  );
  if (rows.length > BULK_MAX_TARGETS)
    throw bad('selection.filter', `More than ${BULK_MAX_TARGETS.toLocaleString('en')} ${noun} match: narrow the filter.`);
  return rows.map((r) => ({ id: str(r.id), label: str(r.label), status: str(r.status) }));
}

/** What each ready-made batch takes, as the town stands: the patrol's own readings of these states. */
const PRESET_SQL: Record<keyof typeof BULK_PRESET_ACTIONS, string> = {
  stalled_agents: `SELECT id, name AS label, status FROM agents WHERE status = 'stalled' ORDER BY name, id`,
  agents_hooked_to_closed_beads: `SELECT a.id, a.name AS label, a.status FROM agents a JOIN beads b ON b.id = a.current_hook_bead_id
    WHERE b.status = 'closed' ORDER BY a.name, a.id`,
  // Not one an admin closed without merging (force-close leaves it failed): retrying would reopen it.
  failed_reviews: `SELECT r.bead_id AS id, b.title AS label, r.review_state AS status FROM reviews r JOIN beads b ON b.id = r.bead_id
    WHERE r.review_state = 'failed' AND b.status != 'closed' ORDER BY r.enqueued_at, r.bead_id`,
  // An agent whose hooked bead's latest dispatch attempt failed.
  failed_dispatches: `SELECT a.id, a.name AS label, a.status FROM agents a
    WHERE a.current_hook_bead_id IS NOT NULL AND (SELECT d.outcome FROM dispatch_attempts d WHERE d.bead_id = a.current_hook_bead_id
      ORDER BY d.created_at DESC, d.id DESC LIMIT 1) = 'failed' ORDER BY a.name, a.id`,
};

/** Counts by kind, largest first, at most MAX_KINDS (the rest summed as "other"). */
function byKind(items: { kind: string; message: string }[], word: (n: number, message: string) => string): BulkWarning[] {
  const groups = new Map<string, { count: number; message: string }>();
  for (const { kind, message } of items) {
    const g = groups.get(kind) ?? { count: 0, message };
    g.count += 1;
    groups.set(kind, g);
  }
  const sorted = [...groups.entries()].sort((a, b) => b[1].count - a[1].count);
  const kept = sorted.slice(0, MAX_KINDS).map(([kind, g]) => ({ kind, count: g.count, message: word(g.count, g.message) }));
  const rest = sorted.slice(MAX_KINDS).reduce((n, [, g]) => n + g.count, 0);
  return rest ? [...kept, { kind: 'other', count: rest, message: `${rest} more, of other kinds` }] : kept;
}

export interface BatchInput {
  body: unknown;
  admin: User;
}

/**
 * Previews a batch: resolves the selection (once: a batch key keeps the targets it first resolved to),
 * dry-runs the action on every target through the engine, and keeps the batch for its runs. Writes
 * nothing but the batch itself.
 */
export function prepareBatch(storage: Storage, townId: string, input: BatchInput, at: { now: string; ids: Ids }): BulkPreview | Refusal {
  try {
    const request = parse(BulkPrepareRequest, input.body);
    const spec = ACTIONS[request.action];
    if (request.selection.by === 'preset') {
      if (BULK_PRESET_ACTIONS[request.selection.preset] !== request.action)
        throw bad('action', `The ready-made batch ${request.selection.preset} takes ${BULK_PRESET_ACTIONS[request.selection.preset]}.`);
    } else if (spec.target !== request.selection.kind)
      throw bad('selection.kind', `${request.action} acts on a ${spec.target}; the selection holds ${request.selection.kind}s.`);
    const fingerprint = sha256Hex(JSON.stringify([request.action, request.selection, request.params, request.reason]));
    const sql = storage.sql;
    const stored = first(sql, 'SELECT id, fingerprint FROM batches WHERE key = ?', request.batch_key);
    if (stored && str(stored.fingerprint) !== fingerprint)
      throw new EngineError(422, 'idempotency_key_reused', 'This batch key was already used for a different batch.', {
        parameter: 'batch_key',
      });

    let batchId: string;
    let targets: Target[];
    if (stored) {
      batchId = str(stored.id);
      const kept = all(sql, 'SELECT target_id, label FROM batch_targets WHERE batch_key = ? ORDER BY idx', request.batch_key);
      const statuses = resolveStatuses(
        storage,
        spec.target,
        kept.map((r) => str(r.target_id)),
      );
      targets = kept.map((r) => ({ id: str(r.target_id), label: str(r.label), status: statuses.get(str(r.target_id)) ?? 'missing' }));
    } else {
      batchId = at.ids.uuid();
      targets = resolveTargets(storage, request.selection);
    }

    const town = sqlAccess(sql, townId, () => {});
    const audit = sqlAuditLog(sql);
    const effects: BulkTargetEffect[] = targets.map((t) => {
      try {
        const result = runAction(town, audit, {
          action: request.action,
          body: { target: { kind: spec.target, id: t.id }, params: request.params, reason: request.reason, dryRun: true },
          ifMatch: null,
          admin: input.admin,
          requestId: batchId,
          now: at.now,
          newId: () => at.ids.uuid(),
        });
        return { target_id: t.id, label: t.label, summary: result.effect.summary, refused: null, warnings: result.effect.warnings };
      } catch (error) {
        if (!(error instanceof EngineError)) throw error;
        return {
          target_id: t.id,
          label: t.label,
          summary: 'Would be refused',
          refused: { code: error.code, message: error.message },
          warnings: [],
        };
      }
    });

    if (!stored) {
      storage.transactionSync(() => {
        insert(sql, 'batches', {
          key: request.batch_key,
          id: batchId,
          fingerprint,
          action: request.action,
          target_kind: spec.target,
          params: JSON.stringify(request.params),
          reason: request.reason,
          admin_id: input.admin.id,
          count: targets.length,
          created_at: at.now,
        });
        targets.forEach((t, idx) =>
          insert(sql, 'batch_targets', {
            batch_key: request.batch_key,
            idx,
            target_id: t.id,
            label: t.label,
            status: 'pending',
            error: null,
            audit_seq: null,
          }),
        );
      });
    }

    const statusWord = (s: string) => s.replace(/_/g, ' ');
    const warnings = [
      ...byKind(
        targets.map((t) => ({ kind: `status:${t.status}`, message: statusWord(t.status) })),
        (n, s) => (n === targets.length ? `All ${n} are ${s}` : `${n} of them are ${s}`),
      ),
      ...byKind(
        effects.flatMap((e) => e.warnings.map((w) => ({ kind: `warning:${w}`, message: w }))),
        (n, w) => `${n} × ${w}`,
      ),
    ];
    const refusals = byKind(
      effects.flatMap((e) => (e.refused ? [{ kind: e.refused.code, message: e.refused.message }] : [])),
      (n, m) => `${n} would be refused — e.g. ${m}`,
    );
    return {
      batch_key: request.batch_key,
      batch_id: batchId,
      action: request.action,
      count: targets.length,
      sample: effects.slice(0, SAMPLE_SIZE),
      warnings,
      refusals,
      confirm_required: targets.length > BULK_CONFIRM_ABOVE,
    };
  } catch (error) {
    if (error instanceof EngineError) return refusal(error);
    throw error;
  }
}

function resolveStatuses(storage: Storage, kind: string, ids: string[]): Map<string, string> {
  const table = kind === 'agent' ? 'agents' : 'beads';
  const rows = all(storage.sql, `SELECT id, status FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`, JSON.stringify(ids));
  return new Map(rows.map((r) => [str(r.id), str(r.status)]));
}

function toOutcome(row: Record<string, unknown>): BulkTargetOutcome {
  return {
    target_id: str(row.target_id as string),
    label: str(row.label as string),
    status: str(row.status as string) as BulkTargetOutcome['status'],
    error: fromJson<BulkTargetOutcome['error']>(strOrNull(row.error as string), null),
    audit_seq: numOrNull(row.audit_seq as number | null),
  };
}

/**
 * Runs the next `limit` pending targets of a batch (`retry_failed` first puts the failed ones back in
 * line), each through `act`:
 * its own transaction with its own audit entry (request_id = the batch id) and idempotency key
 * (batch key + target), so running a batch twice acts once per target. A refusal fails that target
 * alone, with its reason; the rest go on.
 */
export function runBatch(
  storage: Storage,
  townId: string,
  batchKey: string,
  input: BatchInput,
  at: { now: string; ids: Ids },
): { page: BulkRunPage; applied: number } | Refusal {
  try {
    const sql = storage.sql;
    const batch = first(sql, 'SELECT * FROM batches WHERE key = ?', batchKey);
    if (!batch)
      throw new EngineError(404, 'not_found', `No batch with key ${batchKey} in this town. Preview it first.`, {
        resource: 'batch',
        id: batchKey,
      });
    const request = parse(BulkRunRequest, input.body);
    const count = num(batch.count);
    if (count > BULK_CONFIRM_ABOVE && request.confirm_count !== count)
      throw bad('confirm_count', `This batch acts on ${count} targets: type ${count} to confirm it.`, { expected: count });
    const kind = str(batch.target_kind);
    const params = fromJson<Record<string, unknown>>(str(batch.params), {});
    const town = sqlAccess(sql, townId, () => {});
    // A retry puts the failed targets back in line; they run in their original order.
    if (request.retry_failed)
      sql.exec("UPDATE batch_targets SET status = 'pending', error = NULL WHERE batch_key = ? AND status = 'failed'", batchKey);
    const rows = all(
      sql,
      "SELECT * FROM batch_targets WHERE batch_key = ? AND status = 'pending' ORDER BY idx LIMIT ?",
      batchKey,
      request.limit,
    );
    let applied = 0;
    const results = rows.map((row) => {
      const targetId = str(row.target_id);
      const version = targetVersion(town, kind as never, targetId);
      const outcome = act(
        storage,
        townId,
        {
          action: str(batch.action),
          body: { target: { kind, id: targetId }, params, reason: str(batch.reason), dryRun: false },
          ifMatch: version === null ? null : String(version),
          idempotencyKey: `${batchKey}:${targetId}`,
          requestId: str(batch.id),
          admin: input.admin,
        },
        at,
      );
      const ok = outcome.status === 200 && !('error' in outcome.body);
      const error = ok ? null : (outcome.body as Refusal['body']).error;
      const seq = ok ? ((outcome.body as ActionResult).audit_entry?.seq ?? null) : null;
      if (ok) applied += 1;
      sql.exec(
        'UPDATE batch_targets SET status = ?, error = ?, audit_seq = ? WHERE batch_key = ? AND idx = ?',
        ok ? 'applied' : 'failed',
        error ? JSON.stringify({ code: error.code, message: error.message }) : null,
        seq,
        batchKey,
        num(row.idx),
      );
      return toOutcome({
        ...row,
        status: ok ? 'applied' : 'failed',
        error: error ? JSON.stringify({ code: error.code, message: error.message }) : null,
        audit_seq: seq,
      });
    });
    const totals = Object.fromEntries(
      all(sql, 'SELECT status, count(*) AS n FROM batch_targets WHERE batch_key = ? GROUP BY status', batchKey).map((r) => [
        str(r.status),
        num(r.n),
      ]),
    );
    const failures = all(
      sql,
      "SELECT * FROM batch_targets WHERE batch_key = ? AND status = 'failed' ORDER BY idx LIMIT ?",
      batchKey,
      BULK_MAX_TARGETS,
    ).map(toOutcome);
    return {
      applied,
      page: {
        batch_id: str(batch.id),
        total: count,
        applied: totals.applied ?? 0,
        failed: totals.failed ?? 0,
        pending: totals.pending ?? 0,
        results,
        failures,
      },
    };
  } catch (error) {
    if (error instanceof EngineError) return refusal(error);
    throw error;
  }
}
