/**
 * Every in-app link. These paths are the contract with the host dashboard's deep links:
 * keep them stable (see ARCHITECTURE.md, "Deep links").
 */
export const TOWN_TABS = ['state', 'agents', 'review', 'container', 'config', 'events', 'audit'] as const;
export type TownTab = (typeof TOWN_TABS)[number];

export function isTownTab(value: string | undefined): value is TownTab {
  return (TOWN_TABS as readonly string[]).includes(value ?? '');
}

const e = encodeURIComponent;

function withQuery(path: string, query?: Record<string, string | number | null | undefined>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

export const paths = {
  users: (q?: string) => withQuery('/users', { q }),
  user: (userId: string) => `/users/${e(userId)}`,
  town: (townId: string, tab: TownTab = 'state', query?: Record<string, string | number | null | undefined>) =>
    withQuery(`/towns/${e(townId)}/${tab}`, query),
  bead: (townId: string, beadId: string, query?: { focus?: string; depth?: string | number }) =>
    withQuery(`/towns/${e(townId)}/beads/${e(beadId)}`, query),
  agent: (townId: string, agentId: string, query?: { event?: number | string; q?: string }) =>
    withQuery(`/towns/${e(townId)}/agents/${e(agentId)}`, query),
  audit: (query?: Record<string, string | undefined>) => withQuery('/audit', query),
};
