import { describe, expect, it } from 'vitest';
import { moreLink } from './hit-links';

const TOWN = '57e16786-c90c-4b23-88c7-368d76ec93d6';

describe('moreLink', () => {
  it('sends the rest of a kind to the list that holds them: beads, agents and timeline rows filtered by the text, dispatch, git and credential rows their kind only', () => {
    expect(moreLink(TOWN, 'bead', 'tests pass').href).toBe(`/towns/${TOWN}/state?q=tests+pass`);
    expect(moreLink(TOWN, 'agent', 'Toast').href).toBe(`/towns/${TOWN}/agents?q=Toast`);
    expect(moreLink(TOWN, 'git', 'denied')).toEqual({
      href: `/towns/${TOWN}/events?kind=git&q=denied`,
      label: 'git rows filtered by “denied” on the Events tab',
    });
    expect(moreLink(TOWN, 'timeline', 'OOM')).toEqual({
      href: `/towns/${TOWN}/events?q=OOM`,
      label: 'Events filtered by “OOM” on the Events tab',
    });
    expect(moreLink(TOWN, 'dispatch', 'x').href).toBe(`/towns/${TOWN}/events?kind=dispatch&q=x`);
    expect(moreLink(TOWN, 'credential', 'x').href).toBe(`/towns/${TOWN}/events?kind=credential&q=x`);
  });
});
