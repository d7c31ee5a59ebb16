import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { apiClient, clearSession, endpoints, isApiError, queryKeys, sessionStore, type User } from '../api';
import { ErrorState, RefreshFailed } from '../components/error-state';
import { Loading } from '../components/states';
import { EmbedRenewal, EmbedWaiting } from './embed/embed-gate';
import { useEmbedHost } from './embed/embed-host';
import { sessionAskStore } from './session-share';
import { SessionExpiredPrompt } from './session-expired';
import { SignIn } from './sign-in';

/**
 * Shows the app only to a signed-in admin: sign-in, "session expired" and "admins only" otherwise.
 * Embedded, the host owns the session: no sign-in form; a 401 asks the host for a fresh token.
 * When a session that was showing the app expires (admin tokens are short-lived), the page stays
 * mounted under the renewal — the prompt standalone, the host's renewal embedded — so nothing the
 * admin was typing is lost; a fresh token for a non-admin still gets "admins only" and no page.
 */
export function SessionGate({ children }: { children: (admin: User) => ReactNode }) {
  const embed = useEmbedHost();
  const token = useStore(sessionStore, (s) => s.token);
  const asking = useStore(sessionAskStore, (s) => s.asking);
  const session = useQuery({
    queryKey: [...queryKeys.session(), token],
    queryFn: ({ signal }) => apiClient.get(endpoints.session(), signal),
    enabled: Boolean(token),
    staleTime: 5 * 60_000,
    retry: (count, error) => isApiError(error) && error.retryable && count < 2,
  });
  // The admin the page was last shown to (adjusted during render, React's pattern for derived state).
  const [shownTo, setShownTo] = useState<User | null>(null);
  if (session.data && session.data.user !== shownTo) setShownTo(session.data.user);
  if (!token && shownTo) setShownTo(null);
  const expired = isApiError(session.error) && session.error.status === 401;
  if (token && shownTo && (expired || (session.isPending && !session.data))) {
    const message = expired ? (session.error?.message ?? '') : '';
    return (
      <>
        {children(shownTo)}
        {embed ? (
          expired ? (
            <div className="session-renewal-overlay">
              <EmbedRenewal host={embed} token={token} message={message} />
            </div>
          ) : null
        ) : (
          <SessionExpiredPrompt message={message} checking={expired ? null : session} />
        )}
      </>
    );
  }

  if (!token && !embed && asking)
    return (
      <div className="gate">
        <Loading label="Looking for a signed-in tab" />
      </div>
    );
  if (!token) return embed ? <EmbedWaiting host={embed} /> : <SignIn />;
  if (session.isPending)
    return (
      <div className="gate">
        <Loading label="Checking your admin session" query={session} />
      </div>
    );
  const error = session.error;
  // A re-check that fails for a reason other than the token (offline, a proxy's 502, an answer that did
  // not arrive whole) keeps the page shown, with the failure and Retry above it: the token still holds,
  // and every request the page makes is checked on its own. It used to replace the whole page.
  const tokenRefused = isApiError(error) && (error.status === 401 || error.code === 'forbidden');
  if (session.isError && session.data && !tokenRefused)
    return (
      <>
        {/* After the page, as in every other return (the same slot, so the page is never remounted). */}
        {children(session.data.user)}
        <div className="session-refresh-failed">
          <RefreshFailed query={session} what="your admin session" />
        </div>
      </>
    );
  if (session.isError) {
    if (isApiError(error) && error.status === 401) {
      return embed ? <EmbedRenewal host={embed} token={token} message={error.message} /> : <SignIn expired message={error.message} />;
    }
    if (isApiError(error) && error.code === 'forbidden') {
      return (
        <div className="gate">
          <div className="gate-card">
            <h1>Admins only</h1>
            <p>{error.message}</p>
            <p className="muted">This panel shows customers' Gastown data and is limited to Kilo admins (is_admin). No data was loaded.</p>
            {embed ? null : (
              <button type="button" className="button" onClick={() => clearSession()}>
                Use another account
              </button>
            )}
          </div>
        </div>
      );
    }
    return (
      <div className="gate">
        <ErrorState error={error} onRetry={() => void session.refetch()} />
      </div>
    );
  }
  return <>{children(session.data.user)}</>;
}
