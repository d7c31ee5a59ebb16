import {
  ACTIONS,
  ActionName,
  ActionRequest,
  type ActionResult,
  type AuditEntry,
  type LinkedIntegration,
  type User,
} from '../../src/api/schemas';
import { agentHandlers } from './actions/agent';
import { beadHandlers } from './actions/bead';
import { configHandlers } from './actions/config';
import { containerHandlers } from './actions/container';
import { convoyHandlers } from './actions/convoy';
import { credentialHandlers } from './actions/credential';
import { mayorHandlers } from './actions/mayor';
import { reviewHandlers } from './actions/review';
import { auditHash, GENESIS_HASH } from './audit-chain';
import { auditKeys } from './audit-keys';
import { EngineError } from './engine-error';
import { escalationHandlers } from './actions/escalation';
import { MASK, maskParams } from './masking';
import type { Handler } from './plan';
import type { TownAccess } from './town-access';
import { ROW_TAG_PREFIX, targetTag, targetVersion } from './versions';

export interface AuditLog {
  /** The newest entry's seq and hash, or null for an empty log. */
  head(): { seq: number; hash: string } | null;
  append(entry: AuditEntry): void;
}

/**
 * Exactly one handler per action of ACTIONS, checked by the compiler: `H` must cover every ActionName,
 * and any key beyond them must be `never`, which no handler is. Each family's own type keeps its keys to
 * its prefix, so two families cannot both claim a name and one spread silently replace the other.
 */
function everyAction<const H extends Record<ActionName, Handler>>(handlers: H & Record<Exclude<keyof H, ActionName>, never>) {
  return handlers as Record<ActionName, Handler>;
}

const HANDLERS = everyAction({
  ...agentHandlers,
  ...beadHandlers,
  ...reviewHandlers,
  ...containerHandlers,
  ...credentialHandlers,
  ...convoyHandlers,
  ...mayorHandlers,
  ...configHandlers,
  ...escalationHandlers,
});

export interface RunInput {
  action: string;
  body: unknown;
  ifMatch: string | null;
  admin: User;
  requestId: string;
  now: string;
  newId: () => string;
  /** The town owner's linked integrations (the directory's records); empty when the caller has none to give. */
  integrations?: LinkedIntegration[];
}

/**
 * Validates, plans and (unless a dry run) applies an intervention, appending its audit entry.
 * The caller runs this inside one storage transaction so the change and its record land together.
 */
export function runAction(town: TownAccess, audit: AuditLog, input: RunInput): ActionResult {
  const name = ActionName.safeParse(input.action);
  if (!name.success) throw new EngineError(404, 'not_found', `Unknown action "${input.action}".`, { resource: 'action', id: input.action });
  const action = name.data;
  const request = ActionRequest.safeParse(input.body);
  if (!request.success) {
    const issue = request.error.issues[0]!;
    const field = issue.path.join('.') || 'body';
    throw new EngineError(
      400,
      'bad_request',
      field === 'reason'
        ? 'A reason is required (at least 3 characters): it goes into the audit log.'
        : `Invalid request: ${field}: ${issue.message}`,
      { parameter: field },
    );
  }
  const spec = ACTIONS[action];
  if (request.data.target.kind !== spec.target) {
    throw new EngineError(400, 'bad_request', `${action} acts on a ${spec.target}, not a ${request.data.target.kind}.`, {
      parameter: 'target.kind',
    });
  }
  const params = spec.params.safeParse(request.data.params);
  if (!params.success) {
    const issue = params.error.issues[0]!;
    const field = ['params', ...issue.path].join('.');
    throw new EngineError(400, 'bad_request', `Invalid ${field}: ${issue.message}`, { parameter: field });
  }
  // The town, its container and its config are addressed by the town's id; anything else is not here.
  const townLevel = spec.target === 'town' || spec.target === 'container' || spec.target === 'config';
  const current = townLevel && request.data.target.id !== town.townId ? null : targetVersion(town, spec.target, request.data.target.id);
  if (current === null) {
    throw new EngineError(404, 'not_found', `No ${spec.target} with id ${request.data.target.id} in this town.`, {
      resource: spec.target,
      id: request.data.target.id,
    });
  }
  if (!request.data.dryRun) {
    if (input.ifMatch === null)
      throw new EngineError(
        428,
        'precondition_required',
        "If-Match (the target version you saw, or the dry run's target_tag when the target has none) is required for an intervention.",
        {
          parameter: 'If-Match',
        },
      );
    if (input.ifMatch.startsWith(ROW_TAG_PREFIX)) {
      // A target read without a version (production): the dry run's row tag is what the admin saw.
      const tag = targetTag(town, spec.target, request.data.target.id);
      if (input.ifMatch !== tag)
        throw new EngineError(
          409,
          'conflict',
          `The ${spec.target} changed since the preview you saw (its row tag is now ${tag}). Reload to see what changed, then decide again.`,
          { field: 'row_tag', expected: input.ifMatch, current: tag },
        );
    } else if (Number(input.ifMatch) !== current) {
      throw new EngineError(
        409,
        'conflict',
        `The ${spec.target} changed since you loaded it (you saw version ${input.ifMatch}, it is now version ${current}). Reload to see what changed, then decide again.`,
        {
          field: 'version',
          expected: Number(input.ifMatch),
          current,
        },
      );
    }
  }
  const plan = HANDLERS[action]({
    town,
    targetId: request.data.target.id,
    params: params.data as Record<string, unknown>,
    now: input.now,
    newId: input.newId,
    integrations: input.integrations ?? [],
    admin: input.admin,
  });
  if (request.data.dryRun) {
    const effect = { summary: plan.summary, changes: plan.changes, warnings: plan.warnings };
    const tag = targetTag(town, spec.target, request.data.target.id);
    return { action, dry_run: true, effect, audit_entry: null, target_version: current, target_tag: tag };
  }

  // Masked before the writes: whether a variable was secret is read from the env as it stands now.
  const secretEnvKeys = new Set(
    town
      .env()
      .filter((v) => v.secret)
      .map((v) => v.key),
  );
  const auditedParams = maskParams(params.data, secretEnvKeys) as Record<string, unknown>;
  const newVersion = plan.apply();
  // Read after apply: the writes fill in what only they could know (a new id), and whether the action failed.
  const effect = { summary: plan.summary, changes: plan.changes, warnings: plan.warnings };
  const failure = plan.failure ?? null;
  const head = audit.head();
  const keys = auditKeys(plan.changes);
  const body: Omit<AuditEntry, 'hash'> = {
    seq: (head?.seq ?? 0) + 1,
    id: input.newId(),
    town_id: town.townId,
    at: input.now,
    admin_id: input.admin.id,
    admin_email: input.admin.email,
    action,
    target: request.data.target,
    reason: request.data.reason,
    params: auditedParams,
    before: Object.fromEntries(plan.changes.map((c, i) => [keys[i]!, c.from ?? null])),
    // The log is append-only: a value typed into a variable that was secret stays masked in it for good,
    // even when the change makes it public (the env shows it from now on; a mistake there can be undone).
    after: Object.fromEntries(
      plan.changes.map((c, i) => [
        keys[i]!,
        c.entity.label === 'env' && secretEnvKeys.has(c.field) && c.to !== null ? MASK : (c.to ?? null),
      ]),
    ),
    outcome: failure ? 'failure' : 'success',
    error: failure,
    request_id: input.requestId,
    prev_hash: head?.hash ?? GENESIS_HASH,
  };
  const entry: AuditEntry = { ...body, hash: auditHash(body) };
  audit.append(entry);
  const tagAfter = newVersion === null ? null : targetTag(town, spec.target, request.data.target.id);
  return { action, dry_run: false, effect, audit_entry: entry, target_version: newVersion, target_tag: tagAfter };
}
