import { createStore } from 'zustand/vanilla';

/** Which keyboard overlay is open: UI state only (neither server data nor worth a link). */
export const overlayStore = createStore<{ open: 'palette' | 'keys' | null }>(() => ({ open: null }));

export const openOverlay = (open: 'palette' | 'keys' | null) => overlayStore.setState({ open });
