import { setupServer } from 'msw/node';
import { enableMockTestHooks, handlers } from './handlers';

enableMockTestHooks();

/** MSW for Vitest: the contract served from the scenario towns, with the dev test hooks on. */
export const server = setupServer(...handlers);
