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
        {copied ? '✓' : '⧉'}
      </button>
    </span>
  );
}
