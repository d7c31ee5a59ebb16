/**
 * Module-federation entry (`vite.remote.config.ts` exposes it as `gastownAdmin/mount`): a React
 * host renders the panel into one of its own elements. React is shared with the host as a singleton.
 */
// The federation build registers these (and every feature's CSS) with the panel instead of the host's <head>.
import './app/styles.css';
import './app/embed/embed.css';
import { mountPanel, setPanelTheme, unmountPanel, type MountOptions } from './app/embed/federation';

export type { MountOptions };
export type { Theme } from './app/embed/messages';

/** Renders the Gastown panel into `element`; see `MountOptions`. One panel per page at a time. */
export function mount(element: HTMLElement, options: MountOptions): void {
  mountPanel(element, options);
}

/** Takes the panel out of the page (out of `element`, when given), leaving nothing behind. */
export function unmount(element?: HTMLElement): void {
  unmountPanel(element);
}

export { setPanelTheme as setTheme };
