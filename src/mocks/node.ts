import { setupServer } from 'msw/node';
import { handlers } from './handlers';

/** MSW for Vitest: the contract served from the scenario towns. */
export const server = setupServer(...handlers);
