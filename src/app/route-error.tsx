import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ErrorState } from '../components/error-state';
import { paths } from '../lib/paths';

/** Per-route error boundary: a broken view never takes the shell (or the other tabs) down with it. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    const found = error.data as Partial<NotFoundData> | null;
    return <NotFound what={found?.what ?? (error.statusText || 'page')} back={found?.back} />;
  }
  return (
    <div className="page">
      <ErrorState error={error} onRetry={() => window.location.reload()} />
    </div>
  );
}

/** What a route's loader throws (as `data(…, { status: 404 })`) for an unknown path segment. */
export interface NotFoundData {
  what: string;
  /** The nearest page that does exist. */
  back?: { to: string; label: string };
}

/** Names what was looked up, with a way back. */
export function NotFound({ what, back }: NotFoundData) {
  return (
    <div className="page">
      <div className="state state-error" role="alert">
        <strong className="state-title">Not found: {what}</strong>
        <p className="muted">The link may be mistyped, or the item was deleted.</p>
        <div className="state-actions">
          {back ? (
            <Link className="button button-primary" to={back.to}>
              {back.label}
            </Link>
          ) : null}
          <Link className="button" to={paths.users.getHref()}>
            Back to user search
          </Link>
        </div>
      </div>
    </div>
  );
}
