import { createApiClient } from '../client';
import { DEV_TOKENS } from '../../test/tokens';
import { describePreviewMatrix } from './preview-matrix.contract';

describePreviewMatrix('MSW', () => createApiClient({ baseUrl: 'http://localhost', getToken: () => DEV_TOKENS.admin }));
