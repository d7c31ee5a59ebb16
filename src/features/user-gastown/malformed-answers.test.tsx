import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { USERS } from '../../../scenarios/users';
import { endpoints } from '../../api/endpoints';
import { setLiveRefreshPaused } from '../../lib/live-refresh';
import { CASES, runMalformedCases, type Subject } from '../../test/malformed-answers';
import { renderApp } from '../../test/render-app';

/** Malformed answers (issue 17) for each endpoint the user page reads: the user, their towns, their rigs. */
afterEach(() => setLiveRefreshPaused(false));

const DANA = USERS.dana.id;
const SUBJECTS: { name: string; subject: () => Subject }[] = [
  {
    name: 'the user',
    subject: () => ({ spec: endpoints.user(DANA), shown: () => screen.getByRole('heading', { level: 1, name: /Dana Whitfield/ }) }),
  },
  { name: 'their towns', subject: () => ({ spec: endpoints.userTowns(DANA), shown: () => screen.getByRole('list', { name: 'Towns' }) }) },
  { name: 'their rigs', subject: () => ({ spec: endpoints.userRigs(DANA), shown: () => screen.getByRole('table', { name: 'Rigs' }) }) },
];

describe('the user page under malformed answers', () => {
  it.each(SUBJECTS)(
    '$name: each bad answer is named, what was shown stays, and it recovers',
    async ({ subject }) => {
      setLiveRefreshPaused(true);
      const { queryClient } = renderApp(`/users/${DANA}`);
      const s = subject();
      await expect.poll(() => s.shown(), { timeout: 10_000 }).toBeInTheDocument();
      const skipped = await runMalformedCases(queryClient, s);
      expect(skipped.length).toBeLessThan(CASES.length / 2);
    },
    60_000,
  );
});
