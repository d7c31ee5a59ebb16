import type { ReactNode } from 'react';
import { useWaiting, type WaitingQuery } from './waiting';

/**
 * A loading placeholder that says what is loading (and how far, when known). Given its `query`, a
 * request that hangs says "Still waiting (20 s)…" with Cancel and Retry (components/waiting.tsx).
 */
export function Loading({
  label,
  progress,
  query,
  quiet = false,
  hiddenUntilOverdue = false,
}: {
  label: string;
  progress?: string;
  query?: WaitingQuery;
  /**
   * A plain muted line until the wait is overdue (no spinner, no live region): for a small part of a
   * view that already announces itself, like the recovery watch under an action's "Verified:" status.
   */
  quiet?: boolean;
  /** Nothing at all until the wait is overdue: for a read most pages never need to mention. */
  hiddenUntilOverdue?: boolean;
}) {
  const waiting = useWaiting(query);
  const early = !waiting?.overdue && !waiting?.cancelled;
  if (hiddenUntilOverdue && early) return null;
  if (quiet && early) return <p className="muted small">{label}…</p>;
  if (waiting?.cancelled)
    return (
      <div className="state state-loading state-cancelled" role="status" aria-live="polite">
        <span>
          Cancelled while {label[0]!.toLowerCase()}
          {label.slice(1)}; the rest of the page is as it was.
        </span>
        <button type="button" className="button button-small" onClick={waiting.retry}>
          Retry
        </button>
      </div>
    );
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>
        {label}
        {progress ? <span className="muted"> — {progress}</span> : null}
        {waiting?.overdue ? (
          <span className="state-waiting">
            {' '}
            — still waiting <span aria-hidden="true">({Math.floor(waiting.elapsedMs / 1000)} s)</span>…
            {waiting.attempt > 1 ? ` attempt ${waiting.attempt}, the earlier ones got no answer` : null}
          </span>
        ) : null}
      </span>
      {waiting?.overdue ? (
        <>
          <button type="button" className="button button-small" onClick={waiting.cancel}>
            Cancel
          </button>
          <button type="button" className="button button-small" onClick={waiting.retry}>
            Retry
          </button>
        </>
      ) : null}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <strong>{title}</strong>
      {children ? <div className="muted">{children}</div> : null}
    </div>
  );
}
