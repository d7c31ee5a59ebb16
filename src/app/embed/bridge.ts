import { isAllowedOrigin } from './origins';
import { parseHostMessage, toPanelMessage, type HostUser, type PanelMessageBody, type Theme } from './messages';

export interface HostSession {
  token: string;
  user: HostUser;
}

export interface IframeBridgeOptions {
  /** Dashboard origins allowed to talk to the panel (never `*`). */
  allowedOrigins: readonly string[];
  /** The window that frames the panel. */
  parent: Pick<Window, 'postMessage'>;
  /** Where `message` events arrive (the panel's own window). */
  self: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  onSession: (session: HostSession) => void;
  onTheme: (theme: Theme) => void;
  onNavigate: (path: string) => void;
  onViewport?: (viewport: { top: number; height: number }) => void;
  /** Where refused messages are reported (never with their content: it may hold a token). */
  log?: (message: string) => void;
  /** How long a token request waits for the dashboard's answer. */
  tokenTimeoutMs?: number;
}

export interface IframeBridge {
  /** The dashboard origin that has spoken to the panel, once one has. */
  readonly hostOrigin: string | null;
  send(body: PanelMessageBody): void;
  /** Asks the dashboard for a fresh session; resolves null if none arrives in time. */
  requestSession(reason: 'unauthorized' | 'missing'): Promise<HostSession | null>;
  dispose(): void;
}

const defaultLog = (message: string) => console.warn(`[gastown-admin embed] ${message}`);

let sequence = 0;
const nextRequestId = () => `req-${Date.now().toString(36)}-${(++sequence).toString(36)}`;

/**
 * The panel's side of the iframe protocol. Accepts a message only when it comes from an allow-listed
 * origin, from the framing window itself, and matches the versioned schema; anything else is ignored
 * and logged. Messages to the host go only to allow-listed origins (to the one that spoke, once known).
 */
export function createIframeBridge(options: IframeBridgeOptions): IframeBridge {
  const log = options.log ?? defaultLog;
  let hostOrigin: string | null = null;
  let pending: {
    promise: Promise<HostSession | null>;
    resolve: (s: HostSession | null) => void;
    timer: ReturnType<typeof setTimeout>;
  } | null = null;

  const listener = (event: MessageEvent) => {
    if (!isAllowedOrigin(event.origin, options.allowedOrigins)) {
      log(`ignored a message from ${event.origin || 'an unknown origin'}: not an allowed dashboard origin`);
      return;
    }
    if (event.source !== (options.parent as unknown)) {
      log(`ignored a message from ${event.origin}: it did not come from the window that frames the panel`);
      return;
    }
    if (hostOrigin && event.origin !== hostOrigin) {
      log(`ignored a message from ${event.origin}: the panel is talking to ${hostOrigin}`);
      return;
    }
    const parsed = parseHostMessage(event.data);
    if (!parsed.ok) {
      log(`ignored a message from ${event.origin}: ${parsed.reason}`);
      return;
    }
    hostOrigin = event.origin;
    const message = parsed.message;
    switch (message.type) {
      case 'session': {
        const session = { token: message.token, user: message.user };
        options.onSession(session);
        if (pending) {
          clearTimeout(pending.timer);
          pending.resolve(session);
          pending = null;
        }
        break;
      }
      case 'theme':
        options.onTheme(message.theme);
        break;
      case 'navigate':
        options.onNavigate(message.path);
        break;
      case 'viewport':
        options.onViewport?.({ top: message.top, height: message.height });
        break;
    }
  };
  options.self.addEventListener('message', listener);

  function send(body: PanelMessageBody) {
    const message = toPanelMessage(body);
    // Before the host has spoken, address every allowed origin: the browser delivers only to the
    // one the framing page actually has, so nothing reaches a page that is not on the list.
    for (const origin of hostOrigin ? [hostOrigin] : options.allowedOrigins) options.parent.postMessage(message, origin);
  }

  return {
    get hostOrigin() {
      return hostOrigin;
    },
    send,
    requestSession(reason) {
      if (pending) return pending.promise;
      let resolve!: (s: HostSession | null) => void;
      const promise = new Promise<HostSession | null>((r) => (resolve = r));
      const timer = setTimeout(() => {
        log('the dashboard did not answer the token request in time');
        pending = null;
        resolve(null);
      }, options.tokenTimeoutMs ?? 10_000);
      pending = { promise, resolve, timer };
      send({ type: 'token-request', requestId: nextRequestId(), reason });
      return promise;
    },
    dispose() {
      options.self.removeEventListener('message', listener);
      if (pending) {
        clearTimeout(pending.timer);
        pending.resolve(null);
        pending = null;
      }
    },
  };
}
