// @vitest-environment node
import { getStore } from '../../mocks/handlers';
import { DEV_TOKENS } from '../../test/tokens';
import { defineContractSuite } from './suite';

/** The contract against the MSW handlers (vitest.setup.ts has the MSW server listening). */
defineContractSuite('MSW handlers', () => ({
  baseUrl: 'http://localhost',
  fetch: (...args) => globalThis.fetch(...args),
  world: getStore().world,
  adminToken: DEV_TOKENS.admin,
  nonAdminToken: DEV_TOKENS.nonAdmin,
}));
