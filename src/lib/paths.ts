/**
 * Every route and every in-app link, in one table: the router (`app/router.tsx`) reads each entry's
 * `path` pattern and links are built with its `getHref`. These paths are the contract with the host
 * dashboard's deep links: keep them stable (see ARCHITECTURE.md, "Deep links").
 */
export const TOWN_TABS = ['state', 'agents', 'review', 'container', 'config', 'events', 'audit'] as const;
export type TownTab = (typeof TOWN_TABS)[number];

export function isTownTab(value: string | undefined): value is TownTab {
  return (TOWN_TABS as readonly string[]).includes(value ?? '');
}

type Query = Record<string, string | number | null | undefined>;

const e = encodeURIComponent;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

export const paths = {
  /** Opens user search. */
  home: { path: '/', getHref: () => '/' },
  /** User search: `?q=` email, user id or name. */
  users: { path: '/users', getHref: (q?: string) => withQuery('/users', { q }) },
  /** The user's Gastown section: towns with health, rigs. */
  user: { path: '/users/:userId', getHref: (userId: string) => `/users/${e(userId)}` },
  /** A town without a tab: the router sends it on to the State tab. */
  townRoot: { path: '/towns/:townId', getHref: (townId: string) => `/towns/${e(townId)}` },
  /** A Town Inspector tab (`:tab` is one of TOWN_TABS), with the tab's view state in `query`. */
  town: {
    path: '/towns/:townId/:tab',
    getHref: (townId: string, tab: TownTab = 'state', query?: Query) => withQuery(`/towns/${e(townId)}/${tab}`, query),
  },
  /** Town-wide search: where `q` appears in the town's rows and every agent's SDK events. */
  townSearch: {
    path: '/towns/:townId/search',
    getHref: (townId: string, q?: string) => withQuery(`/towns/${e(townId)}/search`, { q }),
  },
  /** Two runs side by side: `kind` attempt | assignment | session, `a` and `b` their ids (one shareable link). */
  compare: {
    path: '/towns/:townId/compare',
    getHref: (townId: string, query: { kind: string; a: string; b: string }) => withQuery(`/towns/${e(townId)}/compare`, query),
  },
  /** The Bead Inspector; `focus` and `depth` place its dependency graph. */
  bead: {
    path: '/towns/:townId/beads/:beadId',
    getHref: (townId: string, beadId: string, query?: { focus?: string; depth?: string | number }) =>
      withQuery(`/towns/${e(townId)}/beads/${e(beadId)}`, query),
  },
  /** The Agent Inspector; `event` selects an SDK event, `q` searches them, `git_bead` shows only its git operations on that bead. */
  agent: {
    path: '/towns/:townId/agents/:agentId',
    getHref: (townId: string, agentId: string, query?: { event?: number | string; q?: string; git_bead?: string }) =>
      withQuery(`/towns/${e(townId)}/agents/${e(agentId)}`, query),
  },
  /** The intervention log across towns, filters in the query string. */
  audit: { path: '/audit', getHref: (query?: Record<string, string | undefined>) => withQuery('/audit', query) },
  /** Mock builds only: a town-shaped graph of `beads` beads for the dependency-graph benchmark. */
  graphFixture: { path: '/__fixtures/graph', getHref: (beads?: number) => withQuery('/__fixtures/graph', { beads }) },
} as const;
