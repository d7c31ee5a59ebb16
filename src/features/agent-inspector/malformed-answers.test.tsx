import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { endpoints } from '../../api/endpoints';
import { paths } from '../../lib/paths';
import { setLiveRefreshPaused } from '../../lib/live-refresh';
import { getStore } from '../../mocks/handlers';
import { CASES, runMalformedCases, type Subject } from '../../test/malformed-answers';
import { renderApp } from '../../test/render-app';

/**
 * Malformed answers (issue 17) for each endpoint the Agent Inspector reads through its queries: the
 * agent, the Mayor's recent conversation (SDK events) and one event's payload, opened by `?event=`.
 * Live refresh is paused: the suite refreshes by hand, one bad answer at a time.
 */
afterEach(() => setLiveRefreshPaused(false));

function agentIn(townName: string, agentName: string) {
  const town = getStore().world.towns.find((t) => t.town.name === townName)!;
  const agent = town.agents.find((a) => a.name === agentName)!;
  return { townId: town.town.id, agentId: agent.id, url: paths.agent.getHref(town.town.id, agent.id) };
}

const MAYOR = () => agentIn('support-bot', 'Mayor');
const TOAST = () => agentIn('payments-api', 'Toast');
const SUBJECTS: { name: string; url: () => string; subject: () => Subject }[] = [
  {
    name: 'the agent',
    url: () => TOAST().url,
    subject: () => ({
      spec: endpoints.agent(TOAST().townId, TOAST().agentId),
      shown: () => screen.getByRole('heading', { level: 1, name: /Toast/ }),
    }),
  },
  {
    name: 'the Mayor’s recent conversation',
    url: () => MAYOR().url,
    subject: () => ({
      spec: endpoints.agentEvents(MAYOR().townId, MAYOR().agentId),
      shown: () => screen.getByRole('region', { name: 'Recent conversation' }).querySelector('li') as HTMLElement,
      textUnder: 'text',
    }),
  },
  {
    name: 'one event’s payload',
    url: () => `${TOAST().url}?event=3`,
    subject: () => ({
      spec: endpoints.agentEvent(TOAST().townId, TOAST().agentId, 3),
      shown: () => screen.getByLabelText('Payload of event 3'),
      textUnder: 'data',
    }),
  },
];

describe('the Agent Inspector under malformed answers', () => {
  it.each(SUBJECTS)(
    '$name: each bad answer is named, what was shown stays, and it recovers',
    async ({ url, subject }) => {
      setLiveRefreshPaused(true);
      const { queryClient } = renderApp(url(), { layout: true });
      const s = subject();
      await expect.poll(() => s.shown(), { timeout: 10_000 }).toBeTruthy();
      const skipped = await runMalformedCases(queryClient, s);
      expect(skipped.length).toBeLessThan(CASES.length / 2);
    },
    60_000,
  );
});
