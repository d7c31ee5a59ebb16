import { useState, type ReactNode } from 'react';
import { requestDevToken, setSessionToken } from '../api';

const SHOW_DEV_TOKENS = import.meta.env.DEV || __MOCK_API__ || import.meta.env.VITE_SHOW_DEV_TOKENS === '1';

/**
 * Standalone sign-in: paste an admin token (production: minted by the admin dashboard).
 * Embedded in the dashboard, the host hands the token over and this screen never shows.
 */
export function SignIn({ expired = false, message }: { expired?: boolean; message?: string }) {
  return (
    <div className="gate">
      <SignInForm expired={expired} {...(message ? { message } : {})} />
    </div>
  );
}

/** The sign-in card: on its own page, or in the "session expired" prompt over the page the admin was on. */
export function SignInForm({
  expired = false,
  message,
  heading,
  status,
}: {
  expired?: boolean;
  message?: string;
  heading?: ReactNode;
  /** In place of the explanation: what is happening now (a new token being checked). */
  status?: ReactNode;
}) {
  const [token, setToken] = useState('');
  const [devError, setDevError] = useState<string | null>(null);
  const signInAsDev = (admin: boolean) => {
    setDevError(null);
    requestDevToken(admin).then(setSessionToken, (error: Error) => setDevError(error.message));
  };
  return (
    <form
      className="gate-card"
      onSubmit={(event) => {
        event.preventDefault();
        if (token.trim()) setSessionToken(token.trim());
      }}
    >
      {heading ?? <h1>{expired ? 'Your admin session has expired' : 'Gastown Admin'}</h1>}
      {status ?? (
        <p className="muted">
          {expired
            ? `${message ?? 'The admin API no longer accepts your token.'} Sign in again; the page you were on stays open.`
            : 'Inspect and repair a user’s Gastown towns. Sign in with your admin token.'}
        </p>
      )}
      <label className="label" htmlFor="token">
        Admin token
      </label>
      <input
        id="token"
        className="input"
        type="password"
        autoComplete="off"
        autoFocus
        value={token}
        onChange={(e) => setToken(e.target.value)}
      />
      <div className="state-actions">
        <button type="submit" className="button button-primary" disabled={!token.trim()}>
          Sign in
        </button>
      </div>
      {SHOW_DEV_TOKENS ? (
        <div className="dev-tokens">
          <p className="small muted">Local development tokens (scenario data only), signed by the local backend:</p>
          <button type="button" className="button" onClick={() => signInAsDev(true)}>
            Sign in as dev admin
          </button>
          <button type="button" className="button" onClick={() => signInAsDev(false)}>
            Sign in as non-admin (support)
          </button>
          {devError ? (
            <p className="small text-red" role="alert">
              {devError}
            </p>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
