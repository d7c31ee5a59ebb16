import type { ReactNode } from 'react';

/** A loading placeholder that says what is loading (and how far, when known). */
export function Loading({ label, progress }: { label: string; progress?: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>
        {label}
        {progress ? <span className="muted"> — {progress}</span> : null}
      </span>
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
