import type { SavedView, SavedViewScope } from '../../../api';

/**
 * The query parameters each saved-view scope owns: what its view's own `parse`/`write` pair reads
 * (town-inspector's bead and timeline views, the agent view, the audit view). A saved view keeps exactly
 * these; applying one replaces exactly these and leaves the rest of the URL (a selected row, a window).
 */
export const SCOPE_PARAMS: Record<SavedViewScope, readonly string[]> = {
  beads: ['status', 'type', 'label', 'q', 'sort'],
  agents: ['role', 'status', 'q'],
  reviews: ['state', 'q'],
  timeline: ['q', 'kind', 'entity', 'from', 'to'],
  sdk_events: ['q', 'type'],
  audit: ['town_id', 'admin', 'action', 'target', 'from', 'to'],
};

/** Words for a scope in sentences ("Save this beads view"). */
export const SCOPE_NOUN: Record<SavedViewScope, string> = {
  beads: 'beads',
  agents: 'agents',
  reviews: 'merge requests',
  timeline: 'timeline',
  sdk_events: 'SDK events',
  audit: 'audit log',
};

/** The scope's filters as a saved view keeps them: its parameters only, in a fixed order, empty ones left out. */
export function toSavedQuery(params: URLSearchParams, scope: SavedViewScope): string {
  const out = new URLSearchParams();
  for (const key of SCOPE_PARAMS[scope]) {
    const value = params.get(key);
    if (value !== null && value.trim() !== '') out.set(key, value);
  }
  return out.toString();
}

/** Whether the URL carries any of the scope's filters (a view opened "without filters" restores the last used one). */
export function hasFilters(params: URLSearchParams, scope: SavedViewScope): boolean {
  return toSavedQuery(params, scope) !== '';
}

/** The URL with the scope's parameters replaced by a saved query's (only the scope's own keys are taken from it). */
export function applySavedQuery(params: URLSearchParams, scope: SavedViewScope, query: string): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of SCOPE_PARAMS[scope]) next.delete(key);
  const saved = new URLSearchParams(query);
  for (const key of SCOPE_PARAMS[scope]) {
    const value = saved.get(key);
    if (value !== null && value !== '') next.set(key, value);
  }
  return next;
}

/** The saved view whose filter is exactly the URL's, if any: the one the picker shows as current. */
export function findCurrentView(views: readonly SavedView[], params: URLSearchParams, scope: SavedViewScope): SavedView | null {
  const current = toSavedQuery(params, scope);
  if (!current) return null;
  return views.find((v) => toSavedQuery(new URLSearchParams(v.query), scope) === current) ?? null;
}

/**
 * A link that opens this page (`pathHref`: the router's href, basename included) with the saved view's
 * filter and the page's other parameters: what "Copy link" hands to another admin.
 */
export function shareLink(origin: string, pathHref: string, params: URLSearchParams, scope: SavedViewScope, query: string): string {
  const url = new URL(pathHref, origin);
  url.search = applySavedQuery(params, scope, query).toString();
  return url.toString();
}
