import { matchPath } from 'react-router';
import { isTownTab, paths, type TownTab } from '../../../lib/paths';

/** What the page on screen is about: the palette searches that town and offers its target's actions. */
export interface RouteContext {
  userId: string | null;
  townId: string | null;
  tab: TownTab | null;
  beadId: string | null;
  agentId: string | null;
}

/** Reads the route table's own patterns (lib/paths.ts), so the palette follows any path change. */
export function toRouteContext(pathname: string): RouteContext {
  const none: RouteContext = { userId: null, townId: null, tab: null, beadId: null, agentId: null };
  const bead = matchPath(paths.bead.path, pathname);
  if (bead) return { ...none, townId: bead.params.townId ?? null, beadId: bead.params.beadId ?? null };
  const agent = matchPath(paths.agent.path, pathname);
  if (agent) return { ...none, townId: agent.params.townId ?? null, agentId: agent.params.agentId ?? null };
  const town = matchPath(paths.town.path, pathname);
  if (town) return { ...none, townId: town.params.townId ?? null, tab: isTownTab(town.params.tab) ? town.params.tab : null };
  const townRoot = matchPath(paths.townRoot.path, pathname);
  if (townRoot) return { ...none, townId: townRoot.params.townId ?? null };
  const user = matchPath(paths.user.path, pathname);
  if (user) return { ...none, userId: user.params.userId ?? null };
  return none;
}
