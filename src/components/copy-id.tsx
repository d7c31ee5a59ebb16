import { useState } from 'react';
import { shortId } from '../lib/format';

/** An id in monospace, shortened, with a button that copies the whole id. */
export function CopyId({ id, full = false, label }: { id: string; full?: boolean; label?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(id);
      setCopied(true);
      setTimeout(() => setCopied(false), 1200);
    } catch {
      setCopied(false);
    }
  };
  return (
    <span className="copy-id">
      <code title={id}>{full ? id : shortId(id)}</code>
      <button type="button" className="icon-button" onClick={copy} aria-label={`Copy ${label ?? 'id'} ${id}`} title="Copy">
        {copied ? (
          '✓'
        ) : (
          <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.5">
            <rect x="5" y="5" width="9" height="9" rx="1.5" />
            <path d="M11 5V3.5A1.5 1.5 0 0 0 9.5 2h-6A1.5 1.5 0 0 0 2 3.5v6A1.5 1.5 0 0 0 3.5 11H5" />
          </svg>
        )}
      </button>
    </span>
  );
}
