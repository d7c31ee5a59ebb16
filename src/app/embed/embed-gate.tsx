import { useEffect, useState } from 'react';
import { setSessionToken } from '../../api';
import { Loading } from '../../components/states';
import type { EmbedHost } from './embed-host';

/** How long the panel waits for the host's session before explaining what may be wrong. */
const PATIENCE_MS = 8_000;

function usePatienceRunsOut(key: unknown): boolean {
  const [out, setOut] = useState<{ key: unknown } | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setOut({ key }), PATIENCE_MS);
    return () => clearTimeout(timer);
  }, [key]);
  return out?.key === key;
}

/** Embedded and no token yet: the host hands it over; there is no sign-in form here. */
export function EmbedWaiting({ host }: { host: EmbedHost }) {
  const late = usePatienceRunsOut(host);
  return (
    <div className="gate gate-embedded">
      {late ? (
        <div className="gate-card" role="alert">
          <h1>No admin session from the dashboard</h1>
          <p>The admin dashboard has not handed over your session.</p>
          <p className="muted">{host.waitingHint}</p>
        </div>
      ) : (
        <Loading label="Waiting for the admin dashboard to share your session" />
      )}
    </div>
  );
}

/**
 * Embedded and the API said 401: ask the host for a fresh token instead of showing a login.
 * One request per rejected token; if the host has nothing better, say so.
 */
export function EmbedRenewal({ host, token, message }: { host: EmbedHost; token: string; message: string }) {
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void host.renewSession().then((fresh) => {
      if (!live) return;
      if (!fresh || fresh === token) setFailed(token);
      else setSessionToken(fresh, 'host');
    });
    return () => {
      live = false;
    };
  }, [host, token]);

  if (failed !== token) {
    return (
      <div className="gate gate-embedded">
        <Loading label="Renewing your admin session with the dashboard" />
      </div>
    );
  }
  return (
    <div className="gate gate-embedded">
      <div className="gate-card" role="alert">
        <h1>Your admin session has expired</h1>
        <p>{message}</p>
        <p className="muted">
          The admin dashboard could not renew it. Reload the dashboard page to sign in again; this view is kept in its address.
        </p>
      </div>
    </div>
  );
}
