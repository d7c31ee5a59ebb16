import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

/** How often the open tab polls TownDO while live refresh is on. */
export const LIVE_REFRESH_MS = 15_000;

/** Live refresh on/off: a preference of this tab session, neither server data nor shareable. */
export const liveRefreshStore = createStore<{ paused: boolean }>(() => ({ paused: false }));

export function setLiveRefreshPaused(paused: boolean) {
  liveRefreshStore.setState({ paused });
}

export function useLiveRefreshPaused(): boolean {
  return useStore(liveRefreshStore, (s) => s.paused);
}

/** `refetchInterval` for a tab's queries: false while paused. */
export function useRefetchInterval(ms: number = LIVE_REFRESH_MS): number | false {
  return useLiveRefreshPaused() ? false : ms;
}
