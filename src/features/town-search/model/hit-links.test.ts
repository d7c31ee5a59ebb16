import { describe, expect, it } from 'vitest';
import { moreLink } from './hit-links';

const TOWN = '57e16786-c90c-4b23-88c7-368d76ec93d6';

describe('moreLink', () => {
  it('sends the rest of a kind to the list that holds them: beads and agents filtered by the text, rows by their kind', () => {
    expect(moreLink(TOWN, 'bead', 'tests pass').href).toBe(`/towns/${TOWN}/state?q=tests+pass`);
    expect(moreLink(TOWN, 'agent', 'Toast').href).toBe(`/towns/${TOWN}/agents?q=Toast`);
    expect(moreLink(TOWN, 'git', 'denied')).toEqual({ href: `/towns/${TOWN}/events?kind=git`, label: 'Every git row on the Events tab' });
    expect(moreLink(TOWN, 'dispatch', 'x').href).toBe(`/towns/${TOWN}/events?kind=dispatch`);
    expect(moreLink(TOWN, 'credential', 'x').href).toBe(`/towns/${TOWN}/events?kind=credential`);
    expect(moreLink(TOWN, 'timeline', 'x').href).toBe(`/towns/${TOWN}/events`);
  });
});
