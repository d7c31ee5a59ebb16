import type { ReactNode } from 'react';
import { clipLine } from '../lib/bounded-text';

export function PageHeader({
  title,
  eyebrow,
  children,
  actions,
}: {
  title: ReactNode;
  eyebrow?: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <header className="page-header">
      <div className="page-header-main">
        {eyebrow ? <div className="eyebrow">{eyebrow}</div> : null}
        {/* Focusable by script only: focus lands here after a route change (app/use-route-focus.ts). */}
        {/* A name from the server (town, user) can be any length: a plain-text title is clamped to a line's worth. */}
        <h1 tabIndex={-1}>{typeof title === 'string' ? clipLine(title) : title}</h1>
        {children ? <div className="page-header-meta">{children}</div> : null}
      </div>
      {actions ? <div className="page-header-actions">{actions}</div> : null}
    </header>
  );
}
