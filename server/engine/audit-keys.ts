import type { ActionChange } from '../../src/api/schemas';

/**
 * The audit entry's before/after keys, one per change: `label.field` (what the audit table's Change
 * column shows), with a short id after the label when two entities share it (same-titled beads), so
 * one change never overwrites another's entry.
 */
export function auditKeys(changes: ActionChange[]): string[] {
  const idsByLabel = new Map<string, Set<string>>();
  for (const c of changes) idsByLabel.set(c.entity.label, (idsByLabel.get(c.entity.label) ?? new Set<string>()).add(c.entity.id));
  return changes.map((c) => {
    const ids = idsByLabel.get(c.entity.label)!;
    if (ids.size === 1) return `${c.entity.label}.${c.field}`;
    // Eight characters tell the entities apart unless two of the ids share them; then the whole id does.
    const short = new Set([...ids].map((id) => id.slice(0, 8))).size === ids.size;
    return `${c.entity.label} (${short ? c.entity.id.slice(0, 8) : c.entity.id}).${c.field}`;
  });
}
