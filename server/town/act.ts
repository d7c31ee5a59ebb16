import type { Ids, Storage } from '../ports';
import type { ActionResult, LinkedIntegration, User } from '../../src/api/schemas';
import { canonicalJson, EngineError, runAction, sha256Hex } from '../engine';
import { all, first, insert, num, str } from '../db/sql';
import { toRig } from '../user/rig-row';
import { sqlAccess, sqlAuditLog } from './access';
import { enqueue } from './outbox';

/** How long a used Idempotency-Key is remembered (a client retries within minutes, not days). */
const IDEMPOTENCY_TTL_MS = 24 * 60 * 60_000;

export interface ActInput {
  action: string;
  /** The parsed JSON body, as sent. */
  body: unknown;
  ifMatch: string | null;
  idempotencyKey: string;
  admin: User;
  /** The audit entry's request id; a bulk run gives every target's entry its batch id. */
  requestId?: string;
  /** The town owner's linked integrations, for the actions that link one (the route reads them from the directory). */
  integrations?: LinkedIntegration[];
}

export interface ActOutcome {
  status: number;
  /** An ActionResult, or the API's `{ error }` body. */
  body: ActionResult | { error: { code: string; message: string; details: Record<string, unknown> } };
  /** Rig ids whose rows changed (their new rows are in the outbox for the owner's GastownUserDO). */
  changedRigIds: string[];
}

/**
 * One intervention inside one `transactionSync`: the idempotency lookup, the shared engine's validation,
 * plan and writes, the audit append and the idempotency record commit together or not at all. An
 * EngineError rolls the transaction back and becomes the answer; any other error rolls back and throws.
 * Only applied (non-dry-run) successes are remembered, as MSW does: a refused request may be retried
 * with the same key once its cause is fixed. Rigs the action changed go to the owner's GastownUserDO
 * (the user's rig list) through the outbox, in the same transaction: delivered after the commit and
 * by alarm until acknowledged, so a crash between the two objects cannot leave the copy stale.
 */
export function act(storage: Storage, townId: string, input: ActInput, at: { now: string; ids: Ids }): ActOutcome {
  const sql = storage.sql;
  // Hashed: a body may carry a git token, which must not rest in clear outside town_secrets. Over
  // canonical JSON: the same body with its keys in another order is the same request.
  const fingerprint = sha256Hex(`${input.action} ${canonicalJson(input.body)}`);
  const changedRigIds = new Set<string>();
  try {
    return storage.transactionSync((): ActOutcome => {
      const stored = first(sql, 'SELECT fingerprint, status, body FROM idempotency_keys WHERE key = ?', input.idempotencyKey);
      if (stored) {
        if (str(stored.fingerprint) !== fingerprint) {
          throw new EngineError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different request.', {
            parameter: 'Idempotency-Key',
          });
        }
        return { status: num(stored.status), body: JSON.parse(str(stored.body)) as ActionResult, changedRigIds: [] };
      }
      const result = runAction(
        sqlAccess(sql, townId, (id) => changedRigIds.add(id)),
        sqlAuditLog(sql),
        {
          action: input.action,
          body: input.body,
          ifMatch: input.ifMatch,
          admin: input.admin,
          requestId: input.requestId ?? at.ids.uuid(),
          now: at.now,
          newId: () => at.ids.uuid(),
          integrations: input.integrations ?? [],
        },
      );
      if (!result.dry_run && changedRigIds.size) {
        // The rig mirror lives with the town's owner: the organization's GastownOrgDO, else the user's.
        const row = first(sql, 'SELECT owner_user_id, owner_org_id FROM town LIMIT 1');
        const owner = row?.owner_org_id
          ? { kind: 'org' as const, name: str(row.owner_org_id) }
          : { kind: 'user' as const, name: str(row?.owner_user_id ?? '') };
        const ids = [...changedRigIds];
        const rigs = all(sql, `SELECT * FROM rigs WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY id`, ...ids).map(toRig);
        if (owner.name) enqueue(sql, { ...owner, method: 'updateRigsOnce' }, [rigs], at.now);
      }
      if (!result.dry_run) {
        sql.exec('DELETE FROM idempotency_keys WHERE created_at < ?', new Date(Date.parse(at.now) - IDEMPOTENCY_TTL_MS).toISOString());
        insert(sql, 'idempotency_keys', {
          key: input.idempotencyKey,
          fingerprint,
          status: 200,
          body: JSON.stringify(result),
          created_at: at.now,
        });
      }
      return { status: 200, body: result, changedRigIds: [...changedRigIds] };
    });
  } catch (error) {
    if (error instanceof EngineError) {
      return {
        status: error.status,
        body: { error: { code: error.code, message: error.message, details: error.details } },
        changedRigIds: [],
      };
    }
    throw error;
  }
}
