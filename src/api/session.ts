import { createStore } from 'zustand/vanilla';

/**
 * Where the admin's bearer token lives. Dev: chosen on the sign-in screen and kept for the tab's
 * life (sessionStorage); embedded: handed over by the host dashboard. The client reads it per request.
 */
export interface SessionState {
  token: string | null;
  /** Where the token came from, for the sign-in screen's wording. */
  source: 'none' | 'dev' | 'host';
}

const STORAGE_KEY = 'gastown-admin.token';

function readStored(): string | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export const sessionStore = createStore<SessionState>(() => {
  const token = readStored();
  return { token, source: token ? 'dev' : 'none' };
});

export function setSessionToken(token: string, source: SessionState['source'] = 'dev') {
  // A host's token stays in memory: the host hands it over again, and an embedded panel leaves nothing in the host's storage.
  if (source !== 'host') {
    try {
      sessionStorage.setItem(STORAGE_KEY, token);
    } catch {
      // storage can be unavailable (private mode, sandboxed iframe): keep the token in memory only
    }
  }
  sessionStore.setState({ token, source });
}

export function clearSession() {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // see above
  }
  sessionStore.setState({ token: null, source: 'none' });
}
