import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { paths } from './paths';

describe('paths', () => {
  it('builds the deep links of ARCHITECTURE.md', () => {
    expect(paths.home.getHref()).toBe('/');
    expect(paths.users.getHref()).toBe('/users');
    expect(paths.users.getHref('dana')).toBe('/users?q=dana');
    expect(paths.user.getHref('usr_1')).toBe('/users/usr_1');
    expect(paths.townRoot.getHref('t1')).toBe('/towns/t1');
    expect(paths.town.getHref('t1')).toBe('/towns/t1/state');
    expect(paths.town.getHref('t1', 'events', { kind: 'git', entity: '' })).toBe('/towns/t1/events?kind=git');
    expect(paths.bead.getHref('t1', 'b1', { depth: 2 })).toBe('/towns/t1/beads/b1?depth=2');
    expect(paths.agent.getHref('t1', 'a1', { event: 42 })).toBe('/towns/t1/agents/a1?event=42');
    expect(paths.audit.getHref({ town_id: 't1', admin: undefined })).toBe('/audit?town_id=t1');
    expect(paths.graphFixture.getHref(5000)).toBe('/__fixtures/graph?beads=5000');
  });

  it('builds links that the same entry’s route pattern matches, ids round-tripping through encoding', () => {
    const odd = 'id with/slash?&#';
    const cases = [
      [paths.user, paths.user.getHref(odd), { userId: odd }],
      [paths.townRoot, paths.townRoot.getHref(odd), { townId: odd }],
      [paths.town, paths.town.getHref(odd, 'review'), { townId: odd, tab: 'review' }],
      [paths.bead, paths.bead.getHref(odd, odd), { townId: odd, beadId: odd }],
      [paths.agent, paths.agent.getHref(odd, odd), { townId: odd, agentId: odd }],
    ] as const;
    for (const [entry, href, params] of cases) {
      // As the router reads a URL: the pathname decoded, then matched against the pattern.
      const match = matchRoutes([{ path: entry.path }], new URL(href, 'http://x').pathname);
      expect(match?.[0]?.params, href).toEqual(params);
    }
    for (const entry of [paths.home, paths.users, paths.audit, paths.graphFixture])
      expect(matchRoutes([{ path: entry.path }], new URL(entry.getHref(), 'http://x').pathname), entry.path).not.toBeNull();
  });
});
