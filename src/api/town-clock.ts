/**
 * The towns' clocks as their server answers them. Every town-scoped read (200 or 304) carries
 * `X-Town-Time: <townId>=<ISO time>` (a user's towns list one pair per town): a town's time is the
 * host's plus its dev-clock offset, and `npm start -- --speed N` runs it N times faster, so the browser's
 * clock is not the town's. What the panel computes against "now" (diagnosis windows, "5 min ago",
 * "for 2 h") reads the town's time: the browser's clock plus the offset last answered.
 */
/** Offsets that differ by less than this are request latency, not a clock that moved: nothing re-renders. */
const JITTER_MS = 1_000;

const offsets = new Map<string, number>();
const listeners = new Set<() => void>();
let version = 0;

/** Records the towns' times an answer carried, against the browser's clock when it arrived. */
export function noteTownTimes(header: string | null, receivedAt: number = Date.now()): void {
  if (!header) return;
  let moved = false;
  for (const pair of header.split(',')) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    const townId = pair.slice(0, at).trim().toLowerCase();
    const time = Date.parse(pair.slice(at + 1).trim());
    if (!townId || Number.isNaN(time)) continue;
    const offset = time - receivedAt;
    const known = offsets.get(townId);
    if (known !== undefined && Math.abs(known - offset) < JITTER_MS) continue;
    offsets.set(townId, offset);
    moved = true;
  }
  if (!moved) return;
  version++;
  listeners.forEach((l) => l());
}

/** How far the town's clock is ahead of the browser's (0 until the town has answered). */
export function townOffset(townId: string): number {
  return offsets.get(townId.toLowerCase()) ?? 0;
}

/** The town's time now, by the browser's clock and the last answered offset. */
export function townNow(townId: string, browserNow: number = Date.now()): number {
  return browserNow + townOffset(townId);
}

export function subscribeTownClock(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Bumped whenever an offset moves (for useSyncExternalStore). */
export function townClockVersion(): number {
  return version;
}

/** Tests: forget every offset. */
export function resetTownClocks(): void {
  offsets.clear();
  version++;
  listeners.forEach((l) => l());
}
