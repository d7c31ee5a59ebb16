import type { AuditEntry } from '../../../api';

/** A row of the log: one entry, or a bulk action's entries together. */
export type AuditItem<E extends AuditEntry = AuditEntry> = { kind: 'entry'; entry: E } | { kind: 'batch'; id: string; entries: E[] };

/**
 * Groups a bulk action's entries into one row: a batch writes one entry per target, all with the
 * batch's id as `request_id` (a single intervention's request id is its own), next to each other in
 * the log. Runs of two or more entries of one town sharing a request id become a batch; order is kept.
 */
export function groupBatches<E extends AuditEntry>(entries: readonly E[]): AuditItem<E>[] {
  const items: AuditItem<E>[] = [];
  for (const entry of entries) {
    const last = items.at(-1);
    const lastEntry = last?.kind === 'batch' ? last.entries[0]! : last?.entry;
    if (last && lastEntry && lastEntry.request_id === entry.request_id && lastEntry.town_id === entry.town_id) {
      if (last.kind === 'batch') last.entries.push(entry);
      else items[items.length - 1] = { kind: 'batch', id: entry.request_id, entries: [last.entry, entry] };
    } else {
      items.push({ kind: 'entry', entry });
    }
  }
  return items;
}
