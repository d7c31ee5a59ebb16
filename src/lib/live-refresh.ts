import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

/**
 * How often a live view asks again while its tab is visible. The server answers an unchanged view
 * with 304 from one counter row (docs/admin-api.md, "Live views"), so a short interval is cheap; it
 * is what keeps "a change shows within 2 s" (the `live` bench's `summary_freshness_p95_ms`).
 */
export const LIVE_REFRESH_MS = 1_500;

/** Live refresh on/off: a preference of this tab session, neither server data nor shareable. */
export const liveRefreshStore = createStore<{ paused: boolean }>(() => ({ paused: false }));

export function setLiveRefreshPaused(paused: boolean) {
  liveRefreshStore.setState({ paused });
}

export function useLiveRefreshPaused(): boolean {
  return useStore(liveRefreshStore, (s) => s.paused);
}

/**
 * `refetchInterval` for a live query: false while paused. TanStack Query skips interval fetches while
 * `document.visibilityState` is hidden (`refetchIntervalInBackground` stays off), so a background tab
 * asks nothing; `LIVE_QUERY` refetches once when it is shown again.
 */
export function useRefetchInterval(ms: number = LIVE_REFRESH_MS): number | false {
  return useLiveRefreshPaused() ? false : ms;
}

/** The rest of a live query's options: catch up at once when the tab becomes visible again. */
export const LIVE_QUERY = { refetchOnWindowFocus: true } as const;
