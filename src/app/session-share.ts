import { createStore } from 'zustand/vanilla';
import { clearSession, sessionStore, setSessionToken } from '../api';

/**
 * One session across the tabs of one browser. The token lives in sessionStorage (per tab), so a deep
 * link pasted into a new tab would ask for it again: instead the new tab asks the open tabs over a
 * BroadcastChannel (same origin only, never leaves the browser) and takes the token one of them
 * holds. Signing out in one tab signs out all; signing in on one tab's form signs in the tabs still
 * waiting at theirs. A host's token (embedded panel) is the host's to hand out: never offered.
 */
export const SESSION_CHANNEL = 'gastown-admin.session';
/** How long a new tab waits for an open tab's answer before showing the sign-in form. */
export const ASK_TIMEOUT_MS = 400;

type Message = { type: 'ask' } | { type: 'offer'; token: string } | { type: 'signed-in'; token: string } | { type: 'signed-out' };

/** Whether this tab is still waiting for another tab's answer (the gate shows a short wait, not the form). */
export const sessionAskStore = createStore<{ asking: boolean }>(() => ({ asking: false }));

interface ChannelLike {
  postMessage(message: unknown): void;
  close(): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

function isMessage(data: unknown): data is Message {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as { type?: unknown; token?: unknown };
  if (m.type === 'ask' || m.type === 'signed-out') return true;
  return (m.type === 'offer' || m.type === 'signed-in') && typeof m.token === 'string' && m.token.length > 0;
}

/**
 * Starts sharing this tab's session; returns the stop. Without BroadcastChannel (old browsers,
 * some sandboxes) every tab signs in on its own, as before.
 */
export function shareSessionAcrossTabs(
  openChannel: () => ChannelLike | null = () => (typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(SESSION_CHANNEL)),
): () => void {
  const channel = openChannel();
  if (!channel) return () => {};
  // Set while this tab applies another tab's change, so it is not broadcast back.
  let applying = false;
  const apply = (change: () => void) => {
    applying = true;
    try {
      change();
    } finally {
      applying = false;
    }
  };

  channel.onmessage = (event) => {
    const message: unknown = event.data;
    if (!isMessage(message)) return;
    const { token, source } = sessionStore.getState();
    switch (message.type) {
      case 'ask':
        if (token && source === 'dev') channel.postMessage({ type: 'offer', token } satisfies Message);
        break;
      case 'offer':
      case 'signed-in':
        // A tab with a session of its own keeps it (it may be another admin's, chosen on purpose).
        if (!token) apply(() => setSessionToken(message.token));
        sessionAskStore.setState({ asking: false });
        break;
      case 'signed-out':
        if (token && source === 'dev') apply(() => clearSession());
        break;
    }
  };

  const unsubscribe = sessionStore.subscribe((now, before) => {
    if (applying || now.token === before.token) return;
    if (now.token && now.source === 'dev') channel.postMessage({ type: 'signed-in', token: now.token } satisfies Message);
    else if (!now.token && before.token && before.source === 'dev') channel.postMessage({ type: 'signed-out' } satisfies Message);
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  if (!sessionStore.getState().token) {
    sessionAskStore.setState({ asking: true });
    channel.postMessage({ type: 'ask' } satisfies Message);
    timer = setTimeout(() => sessionAskStore.setState({ asking: false }), ASK_TIMEOUT_MS);
  }

  return () => {
    clearTimeout(timer);
    sessionAskStore.setState({ asking: false });
    unsubscribe();
    channel.onmessage = null;
    channel.close();
  };
}
