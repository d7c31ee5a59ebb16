import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { apiClient, sessionStore, setSessionToken } from './api';
import { App } from './app/app';
import { isFramed, startIframePanel } from './app/embed/iframe';
import { createQueryClient } from './app/query-client';
import { shareSessionAcrossTabs } from './app/session-share';
import './app/styles.css';

async function start() {
  if (__MOCK_API__) {
    const { worker } = await import('./mocks/browser');
    await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  }
  const framed = isFramed();
  // `#token=…` (printed by `npm start`) signs in once; the fragment never reaches a server and is removed.
  // Framed, only the dashboard's token counts: the fragment is ignored.
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const handed = fragment.get('token');
  if (handed) {
    if (!framed) setSessionToken(handed);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  apiClient.configure({
    baseUrl: import.meta.env.VITE_API_BASE ?? '',
    getToken: () => sessionStore.getState().token,
  });
  const basename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/';
  const root = createRoot(document.getElementById('root')!);
  if (framed) {
    startIframePanel(root, { basename, queryClient: createQueryClient() });
    return;
  }
  // Standalone only: embedded, the dashboard hands each panel its session.
  shareSessionAcrossTabs();
  root.render(
    <StrictMode>
      <App queryClient={createQueryClient()} basename={basename} />
    </StrictMode>,
  );
}

void start();
