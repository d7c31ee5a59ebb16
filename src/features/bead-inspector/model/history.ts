import { beadEventActor, type BeadEvent, type BeadStatus, type Open } from '../../../api';
import { formatDuration, HOUR_MS } from '../../../lib/time';

export type HistoryRow =
  | { kind: 'event'; id: string; at: string; type: BeadEvent['event_type']; change: string | null; actor: string; note: string | null }
  | { kind: 'gap'; id: string; from: string; to: string | null; ms: number; label: string };

/** Silences shorter than this are ordinary; longer ones are drawn as a gap row. */
export const GAP_THRESHOLD_MS = HOUR_MS;

function describeChange(e: BeadEvent): string | null {
  if (e.old_value !== null && e.new_value !== null) return `${e.old_value} → ${e.new_value}`;
  if (e.new_value !== null) return `→ ${e.new_value}`;
  if (e.old_value !== null) return `${e.old_value} →`;
  return null;
}

/** Who caused the event: the agent's name, `admin (who)` / `admin`, or `system`. */
function describeActor(e: BeadEvent, agentNames: ReadonlyMap<string, string> | undefined): string {
  const actor = beadEventActor(e);
  if (actor.kind === 'system') return 'system';
  if (actor.kind === 'admin') return actor.who ? `admin (${actor.who})` : 'admin';
  return agentNames?.get(actor.agent_id) ?? `agent ${actor.agent_id.slice(0, 8)}`;
}

function describeMetadata(metadata: Record<string, unknown>): string | null {
  const parts = Object.entries(metadata).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return parts.length ? parts.join(' · ') : null;
}

/**
 * Bead events oldest first, with a gap row wherever nothing happened for an hour or more —
 * including the silence since the last event while the bead is still unfinished.
 */
export function toHistoryRows(
  events: readonly BeadEvent[],
  options: { agentNames?: ReadonlyMap<string, string>; status?: Open<BeadStatus>; now?: number; gapMs?: number } = {},
): HistoryRow[] {
  const gapMs = options.gapMs ?? GAP_THRESHOLD_MS;
  const sorted = [...events].sort((a, b) => a.created_at.localeCompare(b.created_at));
  const rows: HistoryRow[] = [];
  let previous: BeadEvent | null = null;
  for (const e of sorted) {
    if (previous) {
      const ms = Date.parse(e.created_at) - Date.parse(previous.created_at);
      if (ms >= gapMs)
        rows.push({
          kind: 'gap',
          id: `gap:${e.id}`,
          from: previous.created_at,
          to: e.created_at,
          ms,
          label: `no event for ${formatDuration(ms)}`,
        });
    }
    rows.push({
      kind: 'event',
      id: e.id,
      at: e.created_at,
      type: e.event_type,
      change: describeChange(e),
      actor: describeActor(e, options.agentNames),
      note: describeMetadata(e.metadata),
    });
    previous = e;
  }
  const unfinished = options.status && options.status !== 'closed' && options.status !== 'failed';
  if (previous && unfinished && options.now !== undefined) {
    const ms = options.now - Date.parse(previous.created_at);
    if (ms >= gapMs)
      rows.push({
        kind: 'gap',
        id: 'gap:now',
        from: previous.created_at,
        to: null,
        ms,
        label: `no event for ${formatDuration(ms)} (until now)`,
      });
  }
  return rows;
}
