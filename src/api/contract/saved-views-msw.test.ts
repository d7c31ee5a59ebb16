// @vitest-environment node
import { MockBackend } from '../../mocks/host';
import { DEV_TOKENS } from '../../test/tokens';
import { createApiClient } from '../client';
import { describeSavedViews } from './saved-views.contract';

/** Saved views on the MSW host: the directory core in-process over sql.js. */
const backend = new MockBackend();
const fetchBackend = ((input: RequestInfo | URL, init?: RequestInit) => backend.handle(new Request(input, init))) as typeof fetch;
const client = (token: string) => () => createApiClient({ baseUrl: 'http://localhost', getToken: () => token, fetch: fetchBackend });

describeSavedViews('MSW', {
  admin: client(DEV_TOKENS.admin),
  otherAdmin: client(DEV_TOKENS.otherAdmin),
  nonAdmin: client(DEV_TOKENS.nonAdmin),
});
