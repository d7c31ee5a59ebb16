// @vitest-environment node
import { createApiClient } from '../client';
import { DEV_TOKENS } from '../../test/tokens';
import { runSeededWorker } from './seeded-worker';
import { describePreviewMatrix } from './preview-matrix.contract';

/** The preview = result matrix against the reference worker (its own `wrangler dev`), the world reseeded before each action. */
const worker = runSeededWorker('gastown-preview-matrix-');

describePreviewMatrix(
  'reference worker',
  () => createApiClient({ baseUrl: worker.base(), getToken: () => DEV_TOKENS.admin, fetch: worker.fetch }),
  worker.reseed,
);
