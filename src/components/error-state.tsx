import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { clearSession, isApiError } from '../api';
import { paths } from '../lib/paths';

interface Explained {
  title: string;
  message: string;
  hint?: string;
}

/** Turns any failure into what happened and what to do, specific to its kind. */
export function explainError(error: unknown, what?: string): Explained {
  if (!isApiError(error)) {
    return {
      title: 'Something went wrong in the panel',
      message: error instanceof Error ? error.message : String(error),
      hint: 'Reload the page; if it persists, report it with the steps that led here.',
    };
  }
  switch (error.code) {
    case 'unauthorized':
      return {
        title: 'Your admin session has expired',
        message: error.message,
        hint: 'Sign in again to continue; nothing you were looking at is lost.',
      };
    case 'forbidden':
      return {
        title: 'Admins only',
        message: error.message,
        hint: 'Gastown Admin is limited to Kilo admins (is_admin). Ask an admin if you need access.',
      };
    case 'not_found':
      return {
        title: `Not found${what ? `: ${what}` : ''}`,
        message: error.message,
        hint: 'Check the link; the item may have been deleted or belong to another town.',
      };
    case 'not_recorded':
      return {
        title: `${what ? `${what[0]!.toUpperCase()}${what.slice(1)}: n` : 'N'}ot recorded by this deployment`,
        message: error.message,
        hint: 'This backend does not keep this data (production does not record it yet), so there is nothing to show — not an empty history. See docs/production-mapping.md.',
      };
    case 'not_supported':
      return {
        title: 'Not supported by this deployment',
        message: error.message,
        hint: 'This backend does not have this admin procedure. Nothing was changed.',
      };
    case 'conflict':
      return { title: 'Changed since you loaded it', message: error.message, hint: 'Reload to see the current state, then try again.' };
    case 'invalid_state':
      return {
        title: 'Not possible in the current state',
        message: error.message,
        hint: 'Nothing was changed. Pick another target or action.',
      };
    case 'timeout':
      return {
        title: 'The admin API took too long',
        message: error.message,
        hint: 'The town may be under load. Retry; if it keeps timing out, check the platform status.',
      };
    case 'network':
      return { title: 'Cannot reach the admin API', message: error.message, hint: 'Check your connection or VPN, then retry.' };
    case 'invalid_response':
      if (error.retryable)
        return {
          title: 'The admin API’s answer did not arrive whole',
          message: error.message,
          hint: 'This is usually a hiccup between the panel and the API: retry.',
        };
      return {
        title: 'The admin API sent data this panel does not understand',
        message: error.message,
        hint: 'The API and the panel disagree on the contract: report this message to the Gastown team. Retrying will not help.',
      };
    case 'bad_request':
      return { title: 'The request was refused', message: error.message, hint: 'Check the filters or the link you followed.' };
    default:
      return {
        title: error.status >= 500 ? `The admin API failed (HTTP ${error.status})` : `Request failed (HTTP ${error.status})`,
        message: error.message,
        hint: error.retryable ? 'This is usually temporary: retry in a moment.' : undefined,
      };
  }
}

/** The error view used by every page and tab: specific message plus a way forward. */
export function ErrorState({
  error,
  onRetry,
  what,
  kept,
  about,
  children,
}: {
  error: unknown;
  onRetry?: () => void;
  what?: string;
  /** What was being read and what the panel does without it, under the explanation. */
  about?: ReactNode;
  /** The view behind the error is still the one loaded before (a failed refresh): say so. */
  kept?: boolean;
  children?: ReactNode;
}) {
  const { title, message, hint } = explainError(error, what);
  const code = isApiError(error) ? error.code : null;
  const canRetry = onRetry && (!isApiError(error) || error.retryable || error.code === 'conflict');
  // A feed the deployment does not record is a fact about the backend, not a failure: said calmly.
  if (code === 'not_recorded')
    return (
      <div className="state state-empty not-recorded" data-testid="not-recorded">
        <strong>{title}</strong>
        {hint ? <div className="muted">{hint}</div> : null}
      </div>
    );
  return (
    <div className={kept ? 'state state-error state-kept' : 'state state-error'} role="alert">
      <strong className="state-title">{title}</strong>
      <p className="state-message">{message}</p>
      {hint ? <p className="muted">{hint}</p> : null}
      {about ? <p className="muted">{about}</p> : null}
      {kept ? <p className="muted">Still showing what was loaded before this failed.</p> : null}
      {isApiError(error) && error.endpoint ? <p className="muted mono small">{error.endpoint}</p> : null}
      <div className="state-actions">
        {canRetry ? (
          <button type="button" className="button" onClick={onRetry}>
            Retry
          </button>
        ) : null}
        {code === 'unauthorized' ? (
          <button type="button" className="button button-primary" onClick={() => clearSession()}>
            Sign in again
          </button>
        ) : null}
        {code === 'not_found' || code === 'forbidden' || code === 'bad_request' ? (
          <Link className="button" to={paths.users.getHref()}>
            Back to user search
          </Link>
        ) : null}
        {children}
      </div>
    </div>
  );
}

/**
 * A refresh that failed over a view already shown (live refresh, Retry, a refetch after an action):
 * the same explanation, above the view, which stays as it was loaded — one bad answer never blanks a
 * page an operator is reading. Views return a full-page `ErrorState` only while they have no data.
 */
export function RefreshFailed({
  query,
  what,
}: {
  query: { isError: boolean; error: unknown; data: unknown; refetch: () => unknown };
  what?: string;
}) {
  if (!query.isError || query.data === undefined) return null;
  return <ErrorState error={query.error} what={what} onRetry={() => void query.refetch()} kept />;
}
