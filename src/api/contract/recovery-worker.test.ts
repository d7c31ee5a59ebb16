// @vitest-environment node
import { DEV_TOKENS } from '../../test/tokens';
import { createApiClient } from '../client';
import { describeRecoveryContract, type RecoveryBackend } from './recovery.contract';
import { describeRecoveryWatch } from './recovery-watch.contract';
import { runSeededWorker } from './seeded-worker';

/**
 * The recovery table on the reference worker (`wrangler dev`, its own state folder): the same core
 * hosted by Durable Objects, moved by the dev clock route. Every case starts from a fresh seed.
 */
const worker = runSeededWorker('gastown-recovery-');
const headers = { 'content-type': 'application/json', authorization: `Bearer ${DEV_TOKENS.admin}` };

const backend: RecoveryBackend = {
  // The worker shares a loaded 2-core machine with other suites: one read once took longer than the
  // panel's 20 s limit, which says nothing about recovery.
  api: () => createApiClient({ baseUrl: worker.base(), getToken: () => DEV_TOKENS.admin, fetch: worker.fetch, timeoutMs: 60_000 }),
  advance: async (townId, ms) => {
    const res = await worker.fetch(`${worker.base()}/api/dev/clock`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ advanceMs: ms, town_id: townId }),
    });
    if (!res.ok) throw new Error(`dev clock: ${res.status} ${await res.text()}`);
    return (await res.json()) as { now: string; ticks: number };
  },
  reset: () => worker.reseed(),
};

describeRecoveryContract('reference worker', backend);
describeRecoveryWatch('reference worker', backend);
