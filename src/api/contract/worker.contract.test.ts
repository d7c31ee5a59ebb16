// @vitest-environment node
import { DEV_TOKENS } from '../../test/tokens';
import { runSeededWorker } from './seeded-worker';
import { defineContractSuite } from './suite';

/** The same contract against the reference worker, seeded from the same scenario builders at the same anchor time. */
const worker = runSeededWorker('gastown-contract-');

defineContractSuite('reference worker (wrangler dev)', () => ({
  baseUrl: worker.base(),
  fetch: worker.fetch,
  world: worker.world(),
  adminToken: DEV_TOKENS.admin,
  nonAdminToken: DEV_TOKENS.nonAdmin,
}));
