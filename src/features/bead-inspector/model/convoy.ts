import type { Convoy, TrackedBead } from '../../../api';

export interface ConvoyView {
  closed: number;
  total: number;
  /** Tracked beads that exist and are not closed, in tracking order. */
  unclosed: TrackedBead[];
  /** Tracks edges whose bead row is gone (deleted instead of closed). */
  missing: TrackedBead[];
  /** Closed beads actually present among the tracked ones. */
  presentClosed: number;
  /** Why the counters can never meet, in words; null when they can. */
  mismatch: string | null;
  landed: boolean;
}

/**
 * The convoy's progress as an operator reads it. The known stall (DOMAIN.md): a tracked bead
 * deleted instead of closed leaves `closed_beads` short of `total_beads` forever.
 */
export function toConvoyView(convoy: Convoy): ConvoyView {
  const missing = convoy.tracked.filter((t) => !t.present);
  const unclosed = convoy.tracked.filter((t) => t.present && t.status !== 'closed');
  const presentClosed = convoy.tracked.filter((t) => t.present && t.status === 'closed').length;
  const notes: string[] = [];
  if (missing.length) {
    notes.push(
      `${missing.length === 1 ? '1 tracked bead no longer exists' : `${missing.length} tracked beads no longer exist`} (deleted instead of closed): ` +
        `closed ${convoy.closed_beads}/${convoy.total_beads} can never reach ${convoy.total_beads} until ${missing.length === 1 ? 'it is' : 'they are'} removed from the convoy or the convoy is force-landed.`,
    );
  }
  if (convoy.tracked.length !== convoy.total_beads) {
    notes.push(`The convoy counts ${convoy.total_beads} beads but tracks ${convoy.tracked.length}.`);
  }
  if (presentClosed !== convoy.closed_beads) {
    notes.push(`The convoy's closed counter says ${convoy.closed_beads}, but ${presentClosed} tracked beads are closed.`);
  }
  return {
    closed: convoy.closed_beads,
    total: convoy.total_beads,
    unclosed,
    missing,
    presentClosed,
    mismatch: notes.length ? notes.join(' ') : null,
    landed: convoy.landed_at !== null,
  };
}
