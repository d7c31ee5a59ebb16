import { useSyncExternalStore } from 'react';

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

/** The current time, re-rendering every 30 s, shared by every relative time on the page. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
