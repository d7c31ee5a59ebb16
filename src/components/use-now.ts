import { createContext, useContext, useSyncExternalStore } from 'react';
import { subscribeTownClock, townClockVersion, townOffset } from '../api/town-clock';

const TICK_MS = 30_000;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void) {
  listeners.add(listener);
  timer ??= setInterval(() => listeners.forEach((l) => l()), TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

// Refreshed when read more than a second after the last read, so a render sees one value
// (React reads the snapshot several times per render and needs them to agree).
let current = Date.now();
const snapshot = () => {
  const t = Date.now();
  if (t - current > 1000) current = t;
  return current;
};

/**
 * The town whose clock a page reads (its pages provide it): relative times and diagnosis under it are
 * on the town's time, which the dev clock and `--speed` move away from the browser's (api/town-clock.ts).
 */
export const TownClockContext = createContext<string | null>(null);

/**
 * The current time, re-rendering every 30 s, shared by every relative time on the page: the town's
 * time under a town's page (and again when its offset moves), the browser's elsewhere.
 */
export function useNow(): number {
  const townId = useContext(TownClockContext);
  const now = useSyncExternalStore(subscribe, snapshot, snapshot);
  useSyncExternalStore(subscribeTownClock, townClockVersion, townClockVersion);
  return townId ? now + townOffset(townId) : now;
}

/** The browser's time with re-renders when any town's offset moves: for lists of towns, each on its own clock. */
export function useBrowserNowForTowns(): number {
  const now = useSyncExternalStore(subscribe, snapshot, snapshot);
  useSyncExternalStore(subscribeTownClock, townClockVersion, townClockVersion);
  return now;
}
