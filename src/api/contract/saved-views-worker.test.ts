// @vitest-environment node
import { DEV_TOKENS } from '../../test/tokens';
import { createApiClient } from '../client';
import { describeSavedViews } from './saved-views.contract';
import { runSeededWorker } from './seeded-worker';

/** Saved views on the reference worker: the DirectoryDO's own table, per admin from the verified token. */
const worker = runSeededWorker('gastown-saved-views-');
const client = (token: string) => () => createApiClient({ baseUrl: worker.base(), getToken: () => token, fetch: worker.fetch });

describeSavedViews('reference worker', {
  admin: client(DEV_TOKENS.admin),
  otherAdmin: client(DEV_TOKENS.otherAdmin),
  nonAdmin: client(DEV_TOKENS.nonAdmin),
});
