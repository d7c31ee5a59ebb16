import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { BLOCK_BOUND, CELL_BOUND, clipText, formatSize, previewJson, utf8Length, type TextBound } from '../lib/bounded-text';

type Size = 'cell' | 'block';
const BOUNDS: Record<Size, TextBound> = { cell: CELL_BOUND, block: BLOCK_BOUND };

/**
 * Untrusted free text (a reason, an error, stderr, a message, a body), shown as text and bounded: at
 * most a few lines in a cell (`size="cell"`, the default) or a screenful in a block, with "show all
 * (10.0 MB)" that reveals the rest in a scrolling box only when asked. The whole string is never laid
 * out until then (a 10 MB reason froze the audit tab for 757 s).
 */
export function BoundedText({
  text,
  size = 'cell',
  pre = false,
  className,
  label,
  render,
}: {
  text: string;
  size?: Size;
  /** Keep line breaks and spaces, in a `<pre>` styled `text-block` (or by `className`). */
  pre?: boolean;
  className?: string;
  /** What the text is, for the toggle's accessible name: "reason" → "Show all of the reason (10.0 MB)". */
  label?: string;
  /** How the shown text renders (a link around it); the toggle stays outside, never inside a link. */
  render?: (text: string) => ReactNode;
}) {
  const clip = useMemo(() => clipText(text, BOUNDS[size]), [text, size]);
  const full = useCallback(() => text, [text]);
  const sizeOf = useCallback(() => utf8Length(text), [text]);
  return (
    <Bounded
      head={clip.shown}
      clipped={clip.clipped}
      full={full}
      sizeOf={sizeOf}
      pre={pre}
      className={className}
      label={label}
      render={render}
    />
  );
}

/**
 * A JSON value pretty-printed in a block, bounded like BoundedText: only the head is serialized for
 * display, and the whole value is pretty-printed when "show all" is pressed.
 */
export function BoundedJson({
  value,
  className,
  label,
  render,
}: {
  value: unknown;
  className?: string;
  label?: string;
  /** How the shown text renders (search highlighting); plain text by default. */
  render?: (text: string) => ReactNode;
}) {
  const head = useMemo(() => previewJson(value, BLOCK_BOUND.maxChars), [value]);
  const clip = useMemo(() => clipText(head.text, BLOCK_BOUND), [head]);
  const full = useCallback(() => JSON.stringify(value, null, 2), [value]);
  const sizeOf = useCallback(() => utf8Length(JSON.stringify(value)), [value]);
  return (
    <Bounded
      head={clip.shown}
      clipped={clip.clipped || !head.complete}
      full={full}
      sizeOf={sizeOf}
      pre
      className={className}
      label={label}
      render={render}
    />
  );
}

function Bounded({
  head,
  clipped,
  full,
  sizeOf,
  pre,
  className,
  label,
  render = (text) => text,
}: {
  head: string;
  clipped: boolean;
  full: () => string;
  sizeOf: () => number;
  pre: boolean;
  className?: string;
  label?: string;
  render?: (text: string) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  // Counted once per text and only for clipped text: the size is the toggle's label.
  const size = useMemo(() => (clipped ? formatSize(sizeOf()) : ''), [clipped, sizeOf]);
  const shown = useMemo(() => (open ? full() : null), [open, full]);
  // A block keeps its own look (`text-block` unless told otherwise); inline text wraps anywhere.
  const base = pre ? (className ?? 'text-block') : ['bounded-text', className].filter(Boolean).join(' ');
  const classes = open ? `${base} bounded-open` : base;
  const Tag = pre ? 'pre' : 'span';
  if (!clipped) return <Tag className={classes}>{render(head)}</Tag>;
  const of = label ? ` of the ${label}` : '';
  return (
    <span className="bounded" data-bounded={open ? 'open' : 'clipped'}>
      <Tag className={classes}>
        {render(shown ?? head)}
        {shown === null ? <span aria-hidden="true">…</span> : null}
      </Tag>
      <button
        type="button"
        className="bounded-toggle small"
        aria-expanded={open}
        aria-label={open ? `Show less${of}` : `Show all${of} (${size})`}
        onClick={() => setOpen(!open)}
      >
        {open ? 'show less' : `show all (${size})`}
      </button>
    </span>
  );
}
