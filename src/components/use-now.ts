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

// Snapped to the tick, so every read within one render (and one 30-second window) agrees.
const snapshot = () => Math.floor(Date.now() / TICK_MS) * TICK_MS;

/** The current time, at most 30 s stale, shared by every relative time on the page. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
