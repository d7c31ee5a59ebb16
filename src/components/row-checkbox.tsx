import type { MouseEvent } from 'react';
import { clipLine } from '../lib/bounded-text';

/**
 * A row's tick box for bulk actions. Space (keyboard) and clicks both arrive as a click, so shift-click
 * (and shift-Space) ticks the range from the last clicked row.
 */
export function RowCheckbox({ label, checked, onToggle }: { label: string; checked: boolean; onToggle: (range: boolean) => void }) {
  return (
    <input
      type="checkbox"
      className="row-check"
      aria-label={`Select ${clipLine(label)}`}
      checked={checked}
      onClick={(e: MouseEvent<HTMLInputElement>) => onToggle(e.shiftKey)}
      // The click above is the one change: React still wants a handler for a controlled box.
      onChange={() => {}}
    />
  );
}

/** The header's box: every row shown, or none. Mixed when some are ticked. */
export function AllRowsCheckbox({
  label,
  selected,
  shown,
  onToggle,
}: {
  label: string;
  selected: number;
  shown: number;
  onToggle: () => void;
}) {
  return (
    <input
      type="checkbox"
      className="row-check"
      aria-label={label}
      checked={shown > 0 && selected === shown}
      ref={(el) => {
        if (el) el.indeterminate = selected > 0 && selected < shown;
      }}
      disabled={shown === 0}
      onChange={onToggle}
    />
  );
}
