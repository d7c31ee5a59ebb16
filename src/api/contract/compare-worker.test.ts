// @vitest-environment node
import { DEV_TOKENS } from '../../test/tokens';
import { createApiClient } from '../client';
import { describeCompareContract } from './compare.contract';
import { runSeededWorker } from './seeded-worker';

/** Compare on the reference worker: the TownDO's window, then each agent's AgentDO over RPC. */
const worker = runSeededWorker('gastown-compare-');

describeCompareContract('reference worker', {
  api: () => createApiClient({ baseUrl: worker.base(), getToken: () => DEV_TOKENS.admin, fetch: worker.fetch }),
});
