// @vitest-environment node
import { MockBackend } from '../../mocks/host';
import { DEV_TOKENS } from '../../test/tokens';
import { createApiClient } from '../client';
import { describeCompareContract } from './compare.contract';

/** Compare on the MSW host: the server core in-process over sql.js. */
const backend = new MockBackend();
const fetchBackend = ((input: RequestInfo | URL, init?: RequestInit) => backend.handle(new Request(input, init))) as typeof fetch;

describeCompareContract('MSW', {
  api: () => createApiClient({ baseUrl: 'http://localhost', getToken: () => DEV_TOKENS.admin, fetch: fetchBackend }),
});
