import type { CredentialStatus } from '../../src/api/schemas';
import type { TownAccess } from './town-access';

/** Production mints installation tokens for an hour. */
export const TOKEN_TTL_MS = 60 * 60_000;

export interface TokenRefresh {
  id: string;
  rigId: string;
  integrationId: string | null;
  /** When the refresh ran (ISO). */
  at: string;
  /** Null when the integration minted a token; otherwise what it answered. */
  error: string | null;
  /** The new token's expiry, written only when the refresh succeeded. */
  expires: string;
  /** The credential's status after a failed refresh (the patrol marks a token past its expiry `expired`). */
  statusOnFailure?: CredentialStatus['status'];
}

/**
 * One refresh of a rig's integration token, as both the patrol and `credential.force_refresh` record it:
 * a credential event, and the credential's new state (valid with the new expiry, or the error).
 */
export function recordTokenRefresh(town: TownAccess, r: TokenRefresh): void {
  const ok = r.error === null;
  town.addCredentialEvent({
    id: r.id,
    rig_id: r.rigId,
    integration_id: r.integrationId,
    kind: 'refresh',
    outcome: ok ? 'success' : 'failure',
    error: r.error,
    token_expires_at: ok ? r.expires : null,
    created_at: r.at,
  });
  town.updateCredential(
    r.rigId,
    ok
      ? {
          status: 'valid',
          last_resolved_at: r.at,
          token_expires_at: r.expires,
          last_error: null,
          last_verified_at: r.at,
          verification: 'ok',
        }
      : {
          ...(r.statusOnFailure === undefined ? {} : { status: r.statusOnFailure }),
          last_error: r.error,
          last_verified_at: r.at,
          verification: 'failed',
        },
  );
}
