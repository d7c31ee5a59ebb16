// @vitest-environment node
import { DEV_TOKENS } from '../../test/tokens';
import { createApiClient } from '../client';
import { describeRetention } from './retention.contract';
import { runSeededWorker } from './seeded-worker';

/** SDK event retention (retention.contract.ts) on the reference worker run with PROFILE=production-today. */
const worker = runSeededWorker('gastown-retention-', { profile: 'production-today' });

describeRetention('reference worker', {
  api: () => createApiClient({ baseUrl: worker.base(), getToken: () => DEV_TOKENS.admin, fetch: worker.fetch, timeoutMs: 60_000 }),
  append: async (townId, agentId, events) => {
    const res = await worker.fetch(`${worker.base()}/api/dev/sdk-events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEV_TOKENS.admin}` },
      body: JSON.stringify({ town_id: townId, agent_id: agentId, events }),
    });
    if (!res.ok) throw new Error(`sdk-events: ${res.status} ${await res.text()}`);
    return (await res.json()) as { last_id: number };
  },
});
