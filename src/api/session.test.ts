import { afterEach, describe, expect, it } from 'vitest';
import { clearSession, sessionStore, setSessionToken } from './session';

afterEach(() => clearSession());

describe('the session token store', () => {
  it('keeps a dev sign-in for the tab’s life', () => {
    setSessionToken('dev-admin-token');
    expect(sessionStorage.getItem('gastown-admin.token')).toBe('dev-admin-token');
    expect(sessionStore.getState()).toEqual({ token: 'dev-admin-token', source: 'dev' });
  });

  it('keeps a host’s token in memory only (an embedded panel writes nothing to the host’s storage)', () => {
    setSessionToken('host-token', 'host');
    expect(sessionStore.getState()).toEqual({ token: 'host-token', source: 'host' });
    expect(sessionStorage.getItem('gastown-admin.token')).toBeNull();
  });
});
