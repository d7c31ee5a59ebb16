import { EngineError } from '../engine-error';
import { MASK } from '../masking';
import { change, moved, rigTarget, type Ctx, type FamilyHandlers, type Plan } from '../plan';
import { recordTokenRefresh, TOKEN_TTL_MS } from '../token-refresh';

/** An installation token lives an hour. */

/**
 * An integration the town's owner installed and that can mint tokens. Anything else is refused with 422
 * naming it: a made-up id, another user's integration, or one that is suspended or revoked, which would
 * leave the rig reading linked while every git operation fails.
 */
function ownersIntegration(ctx: Ctx, id: string) {
  const linked = ctx.integrations.find((i) => i.id === id);
  const choices = ctx.integrations.filter((i) => i.status === 'active').map((i) => i.id);
  const pick = choices.length
    ? ` Pick one of the owner's active integrations: ${choices.join(', ')}.`
    : ' The owner has no active integration.';
  if (!linked)
    throw new EngineError(422, 'unknown_integration', `Integration ${id} is not one of the town owner's integrations.${pick}`, {
      parameter: 'params.integration_id',
      id,
    });
  if (linked.status !== 'active')
    throw new EngineError(422, 'unknown_integration', `Integration ${id} is ${linked.status}: it cannot mint tokens.${pick}`, {
      parameter: 'params.integration_id',
      id,
    });
  return linked;
}

export const credentialHandlers: FamilyHandlers<'credential'> = {
  'credential.force_refresh': (ctx) => {
    const { rig, version } = rigTarget(ctx);
    const cred = ctx.town.credential(rig.id);
    const integration = rig.integration;
    const ok = integration?.status === 'active';
    const error = ok ? null : `integration ${integration?.id ?? '(none)'} is ${integration?.status ?? 'missing'}: cannot mint a token`;
    const expires = new Date(Date.parse(ctx.now) + TOKEN_TTL_MS).toISOString();
    const plan: Plan = {
      summary: ok
        ? `Mint a fresh token for rig ${rig.name} from ${integration!.provider} integration ${integration!.id}.`
        : `Try to refresh rig ${rig.name}'s token; it will fail: ${error}.`,
      changes: moved(
        ok && change('credential', rig.id, rig.name, 'status', cred?.status ?? null, 'valid'),
        change('credential', rig.id, rig.name, 'verification', cred?.verification ?? null, ok ? 'ok' : 'failed'),
        change('credential', rig.id, rig.name, 'last_error', cred?.last_error ?? null, error),
        ok && change('credential', rig.id, rig.name, 'token_expires_at', cred?.token_expires_at ?? null, expires),
      ),
      warnings: ok
        ? ['Agents pick the new token up on their next git operation.']
        : ['Re-link the rig to an active integration, or set a token manually.'],
      apply: () => {
        // What happened, in the audit's words: the integration refused, not "it will fail".
        plan.failure = error ? `Refresh failed: ${error}.` : null;
        if (error) plan.summary = `Refreshing rig ${rig.name}'s token failed: ${error}.`;
        recordTokenRefresh(ctx.town, {
          id: ctx.newId(),
          rigId: rig.id,
          integrationId: integration?.id ?? null,
          at: ctx.now,
          error,
          expires,
        });
        ctx.town.updateRigConfig(rig.id, { version: version + 1 });
        return version + 1;
      },
    };
    return plan;
  },
  'credential.set_token': (ctx) => {
    const { rig, version } = rigTarget(ctx);
    const cred = ctx.town.credential(rig.id);
    return {
      summary: `Use a manually set git token for rig ${rig.name} instead of the integration. The token is stored server-side and never shown again.`,
      changes: [
        // The town keeps one git token (town config git_auth), whichever rig it is set from.
        change('config', ctx.town.townId, 'town config', 'git_token', ctx.town.gitTokenSet() ? MASK : null, MASK),
        ...moved(
          change('credential', rig.id, rig.name, 'source', cred?.source ?? null, 'manual_token'),
          change('credential', rig.id, rig.name, 'status', cred?.status ?? null, 'valid'),
          change('credential', rig.id, rig.name, 'verification', cred?.verification ?? null, null),
          change('credential', rig.id, rig.name, 'last_error', cred?.last_error ?? null, null),
          change('credential', rig.id, rig.name, 'token_expires_at', cred?.token_expires_at ?? null, null),
        ),
      ],
      warnings: ['A manual token does not refresh itself: replace it before it expires, or re-link the integration.'],
      apply: () => {
        ctx.town.setGitToken(String(ctx.params.token));
        ctx.town.updateCredential(rig.id, {
          source: 'manual_token',
          status: 'valid',
          last_resolved_at: ctx.now,
          token_expires_at: null,
          last_error: null,
          verification: null,
        });
        ctx.town.addCredentialEvent({
          id: ctx.newId(),
          rig_id: rig.id,
          integration_id: null,
          kind: 'resolve',
          outcome: 'success',
          error: null,
          token_expires_at: null,
          created_at: ctx.now,
        });
        ctx.town.updateRigConfig(rig.id, { version: version + 1 });
        return version + 1;
      },
    };
  },
  'credential.relink_integration': (ctx) => {
    const { rig, version } = rigTarget(ctx);
    const id = String(ctx.params.integration_id);
    const linked = ownersIntegration(ctx, id);
    const cred = ctx.town.credential(rig.id);
    const expires = new Date(Date.parse(ctx.now) + TOKEN_TTL_MS).toISOString();
    return {
      summary: `Link rig ${rig.name} to ${linked.provider} integration ${id} (${linked.account}) and mint a token from it.`,
      changes: moved(
        change('rig', rig.id, rig.name, 'platform_integration_id', rig.platform_integration_id, id),
        change('rig', rig.id, rig.name, 'integration_status', rig.integration?.status ?? null, linked.status),
        change('credential', rig.id, rig.name, 'source', cred?.source ?? null, 'integration'),
        change('credential', rig.id, rig.name, 'integration_id', cred?.integration_id ?? null, id),
        change('credential', rig.id, rig.name, 'status', cred?.status ?? null, 'valid'),
        change('credential', rig.id, rig.name, 'verification', cred?.verification ?? null, 'ok'),
        change('credential', rig.id, rig.name, 'last_error', cred?.last_error ?? null, null),
        change('credential', rig.id, rig.name, 'token_expires_at', cred?.token_expires_at ?? null, expires),
      ),
      warnings: [],
      apply: () => {
        ctx.town.updateRig(rig.id, {
          platform_integration_id: id,
          integration: { id, provider: linked.provider, account: linked.account, status: linked.status, linked_at: ctx.now },
          updated_at: ctx.now,
        });
        ctx.town.updateCredential(rig.id, {
          source: 'integration',
          integration_id: id,
          status: 'valid',
          last_resolved_at: ctx.now,
          token_expires_at: expires,
          last_error: null,
          last_verified_at: ctx.now,
          verification: 'ok',
        });
        ctx.town.addCredentialEvent({
          id: ctx.newId(),
          rig_id: rig.id,
          integration_id: id,
          kind: 'resolve',
          outcome: 'success',
          error: null,
          token_expires_at: expires,
          created_at: ctx.now,
        });
        ctx.town.updateRigConfig(rig.id, { version: version + 1 });
        return version + 1;
      },
    };
  },
};
