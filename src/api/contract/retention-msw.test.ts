// @vitest-environment node
import { MockBackend } from '../../mocks/host';
import { DEV_TOKENS } from '../../test/tokens';
import { createApiClient } from '../client';
import { describeRetention } from './retention.contract';

/** SDK event retention (retention.contract.ts) on the MSW host, in the production-today profile. */
const backend = new MockBackend({ profile: 'production-today', testHooks: true });
const fetch = ((input: RequestInfo | URL, init?: RequestInit) => backend.handle(new Request(input, init))) as typeof globalThis.fetch;

describeRetention('MSW', {
  api: () => createApiClient({ baseUrl: 'http://localhost', getToken: () => DEV_TOKENS.admin, fetch }),
  append: async (townId, agentId, events) => {
    const res = await fetch('http://localhost/api/dev/sdk-events', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEV_TOKENS.admin}` },
      body: JSON.stringify({ town_id: townId, agent_id: agentId, events }),
    });
    if (!res.ok) throw new Error(`sdk-events: ${res.status} ${await res.text()}`);
    return (await res.json()) as { last_id: number };
  },
});
