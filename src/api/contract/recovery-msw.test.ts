// @vitest-environment node
import { MockBackend } from '../../mocks/host';
import { createApiClient } from '../client';
import { describeRecoveryContract, type RecoveryBackend } from './recovery.contract';
import { describeRecoveryWatch } from './recovery-watch.contract';
import { DEV_TOKENS } from '../../test/tokens';

/** The recovery table on the MSW host: the server core in-process over sql.js, a fresh backend per case. */
let backend = new MockBackend();
const fetchBackend = ((input: RequestInfo | URL, init?: RequestInit) => backend.handle(new Request(input, init))) as typeof fetch;
const headers = { 'content-type': 'application/json', authorization: `Bearer ${DEV_TOKENS.admin}` };

const msw: RecoveryBackend = {
  api: () => createApiClient({ baseUrl: 'http://localhost', getToken: () => DEV_TOKENS.admin, fetch: fetchBackend }),
  advance: async (townId, ms) => {
    const res = await fetchBackend('http://localhost/api/dev/clock', {
      method: 'POST',
      headers,
      body: JSON.stringify({ advanceMs: ms, town_id: townId }),
    });
    if (!res.ok) throw new Error(`dev clock: ${res.status} ${await res.text()}`);
    return (await res.json()) as { now: string; ticks: number };
  },
  reset: async () => {
    backend = new MockBackend();
  },
};

describeRecoveryContract('MSW', msw);
describeRecoveryWatch('MSW', msw);
