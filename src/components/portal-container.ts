import { createContext, useContext } from 'react';

/**
 * Where dialogs and other portals render. Unset (the document body) standalone and in an iframe;
 * mounted into a host page by module federation, an element inside the panel, so portals carry the
 * panel's scoped styles and leave with it.
 */
export const PortalContainerContext = createContext<HTMLElement | null>(null);

export function usePortalContainer(): HTMLElement | undefined {
  return useContext(PortalContainerContext) ?? undefined;
}
