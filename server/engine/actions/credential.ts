import { MASK } from '../masking';
import { change, rigTarget, type FamilyHandlers } from '../plan';

export const credentialHandlers: FamilyHandlers<'credential'> = {
  'credential.force_refresh': (ctx) => {
    const { rig, version } = rigTarget(ctx);
    const cred = ctx.town.credential(rig.id);
    const integration = rig.integration;
    const ok = integration?.status === 'active';
    const error = ok ? null : `integration ${integration?.id ?? '(none)'} is ${integration?.status ?? 'missing'}: cannot mint a token`;
    return {
      summary: ok
        ? `Mint a fresh token for rig ${rig.name} from ${integration!.provider} integration ${integration!.id}.`
        : `Try to refresh rig ${rig.name}'s token — it will fail: ${error}.`,
      changes: [change('credential', rig.id, rig.name, 'status', cred?.status ?? 'unknown', ok ? 'valid' : (cred?.status ?? 'error'))],
      warnings: ok
        ? ['Agents pick the new token up on their next git operation.']
        : ['Re-link the rig to an active integration, or set a token manually.'],
      apply: () => {
        const expires = new Date(Date.parse(ctx.now) + 60 * 60_000).toISOString();
        ctx.town.addCredentialEvent({
          id: ctx.newId(),
          rig_id: rig.id,
          integration_id: integration?.id ?? null,
          kind: 'refresh',
          outcome: ok ? 'success' : 'failure',
          error,
          token_expires_at: ok ? expires : null,
          created_at: ctx.now,
        });
        ctx.town.updateCredential(
          rig.id,
          ok
            ? {
                status: 'valid',
                last_resolved_at: ctx.now,
                token_expires_at: expires,
                last_error: null,
                last_verified_at: ctx.now,
                verification: 'ok',
              }
            : { last_error: error, last_verified_at: ctx.now, verification: 'failed' },
        );
        ctx.town.updateRigConfig(rig.id, { version: version + 1 });
        return version + 1;
      },
    };
  },
  'credential.set_token': (ctx) => {
    const { rig, version } = rigTarget(ctx);
    const cred = ctx.town.credential(rig.id);
    return {
      summary: `Use a manually set git token for rig ${rig.name} instead of the integration. The token is stored server-side and never shown again.`,
      changes: [
        change('credential', rig.id, rig.name, 'source', cred?.source ?? 'integration', 'manual_token'),
        change('credential', rig.id, rig.name, 'token', ctx.town.gitTokenSet() ? MASK : null, MASK),
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
    return {
      summary: `Link rig ${rig.name} to integration ${id} and mint a token from it.`,
      changes: [change('rig', rig.id, rig.name, 'platform_integration_id', rig.platform_integration_id, id)],
      warnings: [],
      apply: () => {
        const expires = new Date(Date.parse(ctx.now) + 60 * 60_000).toISOString();
        ctx.town.updateRig(rig.id, {
          platform_integration_id: id,
          integration: {
            id,
            provider: rig.integration?.provider ?? 'github',
            account: rig.integration?.account ?? 'unknown',
            status: 'active',
            linked_at: ctx.now,
          },
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
