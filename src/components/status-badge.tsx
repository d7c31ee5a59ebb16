import type { ReactNode } from 'react';
import { Badge } from './badge';
import { findStatusTone, statusLabel, type StatusKind, type StatusOf } from './status';

/**
 * A status as a badge, coloured by the one status table (`status.ts`), so a status reads the same
 * colour on every page. It shows the status text (`in_progress` → `in progress`) unless `label`
 * words it for the place. A status the table does not know (a newer server) is shown as itself,
 * neutral, with a tooltip saying so, rather than hidden or guessed.
 */
export function StatusBadge<K extends StatusKind>({
  kind,
  status,
  label,
}: {
  kind: K;
  /** Typed to the kind's known statuses, but any string renders. */
  status: StatusOf<K> | (string & {});
  label?: ReactNode;
}) {
  const tone = findStatusTone(kind, status);
  if (!tone)
    return (
      <Badge tone="neutral" title={`unknown status \`${status}\``}>
        {label ?? status}
      </Badge>
    );
  return <Badge tone={tone}>{label ?? statusLabel(status)}</Badge>;
}
