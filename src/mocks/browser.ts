import { setupWorker } from 'msw/browser';
import { handlers, setMockLive } from './handlers';

/** MSW in the browser (`npm run dev:mock`): the panel runs on the scenario towns with no backend. */
setMockLive(true);
export const worker = setupWorker(...handlers);
