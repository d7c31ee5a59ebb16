import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { endpoints } from '../../api/endpoints';
import { paths } from '../../lib/paths';
import { setLiveRefreshPaused } from '../../lib/live-refresh';
import { getStore } from '../../mocks/handlers';
import { CASES, runMalformedCases, type Subject } from '../../test/malformed-answers';
import { renderApp } from '../../test/render-app';
import type { DrawnGraph } from './model/graph';

/**
 * Malformed answers (issue 17) for each endpoint the Bead Inspector reads: the bead, its events (the
 * state history) and its dependency graph. Live refresh is paused: the suite refreshes by hand.
 */
afterEach(() => setLiveRefreshPaused(false));

// jsdom has neither Workers nor layout: the canvas is replaced by a list of the beads it would draw
// (no titles: the canvas's own nodes are not under test here, the panel's text around it is).
vi.mock('./components/graph/graph-canvas', () => ({
  default: ({ drawn }: { drawn: DrawnGraph }) => (
    <ul aria-label="Drawn beads">
      {drawn.nodes.map((n) => (
        <li key={n.id}>{n.id}</li>
      ))}
    </ul>
  ),
}));

function beadIn(townName: string, title: string) {
  const town = getStore().world.towns.find((t) => t.town.name === townName)!;
  const bead = town.beads.find((b) => b.title === title)!;
  return { townId: town.town.id, beadId: bead.id, url: paths.bead.getHref(town.town.id, bead.id) };
}

const FCM = () => beadIn('mobile-app', 'Migrate push notifications to FCM HTTP v1');
const SUBJECTS: { name: string; subject: () => Subject }[] = [
  {
    name: 'the bead',
    subject: () => ({
      spec: endpoints.bead(FCM().townId, FCM().beadId),
      shown: () => screen.getByRole('heading', { level: 1, name: /Migrate push notifications/ }),
    }),
  },
  {
    name: 'its events (state history)',
    subject: () => ({
      spec: endpoints.beadEvents(FCM().townId, FCM().beadId),
      shown: () => screen.getByRole('heading', { name: 'State history' }).closest('section')!.querySelector('ol.history') as HTMLElement,
    }),
  },
  {
    name: 'its dependency graph',
    subject: () => ({
      spec: endpoints.beadGraph(FCM().townId, FCM().beadId, 2),
      shown: () => screen.getByRole('list', { name: 'Drawn beads' }),
    }),
  },
];

describe('the Bead Inspector under malformed answers', () => {
  it.each(SUBJECTS)(
    '$name: each bad answer is named, what was shown stays, and it recovers',
    async ({ subject }) => {
      setLiveRefreshPaused(true);
      const { queryClient } = renderApp(FCM().url);
      const s = subject();
      await expect.poll(() => s.shown(), { timeout: 10_000 }).toBeTruthy();
      const skipped = await runMalformedCases(queryClient, s);
      expect(skipped.length).toBeLessThan(CASES.length / 2);
    },
    60_000,
  );
});
