// @vitest-environment node
import { DEV_TOKENS } from '../../test/tokens';
import { createApiClient } from '../client';
import { describeSearchContract } from './search.contract';
import { runSeededWorker } from './seeded-worker';

/** Town-wide search on the reference worker: the TownDO and AgentDOs over RPC, the answer a ReadableStream. */
const worker = runSeededWorker('gastown-search-');

describeSearchContract('reference worker', {
  api: () => createApiClient({ baseUrl: worker.base(), getToken: () => DEV_TOKENS.admin, fetch: worker.fetch }),
});
