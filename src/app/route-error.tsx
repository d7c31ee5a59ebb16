import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ErrorState } from '../components/error-state';

/** Per-route error boundary: a broken view never takes the shell (or the other tabs) down with it. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound what={error.statusText || 'page'} />;
  return (
    <div className="page">
      <ErrorState error={error} onRetry={() => window.location.reload()} />
    </div>
  );
}

/** Names what was looked up, with a way back. */
export function NotFound({ what }: { what: string }) {
  return (
    <div className="page">
      <div className="state state-error" role="alert">
        <strong className="state-title">Not found: {what}</strong>
        <p className="muted">The link may be mistyped, or the item was deleted.</p>
        <div className="state-actions">
          <Link className="button" to="/users">
            Back to user search
          </Link>
        </div>
      </div>
    </div>
  );
}
