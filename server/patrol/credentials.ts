import { first, str } from '../db/sql';
import { all } from '../db/sql';
import { recordTokenRefresh, TOKEN_TTL_MS } from '../engine/token-refresh';
import { toCredentialStatus } from '../town/rows';
import { clearCondition, conditions } from './conditions';
import type { PatrolStep } from './tick';
import { MINUTE, minutesSince } from './world';

/** Production refreshes installation tokens 5 min before they expire. */
const REFRESH_AHEAD_MINUTES = 5;
/** A failing refresh is tried again every 20 min. */
const RETRY_MINUTES = 20;

/**
 * Credentials: a rig's integration token is re-resolved before it expires (a credential event each
 * time). It succeeds while the integration is active; a suspended one fails on every try, and the
 * credential reads expired once its token has. A credential replaced by an intervention (a manual
 * token, another integration) ends the access conditions the old one had.
 */
export const credentialsStep: PatrolStep = {
  name: 'credentials',
  run(tick) {
    for (const c of conditions(tick, 'submodule_access')) {
      const cred = tick.town.credential(c.subject);
      if (!cred || cred.source !== c.detail.source || cred.integration_id !== c.detail.integration_id)
        clearCondition(tick, 'submodule_access', c.subject);
    }
    for (const row of all(tick.sql, `SELECT * FROM credentials WHERE source = 'integration' ORDER BY rig_id`)) {
      const cred = toCredentialStatus(row);
      if (!cred.token_expires_at || Date.parse(cred.token_expires_at) - tick.at > REFRESH_AHEAD_MINUTES * MINUTE) continue;
      const last = first(
        tick.sql,
        'SELECT outcome, created_at FROM credential_events WHERE rig_id = ? ORDER BY created_at DESC, id DESC LIMIT 1',
        cred.rig_id,
      );
      if (last && str(last.outcome) === 'failure' && minutesSince(tick, str(last.created_at)) < RETRY_MINUTES) continue;
      const rig = tick.town.rig(cred.rig_id);
      const integration = rig?.integration ?? null;
      const ok = integration?.status === 'active';
      const expires = new Date(tick.at + TOKEN_TTL_MS).toISOString();
      const error = ok
        ? null
        : `GitHub App installation token refresh failed: integration ${integration?.id ?? '(none)'} is ${integration?.status ?? 'missing'}`;
      recordTokenRefresh(tick.town, {
        id: tick.ids.uuid(),
        rigId: cred.rig_id,
        integrationId: cred.integration_id,
        at: tick.iso,
        error,
        expires,
        statusOnFailure: Date.parse(cred.token_expires_at) <= tick.at ? 'expired' : cred.status,
      });
    }
  },
};
