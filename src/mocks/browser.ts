import { setupWorker } from 'msw/browser';
import { handlers, setMockLive, setMockProfile } from './handlers';

/** MSW in the browser (`npm run dev:mock`): the panel runs on the scenario towns with no backend. */
setMockLive(true);
// `VITE_PROFILE=production-today npm run dev:mock`: the backend plays production as it records today.
if (import.meta.env.VITE_PROFILE === 'production-today') setMockProfile('production-today');
export const worker = setupWorker(...handlers);
