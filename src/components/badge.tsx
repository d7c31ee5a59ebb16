import type { ReactNode } from 'react';

export type Tone = 'green' | 'yellow' | 'red' | 'blue' | 'neutral' | 'muted';

/** A small label; colour carries status or health only. */
export function Badge({ tone = 'neutral', children, title }: { tone?: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}

/** A coloured dot with a text label (colour is never the only signal). */
export function StatusDot({ tone, label }: { tone: Tone; label: string }) {
  return (
    <span className="status-dot">
      <span className={`dot dot-${tone}`} aria-hidden="true" />
      {label}
    </span>
  );
}
