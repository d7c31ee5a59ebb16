import { afterEach, describe, expect, it } from 'vitest';
import { clearSession, sessionStore, setSessionToken } from '../api';
import { sessionAskStore, shareSessionAcrossTabs } from './session-share';

/** BroadcastChannel semantics between the tabs of one test: a post reaches every other end, later. */
function createHub() {
  const ends: { onmessage: ((event: MessageEvent) => void) | null; closed: boolean }[] = [];
  const open = () => {
    const end = {
      onmessage: null as ((event: MessageEvent) => void) | null,
      closed: false,
      postMessage(data: unknown) {
        for (const other of ends) if (other !== end && !other.closed) queueMicrotask(() => other.onmessage?.({ data } as MessageEvent));
      },
      close() {
        end.closed = true;
      },
    };
    ends.push(end);
    return end;
  };
  /** Another tab, played by the test: what it received, and a way to post. */
  const otherTab = () => {
    const end = open();
    const received: unknown[] = [];
    end.onmessage = (event) => received.push(event.data);
    return { received, post: (data: unknown) => end.postMessage(data), end };
  };
  return { open, otherTab };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

let stop: () => void = () => {};
afterEach(() => {
  stop();
  clearSession();
});

describe('one session across tabs', () => {
  it('a new tab asks the open tabs and is signed in with the token one of them offers', async () => {
    const hub = createHub();
    const open = hub.otherTab();
    open.end.onmessage = (event) => {
      open.received.push(event.data);
      if ((event.data as { type: string }).type === 'ask') open.post({ type: 'offer', token: 'dev-admin-token' });
    };
    stop = shareSessionAcrossTabs(hub.open);
    expect(sessionAskStore.getState().asking).toBe(true);
    await flush();
    expect(open.received).toEqual([{ type: 'ask' }]);
    expect(sessionStore.getState()).toEqual({ token: 'dev-admin-token', source: 'dev' });
    expect(sessionAskStore.getState().asking).toBe(false);
    // Adopting the offer is not news for the other tabs: nothing is broadcast back.
    expect(open.received).toHaveLength(1);
  });

  it('a signed-in tab offers its token to a tab that asks', async () => {
    setSessionToken('dev-admin-token');
    const hub = createHub();
    stop = shareSessionAcrossTabs(hub.open);
    const asker = hub.otherTab();
    asker.post({ type: 'ask' });
    await flush();
    expect(asker.received).toEqual([{ type: 'offer', token: 'dev-admin-token' }]);
  });

  it('signing out in one tab signs out the others', async () => {
    setSessionToken('dev-admin-token');
    const hub = createHub();
    stop = shareSessionAcrossTabs(hub.open);
    const other = hub.otherTab();
    other.post({ type: 'signed-out' });
    await flush();
    expect(sessionStore.getState().token).toBeNull();
    expect(sessionStorage.getItem('gastown-admin.token')).toBeNull();
  });

  it('signing out here tells the other tabs; signing in here signs in the tabs still at the form', async () => {
    const hub = createHub();
    stop = shareSessionAcrossTabs(hub.open);
    const other = hub.otherTab();
    setSessionToken('dev-admin-token');
    clearSession();
    await flush();
    expect(other.received).toEqual([{ type: 'signed-in', token: 'dev-admin-token' }, { type: 'signed-out' }]);
  });

  it('a tab with a session of its own keeps it when another tab signs in as someone else', async () => {
    setSessionToken('dev-admin-token');
    const hub = createHub();
    stop = shareSessionAcrossTabs(hub.open);
    hub.otherTab().post({ type: 'signed-in', token: 'another-admin-token' });
    await flush();
    expect(sessionStore.getState().token).toBe('dev-admin-token');
  });

  it('never offers a host’s token (an embedded panel’s session belongs to its dashboard)', async () => {
    setSessionToken('host-token', 'host');
    const hub = createHub();
    stop = shareSessionAcrossTabs(hub.open);
    const asker = hub.otherTab();
    asker.post({ type: 'ask' });
    asker.post({ type: 'signed-out' });
    await flush();
    expect(asker.received).toEqual([]);
    expect(sessionStore.getState().token).toBe('host-token');
  });

  it('ignores messages that are not the panel’s (no token, unknown type)', async () => {
    const hub = createHub();
    stop = shareSessionAcrossTabs(hub.open);
    const other = hub.otherTab();
    other.post({ type: 'offer' });
    other.post({ type: 'offer', token: '' });
    other.post('signed-out');
    await flush();
    expect(sessionStore.getState().token).toBeNull();
  });

  it('shows the sign-in form when no tab answers in time', async () => {
    const hub = createHub();
    stop = shareSessionAcrossTabs(hub.open);
    expect(sessionAskStore.getState().asking).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(sessionAskStore.getState().asking).toBe(false);
    expect(sessionStore.getState().token).toBeNull();
  });
});
