import { useEffect, useRef, useState } from 'react';
import { EMBED_PROTOCOL, EMBED_PROTOCOL_VERSION, type HostMessage, type PanelMessage, type Theme } from '../../../src/app/embed/messages';
import { tokenSource, type Persona } from './personas';

type HostMessageBody = HostMessage extends infer M ? (M extends unknown ? Omit<M, 'protocol' | 'version'> : never) : never;

function isPanelMessage(data: unknown): data is PanelMessage {
  const m = data as Partial<PanelMessage> | null;
  return typeof m === 'object' && m !== null && m.protocol === EMBED_PROTOCOL && m.version === EMBED_PROTOCOL_VERSION;
}

/**
 * The dashboard's side of the iframe protocol: waits for `ready`, hands over the admin's session and
 * theme, answers token requests, mirrors the panel's route into its own URL and sizes the frame.
 */
export function IframePanel({
  panelOrigin,
  initialPath,
  persona,
  theme,
  onRoute,
}: {
  panelOrigin: string;
  initialPath: string;
  persona: Persona;
  theme: Theme;
  onRoute: (path: string) => void;
}) {
  const frame = useRef<HTMLIFrameElement>(null);
  // Set once: later routes come from the panel; changing `src` would reload it.
  const [src] = useState(() => `${panelOrigin}${initialPath}`);
  const [height, setHeight] = useState(420);
  const [ready, setReady] = useState(false);
  const [handovers, setHandovers] = useState(0);
  // The persona is fixed for this frame's life (the host remounts it on a change of signed-in admin).
  const [nextToken] = useState(() => tokenSource(persona));
  const latest = useRef({ persona, theme, onRoute });
  useEffect(() => {
    latest.current = { persona, theme, onRoute };
  });

  useEffect(() => {
    const post = (body: HostMessageBody) =>
      frame.current?.contentWindow?.postMessage({ protocol: EMBED_PROTOCOL, version: EMBED_PROTOCOL_VERSION, ...body }, panelOrigin);
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== panelOrigin || event.source !== frame.current?.contentWindow || !isPanelMessage(event.data)) return;
      const message = event.data;
      const { user } = latest.current.persona;
      switch (message.type) {
        case 'ready':
          setReady(true);
          setHandovers((n) => n + 1);
          void nextToken().then((token) => post({ type: 'session', token, user }));
          post({ type: 'theme', theme: latest.current.theme });
          break;
        case 'token-request':
          setHandovers((n) => n + 1);
          void nextToken().then((token) => post({ type: 'session', token, user, requestId: message.requestId }));
          break;
        case 'route':
          latest.current.onRoute(message.path);
          break;
        case 'height':
          setHeight(Math.max(message.height, 240));
          break;
      }
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [panelOrigin, nextToken]);

  // The visible part of the frame, so the panel opens its dialogs where the admin is looking.
  useEffect(() => {
    if (!ready) return;
    let frameRequest = 0;
    const report = () => {
      frameRequest = 0;
      const element = frame.current;
      if (!element?.contentWindow) return;
      const rect = element.getBoundingClientRect();
      const top = Math.max(0, -rect.top);
      const height = Math.max(1, Math.min(rect.bottom, window.innerHeight) - Math.max(rect.top, 0));
      element.contentWindow.postMessage(
        { protocol: EMBED_PROTOCOL, version: EMBED_PROTOCOL_VERSION, type: 'viewport', top, height },
        panelOrigin,
      );
    };
    const schedule = () => {
      if (!frameRequest) frameRequest = requestAnimationFrame(report);
    };
    report();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      if (frameRequest) cancelAnimationFrame(frameRequest);
    };
  }, [ready, height, panelOrigin]);

  // The dashboard's theme switch reaches the panel at once.
  useEffect(() => {
    if (ready)
      frame.current?.contentWindow?.postMessage(
        { protocol: EMBED_PROTOCOL, version: EMBED_PROTOCOL_VERSION, type: 'theme', theme },
        panelOrigin,
      );
  }, [theme, ready, panelOrigin]);

  return (
    <iframe
      ref={frame}
      name="gastown-admin"
      title="Gastown Admin"
      className="panel-frame"
      src={src}
      style={{ height }}
      data-session-handovers={handovers}
    />
  );
}
