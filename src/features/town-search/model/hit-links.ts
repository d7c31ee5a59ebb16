import type { SearchHit, SearchKind } from '../../../api';
import { paths } from '../../../lib/paths';

/**
 * Where a hit opens: the exact row or event. Beads and agents open their inspectors; an SDK event opens
 * its agent's event viewer scrolled to it (`?event=`, the query marked); dispatch, git, credential and
 * timeline rows open the Events tab with that row selected, its kind filtered and the list ending at it.
 */
export function hitHref(townId: string, hit: SearchHit, q: string): string {
  switch (hit.kind) {
    case 'bead':
      return paths.bead.getHref(townId, hit.id);
    case 'agent':
      return paths.agent.getHref(townId, hit.id);
    case 'sdk_event':
      return hit.agent_id && hit.event_id !== null
        ? paths.agent.getHref(townId, hit.agent_id, { event: hit.event_id, q })
        : paths.town.getHref(townId, 'agents');
    case 'dispatch':
    case 'git':
    case 'credential':
      return eventsHref(townId, hit.kind, `${hit.kind}:${hit.id}`, hit.at);
    case 'timeline':
      return eventsHref(townId, hit.timeline_kind ?? '', hit.id, hit.at);
  }
}

function eventsHref(townId: string, kind: string, event: string, at: string | null): string {
  return paths.town.getHref(townId, 'events', { kind, event, to: at });
}

/** Every match of one agent: its event viewer searching for the text. */
export function agentMatchesHref(townId: string, agentId: string, q: string): string {
  return paths.agent.getHref(townId, agentId, { q });
}

/**
 * Where a town kind's "N more" goes: the list that holds the rest. Beads and agents open their tab with
 * the text as its filter (those filters match title, labels and names, not bodies, so a body match
 * may need the search itself); dispatch, git, credential and other timeline rows open the Events tab with
 * the text as its filter (it looks in each row's type, summary and details: every row the search found,
 * and a few it reads in other columns), dispatch, git and credential rows that kind only.
 */
export function moreLink(townId: string, kind: Exclude<SearchKind, 'sdk_event'>, q: string): { href: string; label: string } {
  switch (kind) {
    case 'bead':
      return { href: paths.town.getHref(townId, 'state', { q }), label: `Beads filtered by “${q}” on the State tab` };
    case 'agent':
      return { href: paths.town.getHref(townId, 'agents', { q }), label: `Agents filtered by “${q}” on the Agents tab` };
    case 'dispatch':
    case 'git':
    case 'credential':
      return { href: paths.town.getHref(townId, 'events', { kind, q }), label: `${kind} rows filtered by “${q}” on the Events tab` };
    case 'timeline':
      return { href: paths.town.getHref(townId, 'events', { q }), label: `Events filtered by “${q}” on the Events tab` };
  }
}
