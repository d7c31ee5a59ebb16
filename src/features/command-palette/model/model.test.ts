import { describe, expect, it } from 'vitest';
import { GO_KEYS, isTypingTarget } from './keys';
import { matchesQuery, pickMatches } from './matches';
import { toRouteContext } from './route-context';

const TOWN = '3f2a9c1b-0000-4000-8000-000000000001';
const BEAD = '9e8d7c6b-0000-4000-8000-000000000002';

describe('palette model', () => {
  it('reads the town, tab, bead, agent or user from the path', () => {
    expect(toRouteContext(`/towns/${TOWN}/agents`)).toMatchObject({ townId: TOWN, tab: 'agents', beadId: null });
    expect(toRouteContext(`/towns/${TOWN}/beads/${BEAD}`)).toMatchObject({ townId: TOWN, beadId: BEAD, tab: null });
    expect(toRouteContext(`/towns/${TOWN}/agents/${BEAD}`)).toMatchObject({ townId: TOWN, agentId: BEAD });
    expect(toRouteContext('/users/usr_1')).toMatchObject({ userId: 'usr_1', townId: null });
    expect(toRouteContext('/audit')).toMatchObject({ userId: null, townId: null });
  });

  it('matches a part of a name anywhere, an id only by its start', () => {
    expect(matchesQuery('fire', 'Upgrade Firebase SDK', BEAD)).toBe(true);
    expect(matchesQuery('9E8D', 'x', BEAD)).toBe(true);
    expect(matchesQuery('0000', 'x', BEAD)).toBe(false);
    const names = ['Rust', 'Toast', 'Tom'];
    expect(
      pickMatches(
        names,
        't',
        (n) => n,
        (n) => n,
      ),
    ).toEqual(['Toast', 'Tom', 'Rust']);
    expect(
      pickMatches(
        names,
        'to',
        (n) => n,
        (n) => n,
        1,
      ),
    ).toEqual(['Toast']);
  });

  it('offers town tabs only with a town on screen; the two logs and user search anywhere', () => {
    const inTown = toRouteContext(`/towns/${TOWN}/state`);
    const key = (k: string) => GO_KEYS.find((g) => g.key === k)!;
    expect(key('a').href(inTown)).toBe(`/towns/${TOWN}/agents`);
    expect(key('a').href(toRouteContext('/users'))).toBeNull();
    expect(key('i').href(toRouteContext('/users'))).toBe('/audit');
    expect(new Set(GO_KEYS.map((g) => g.key)).size).toBe(GO_KEYS.length);
  });

  it('treats text fields as typing, and buttons and checkboxes as not', () => {
    const el = (html: string) => {
      const box = document.createElement('div');
      box.innerHTML = html;
      return box.firstElementChild;
    };
    expect(isTypingTarget(el('<input type="search">'))).toBe(true);
    expect(isTypingTarget(el('<input>'))).toBe(true);
    expect(isTypingTarget(el('<textarea></textarea>'))).toBe(true);
    expect(isTypingTarget(el('<select></select>'))).toBe(true);
    expect(isTypingTarget(el('<input type="checkbox">'))).toBe(false);
    expect(isTypingTarget(el('<button>Go</button>'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
