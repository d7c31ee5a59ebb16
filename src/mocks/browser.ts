import { setupWorker } from 'msw/browser';
import { handlers } from './handlers';

/** MSW in the browser (`npm run dev:mock`): the panel runs on the scenario towns with no backend. */
export const worker = setupWorker(...handlers);
