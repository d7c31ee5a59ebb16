import { Badge } from './badge';
import { clipLine } from '../lib/bounded-text';

/**
 * A word from an open vocabulary (a role, a bead type, an event type). A word the panel knows is shown
 * plainly; one it does not know (production's vocabularies grow unversioned: old towns have the role
 * `witness`) is shown as itself in a neutral badge whose tooltip says so, never hidden or guessed.
 */
export function OpenValue({
  noun,
  value,
  known,
  label,
  className,
}: {
  /** What the word is, for the tooltip: "role", "bead type", "event type". */
  noun: string;
  value: string;
  known: readonly string[];
  /** How a known word reads (defaults to the word with `_` as spaces). */
  label?: string;
  className?: string;
}) {
  if (!known.includes(value))
    return (
      <Badge tone="neutral" title={unknownValueTitle(noun, clipLine(value, 80))}>
        {clipLine(value, 80)}
      </Badge>
    );
  return <span className={className}>{label ?? value.replaceAll('_', ' ')}</span>;
}

/** The tooltip of a word the panel does not know: "unknown role `witness`". */
export const unknownValueTitle = (noun: string, value: string): string => `unknown ${noun} \`${value}\``;
