import { createContext, useContext } from 'react';
import type { Location } from 'react-router';

/** The part of a data router the embedding needs: where it is, when it moves, how to move it. */
export interface EmbeddableRouter {
  state: { location: Pick<Location, 'pathname' | 'search' | 'hash'> };
  subscribe(listener: (state: { location: Pick<Location, 'pathname' | 'search' | 'hash'> }) => void): () => void;
  navigate(to: string): Promise<void>;
  dispose(): void;
}

/**
 * What the app needs from whoever embeds it (the dashboard, through the iframe bridge or a
 * federation `mount`). Standalone, there is none and the app signs in on its own.
 */
export interface EmbedHost {
  kind: 'iframe' | 'federation';
  /** Asks the host for a fresh admin token (after a 401); resolves with it (the gate then uses it), or null if none came. */
  renewSession(): Promise<string | null>;
  /** Reports every route change to the host and lets the host navigate; returns the disconnect. */
  connectRouter(router: EmbeddableRouter): () => void;
  /** Says why no session has arrived yet, for the waiting screen. */
  waitingHint: string;
}

export const EmbedContext = createContext<EmbedHost | null>(null);

/** The host embedding the app, or null when it runs standalone. */
export function useEmbedHost(): EmbedHost | null {
  return useContext(EmbedContext);
}

/** The in-app path of a router location: without the base path, with query and hash (the deep link). */
export function toInnerPath(location: Pick<Location, 'pathname' | 'search' | 'hash'>, basename = '/'): string {
  const base = basename.replace(/\/+$/, '');
  let pathname = location.pathname;
  if (base && (pathname === base || pathname.startsWith(`${base}/`))) pathname = pathname.slice(base.length) || '/';
  return `${pathname}${location.search}${location.hash}`;
}

/** Calls `report` with the router's in-app path now and after every change of location (not of loading state). */
export function followRoutes(router: EmbeddableRouter, basename: string, report: (path: string) => void): () => void {
  let last = toInnerPath(router.state.location, basename);
  report(last);
  return router.subscribe((state) => {
    const path = toInnerPath(state.location, basename);
    if (path === last) return;
    last = path;
    report(path);
  });
}
