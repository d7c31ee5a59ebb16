import type { QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import { clearSession, setSessionToken } from '../../api';
import { App } from '../app';
import { createIframeBridge } from './bridge';
import { followRoutes, toInnerPath, type EmbedHost, type EmbeddableRouter } from './embed-host';
import { parseAllowedOrigins } from './origins';
import './embed.css';

/** True when the page runs inside a frame (the dashboard's iframe, or anything else framing it). */
export function isFramed(win: Window = window): boolean {
  try {
    return win.self !== win.top;
  } catch {
    return true;
  }
}

/** Reports the document's content height whenever it changes, so the host can size the iframe. */
function observeHeight(report: (height: number) => void): () => void {
  let last = -1;
  let frame = 0;
  const measure = () => {
    frame = 0;
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      report(height);
    }
  };
  const observer = new ResizeObserver(() => {
    if (!frame) frame = requestAnimationFrame(measure);
  });
  observer.observe(document.body);
  return () => {
    observer.disconnect();
    if (frame) cancelAnimationFrame(frame);
  };
}

/**
 * Iframe mode: the dashboard frames the panel and talks to it through the bridge. The panel uses
 * the token the dashboard hands over and nothing else (a stored dev token is dropped), reports its
 * route and height, asks the dashboard for a fresh token on 401, and takes the dashboard's theme.
 */
export function startIframePanel(root: Root, { basename, queryClient }: { basename: string; queryClient: QueryClient }) {
  const { origins, rejected } = parseAllowedOrigins(import.meta.env.VITE_EMBED_ALLOWED_ORIGINS);
  for (const r of rejected) console.error(`[gastown-admin embed] VITE_EMBED_ALLOWED_ORIGINS entry “${r.entry}” refused: ${r.reason}`);
  if (origins.length === 0)
    console.error(
      '[gastown-admin embed] framed, but no dashboard origin is allowed (VITE_EMBED_ALLOWED_ORIGINS is empty): every message is ignored',
    );

  document.documentElement.dataset.embedded = 'iframe';
  clearSession();

  let router: EmbeddableRouter | null = null;
  const bridge = createIframeBridge({
    allowedOrigins: origins,
    parent: window.parent,
    self: window,
    onSession: (session) => setSessionToken(session.token, 'host'),
    onTheme: (theme) => {
      document.documentElement.dataset.theme = theme;
    },
    onNavigate: (path) => void router?.navigate(path),
    onViewport: ({ top, height }) => {
      document.documentElement.style.setProperty('--embed-visible-top', `${top}px`);
      document.documentElement.style.setProperty('--embed-visible-height', `${height}px`);
    },
  });

  const host: EmbedHost = {
    kind: 'iframe',
    waitingHint:
      origins.length > 0
        ? `This panel accepts a session only from ${origins.join(', ')}. If the dashboard runs elsewhere, add its origin to VITE_EMBED_ALLOWED_ORIGINS.`
        : 'No dashboard origin is configured (VITE_EMBED_ALLOWED_ORIGINS), so the panel ignores every message.',
    async renewSession() {
      const session = await bridge.requestSession('unauthorized');
      return session?.token ?? null;
    },
    connectRouter(next) {
      router = next;
      const stop = followRoutes(next, basename, (path) => bridge.send({ type: 'route', path }));
      return () => {
        stop();
        if (router === next) router = null;
      };
    },
  };

  observeHeight((height) => bridge.send({ type: 'height', height }));
  root.render(
    <StrictMode>
      <App queryClient={queryClient} basename={basename} embed={host} />
    </StrictMode>,
  );
  bridge.send({ type: 'ready', path: toInnerPath(window.location, basename) });
}
