import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../api';
import { agentMatchesHref, hitHref } from './hit-links';
import { addLine, EMPTY_RESULTS, matchCount, progressText, splitOnQuery, type SearchResults } from './search-results';

const TOWN = '11111111-1111-4111-8111-111111111111';
const AGENT = '22222222-2222-4222-8222-222222222222';
const BEAD = '33333333-3333-4333-8333-333333333333';

const hit = (patch: Partial<SearchHit>): SearchHit => ({
  kind: 'bead',
  id: BEAD,
  title: 't',
  field: 'title',
  excerpt: 'e',
  at: '2026-12-01T10:00:00.000Z',
  bead_id: null,
  agent_id: null,
  event_id: null,
  timeline_kind: null,
  ...patch,
});

describe('search results, line by line', () => {
  it('groups town rows by kind and SDK events by agent, counts matches and reports progress', () => {
    let s: SearchResults = addLine(EMPTY_RESULTS, { type: 'start', q: 'oops', agents_total: 3 });
    expect(progressText(s)).toBe('Searching 0 of 3 agents…');
    s = addLine(s, {
      type: 'hits',
      kind: 'git',
      agent_id: null,
      agent_name: null,
      items: [hit({ kind: 'git' })],
      total: 14,
      capped: false,
    });
    s = addLine(s, { type: 'progress', agents_done: 1, agents_total: 3 });
    s = addLine(s, {
      type: 'hits',
      kind: 'sdk_event',
      agent_id: AGENT,
      agent_name: 'Toast',
      items: [hit({ kind: 'sdk_event' })],
      total: 1000,
      capped: true,
    });
    s = addLine(s, { type: 'progress', agents_done: 2, agents_total: 3 });
    expect(progressText(s)).toBe('Searching 2 of 3 agents…');
    expect(s.town.git?.total).toBe(14);
    expect(s.agents).toEqual([expect.objectContaining({ agentName: 'Toast', total: 1000, capped: true })]);
    expect(matchCount(s)).toBe(1014);
    s = addLine(s, { type: 'agent_error', agent_id: AGENT, agent_name: 'Nux', message: 'gone' });
    s = addLine(s, { type: 'done', agents_done: 3, agents_total: 3, took_ms: 1240 });
    expect(s.status).toBe('done');
    expect(s.agentErrors).toHaveLength(1);
    expect(progressText(s)).toBe('Searched the town’s rows and 3 of 3 agents’ SDK events in 1.2 s.');
  });

  it('an error line stops the search and says how far it got', () => {
    let s = addLine(EMPTY_RESULTS, { type: 'start', q: 'x', agents_total: 5 });
    s = addLine(s, { type: 'progress', agents_done: 2, agents_total: 5 });
    s = addLine(s, { type: 'error', code: 'internal', message: 'TownDO reset' });
    expect(s.status).toBe('failed');
    expect(s.failure?.message).toBe('TownDO reset');
    expect(progressText(s)).toBe('Stopped after the town’s rows and 2 of 5 agents’ SDK events.');
  });

  it('marks every occurrence regardless of case, as text pieces', () => {
    expect(splitOnQuery('Bad credentials: BAD', 'bad')).toEqual([
      { text: 'Bad', match: true },
      { text: ' credentials: ', match: false },
      { text: 'BAD', match: true },
    ]);
  });
});

describe('where a hit opens', () => {
  it('an SDK event opens its agent’s event viewer at that event, the query marked', () => {
    const href = hitHref(TOWN, hit({ kind: 'sdk_event', id: '4711', agent_id: AGENT, event_id: 4711 }), 'loop');
    expect(href).toBe(`/towns/${TOWN}/agents/${AGENT}?event=4711&q=loop`);
    expect(agentMatchesHref(TOWN, AGENT, 'loop')).toBe(`/towns/${TOWN}/agents/${AGENT}?q=loop`);
  });

  it('a dispatch, git, credential or timeline row opens the Events tab with that row selected and the list ending at it', () => {
    const at = '2026-12-01T10:00:00.000Z';
    const git = new URL(hitHref(TOWN, hit({ kind: 'git', id: 'g1', at }), 'x'), 'http://x');
    expect(git.pathname).toBe(`/towns/${TOWN}/events`);
    expect(Object.fromEntries(git.searchParams)).toEqual({ kind: 'git', event: 'git:g1', to: at });
    const timeline = new URL(hitHref(TOWN, hit({ kind: 'timeline', id: 'agent:0000000042', timeline_kind: 'agent', at }), 'x'), 'http://x');
    expect(Object.fromEntries(timeline.searchParams)).toEqual({ kind: 'agent', event: 'agent:0000000042', to: at });
  });

  it('beads and agents open their inspectors', () => {
    expect(hitHref(TOWN, hit({ kind: 'bead', id: BEAD }), 'x')).toBe(`/towns/${TOWN}/beads/${BEAD}`);
    expect(hitHref(TOWN, hit({ kind: 'agent', id: AGENT }), 'x')).toBe(`/towns/${TOWN}/agents/${AGENT}`);
  });
});
