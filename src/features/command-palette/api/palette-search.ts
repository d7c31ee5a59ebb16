import { keepPreviousData, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { apiClient, endpoints, queryKeys, type BeadListItem } from '../../../api';
import { matchesQuery, MIN_SERVER_QUERY, PALETTE_LIMIT, pickMatches } from '../model/matches';
import type { RouteContext } from '../model/route-context';

/**
 * What the palette can jump to for `q`, from the page's context: users (directory search), the
 * owner's towns, and the town's beads (server search over titles and id prefixes, so a 10k-bead town
 * answers without loading it) and agents (the town's list, at most a few hundred, filtered here).
 * Queries share the features' keys (one factory), so an open inspector's data answers at once; they
 * are written here rather than imported from those features, whose index would pull their pages
 * into the shell's first load.
 */
export function usePaletteSearch(q: string, context: RouteContext, open: boolean) {
  const text = q.trim();
  const serverText = text.length >= MIN_SERVER_QUERY ? text : '';
  const townId = context.townId;

  const users = useQuery({
    queryKey: queryKeys.userSearch(serverText),
    queryFn: ({ signal }) => apiClient.get(endpoints.searchUsers(serverText), signal),
    enabled: open && serverText !== '',
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const town = useQuery({
    queryKey: queryKeys.townSummary(townId ?? ''),
    queryFn: ({ signal }) => apiClient.get(endpoints.town(townId ?? ''), signal),
    enabled: open && townId !== null,
  });
  const ownerId = context.userId ?? town.data?.owner_user_id ?? null;
  const towns = useQuery({
    queryKey: queryKeys.userTowns(ownerId ?? ''),
    queryFn: ({ signal }) => apiClient.get(endpoints.userTowns(ownerId ?? ''), signal),
    enabled: open && ownerId !== null,
  });
  const beadQuery = { q: serverText, limit: PALETTE_LIMIT };
  const beads = useQuery({
    queryKey: queryKeys.beads(townId ?? '', beadQuery),
    queryFn: ({ signal }) => apiClient.get(endpoints.beads(townId ?? '', beadQuery), signal),
    enabled: open && townId !== null && serverText !== '',
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  // Beads an inspector already holds (the State tab loads the whole town) answer before the server does.
  const client = useQueryClient();
  const cachedBeads = useMemo(
    () =>
      townId && serverText
        ? pickMatches(
            cachedBeadsOf(client, townId),
            serverText,
            (b) => b.title,
            (b) => b.id,
          )
        : [],
    [client, townId, serverText],
  );
  const agents = useQuery({
    queryKey: queryKeys.agents(townId ?? ''),
    queryFn: ({ signal }) => apiClient.get(endpoints.agents(townId ?? ''), signal),
    enabled: open && townId !== null,
  });

  return {
    users: serverText ? (users.data?.items ?? []).slice(0, PALETTE_LIMIT) : [],
    towns: pickMatches(
      towns.data?.items ?? [],
      text,
      (t) => t.name,
      (t) => t.id,
    ),
    town: town.data ?? null,
    beads: serverText ? mergeBeads(beads.data?.items ?? [], beads.isPlaceholderData, cachedBeads, serverText) : [],
    agents: text
      ? pickMatches(
          agents.data?.items ?? [],
          text,
          (a) => `${a.name} ${a.identity}`,
          (a) => a.id,
        )
      : [],
    loading: [users, beads].some((r) => r.isFetching && serverText !== ''),
    errors: [users, town, towns, beads, agents].flatMap((r) => (r.error ? [r.error] : [])),
  };
}

/** Every bead row cached under the town's bead lists, plain pages or infinite ones. */
function cachedBeadsOf(client: QueryClient, townId: string): BeadListItem[] {
  const seen = new Map<string, BeadListItem>();
  for (const [, data] of client.getQueriesData<unknown>({ queryKey: queryKeys.beads(townId) })) {
    const pages = isInfinite(data) ? data.pages : [data];
    for (const page of pages) for (const bead of itemsOf(page)) seen.set(bead.id, bead);
  }
  return [...seen.values()];
}

const isInfinite = (data: unknown): data is { pages: unknown[] } =>
  typeof data === 'object' && data !== null && Array.isArray((data as { pages?: unknown }).pages);
const itemsOf = (page: unknown): BeadListItem[] =>
  typeof page === 'object' && page !== null && Array.isArray((page as { items?: unknown }).items)
    ? (page as { items: BeadListItem[] }).items
    : [];

/**
 * The server's answer for this query first, then cached matches; a previous query's answer (shown
 * while the new one loads) only where it still matches. The server matches the same way (title
 * anywhere, id by its start), so the list never shows a bead the query excludes.
 */
function mergeBeads(server: BeadListItem[], stale: boolean, cached: BeadListItem[], q: string): BeadListItem[] {
  const fresh = stale ? server.filter((b) => matchesQuery(q, b.title, b.id)) : server;
  const byId = new Map<string, BeadListItem>();
  for (const bead of stale ? [...cached, ...fresh] : [...fresh, ...cached]) if (!byId.has(bead.id)) byId.set(bead.id, bead);
  return [...byId.values()].slice(0, PALETTE_LIMIT);
}
