import { afterEach, describe, expect, it, vi } from 'vitest';
import { createIframeBridge, type IframeBridgeOptions } from './bridge';
import { EMBED_PROTOCOL, EMBED_PROTOCOL_VERSION, parseHostMessage } from './messages';

const DASHBOARD = 'https://admin.kilo.ai';
const v1 = { protocol: EMBED_PROTOCOL, version: EMBED_PROTOCOL_VERSION };
const session = { ...v1, type: 'session', token: 'tok-1', user: { id: 'usr_admin', email: 'ada@kilo.ai' } };

/** A fake pair of windows: the panel's (receives events) and the framing dashboard's (receives posts). */
function setup(overrides: Partial<IframeBridgeOptions> = {}) {
  const target = new EventTarget();
  const parent = { postMessage: vi.fn() };
  const handlers = { onSession: vi.fn(), onTheme: vi.fn(), onNavigate: vi.fn(), log: vi.fn() };
  const bridge = createIframeBridge({
    allowedOrigins: [DASHBOARD],
    parent: parent as unknown as Window,
    self: target as unknown as Window,
    ...handlers,
    ...overrides,
  });
  const receive = (data: unknown, { origin = DASHBOARD, source = parent as unknown }: { origin?: string; source?: unknown } = {}) =>
    target.dispatchEvent(new MessageEvent('message', { data, origin, source: source as MessageEventSource }));
  return { bridge, parent, receive, ...handlers };
}

afterEach(() => vi.useRealTimers());

describe('host message schema', () => {
  it('accepts the host messages of version 1', () => {
    expect(parseHostMessage(session)).toMatchObject({ ok: true, message: { type: 'session', token: 'tok-1' } });
    expect(parseHostMessage({ ...v1, type: 'theme', theme: 'dark' })).toMatchObject({ ok: true });
    expect(parseHostMessage({ ...v1, type: 'navigate', path: '/towns/t1/state?tab=x' })).toMatchObject({ ok: true });
    expect(parseHostMessage({ ...v1, type: 'viewport', top: 1200, height: 780 })).toMatchObject({ ok: true });
  });

  it.each([
    ['a string', 'hello', 'not an object'],
    ['another library’s message', { source: 'react-devtools', payload: {} }, 'not a gastown-admin message'],
    ['a future version', { ...session, version: 2 }, 'protocol version 2 is not supported'],
    ['an unknown type', { ...v1, type: 'eval', code: 'alert(1)' }, 'invalid message'],
    ['a session without token', { ...v1, type: 'session', user: { id: 'u' } }, 'token'],
    ['an unknown theme', { ...v1, type: 'theme', theme: 'neon' }, 'theme'],
    ['navigation to another site', { ...v1, type: 'navigate', path: 'https://evil.example/x' }, 'path'],
    ['protocol-relative navigation', { ...v1, type: 'navigate', path: '//evil.example/x' }, 'path'],
    ['a negative viewport', { ...v1, type: 'viewport', top: -5, height: 100 }, 'top'],
  ])('refuses %s and says why', (_label, data, reason) => {
    const parsed = parseHostMessage(data);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toContain(reason);
  });
});

describe('iframe bridge', () => {
  it('takes the session, theme and navigation from the allowed dashboard', () => {
    const { receive, onSession, onTheme, onNavigate, log, bridge } = setup();
    receive(session);
    receive({ ...v1, type: 'theme', theme: 'dark' });
    receive({ ...v1, type: 'navigate', path: '/audit' });
    expect(onSession).toHaveBeenCalledWith({ token: 'tok-1', user: { id: 'usr_admin', email: 'ada@kilo.ai' } });
    expect(onTheme).toHaveBeenCalledWith('dark');
    expect(onNavigate).toHaveBeenCalledWith('/audit');
    expect(log).not.toHaveBeenCalled();
    expect(bridge.hostOrigin).toBe(DASHBOARD);
  });

  it('ignores and logs a message from an origin that is not on the allow-list, without its content', () => {
    const { receive, onSession, log } = setup();
    receive(session, { origin: 'https://evil.example' });
    expect(onSession).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('https://evil.example: not an allowed dashboard origin'));
    expect(log.mock.calls.flat().join(' ')).not.toContain('tok-1');
  });

  it('ignores an allowed origin that is not the framing window (another tab or frame of the dashboard)', () => {
    const { receive, onSession, log } = setup();
    receive(session, { source: {} });
    expect(onSession).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('did not come from the window that frames the panel'));
  });

  it('ignores the opaque "null" origin even if someone listed it', () => {
    const { receive, onSession } = setup({ allowedOrigins: ['null'] });
    receive(session, { origin: 'null' });
    expect(onSession).not.toHaveBeenCalled();
  });

  it('ignores malformed and wrong-version messages from the dashboard and logs the reason', () => {
    const { receive, onSession, log } = setup();
    receive({ ...session, version: 2 });
    receive({ ...session, token: '' });
    expect(onSession).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledTimes(2);
    expect(log.mock.calls[0]![0]).toContain('version 2 is not supported');
  });

  it('before the dashboard speaks, addresses only allow-listed origins; then only the one that spoke', () => {
    const { bridge, parent, receive } = setup({ allowedOrigins: [DASHBOARD, 'https://staging-admin.kilo.ai'] });
    bridge.send({ type: 'ready', path: '/users/u1' });
    expect(parent.postMessage.mock.calls.map((c) => c[1])).toEqual([DASHBOARD, 'https://staging-admin.kilo.ai']);
    expect(parent.postMessage.mock.calls[0]![0]).toEqual({ ...v1, type: 'ready', path: '/users/u1' });
    parent.postMessage.mockClear();
    receive(session);
    bridge.send({ type: 'route', path: '/towns/t1/state' });
    expect(parent.postMessage).toHaveBeenCalledTimes(1);
    expect(parent.postMessage).toHaveBeenCalledWith({ ...v1, type: 'route', path: '/towns/t1/state' }, DASHBOARD);
    expect(parent.postMessage.mock.calls.some((c) => c[1] === '*')).toBe(false);
  });

  it('once talking to one dashboard, ignores another allowed origin', () => {
    const { receive, onTheme, log } = setup({ allowedOrigins: [DASHBOARD, 'https://staging-admin.kilo.ai'] });
    receive(session);
    receive({ ...v1, type: 'theme', theme: 'dark' }, { origin: 'https://staging-admin.kilo.ai' });
    expect(onTheme).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining(`the panel is talking to ${DASHBOARD}`));
  });

  it('asks the dashboard for a fresh token and resolves with the session it sends back', async () => {
    const { bridge, parent, receive } = setup();
    receive(session);
    const first = bridge.requestSession('unauthorized');
    const second = bridge.requestSession('unauthorized');
    expect(second).toBe(first);
    const request = parent.postMessage.mock.calls.at(-1)![0];
    expect(request).toMatchObject({ ...v1, type: 'token-request', reason: 'unauthorized' });
    receive({ ...session, token: 'tok-2', requestId: request.requestId });
    await expect(first).resolves.toEqual({ token: 'tok-2', user: session.user });
  });

  it('resolves a token request with null when the dashboard stays silent', async () => {
    vi.useFakeTimers();
    const { bridge, log } = setup({ tokenTimeoutMs: 1_000 });
    const request = bridge.requestSession('unauthorized');
    vi.advanceTimersByTime(1_001);
    await expect(request).resolves.toBeNull();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('did not answer'));
  });

  it('stops listening when disposed', () => {
    const { bridge, receive, onSession } = setup();
    bridge.dispose();
    receive(session);
    expect(onSession).not.toHaveBeenCalled();
  });
});
