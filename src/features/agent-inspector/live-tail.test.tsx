import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { getStore } from '../../mocks/handlers';
import { paths } from '../../lib/paths';
import { writeSdkEvents } from '../../test/api';
import { renderApp } from '../../test/render-app';
import { AgentInspector } from './components/agent-inspector';

function openToast() {
  const town = getStore().world.towns.find((t) => t.town.name === 'payments-api')!;
  const agent = town.agents.find((a) => a.name === 'Toast')!;
  renderApp(paths.agent.getHref(town.town.id, agent.id), {
    element: <AgentInspector townId={town.town.id} agentId={agent.id} />,
    path: paths.agent.path,
    layout: true, // the event list virtualizes
  });
  return { townId: town.town.id, agentId: agent.id };
}

const say = (text: string) => ({ type: 'message_part.updated', properties: { part: { type: 'text', text } } });

/** The event ids of the rendered rows, top to bottom, with where each sits. */
const renderedRows = (list: HTMLElement) =>
  within(list)
    .queryAllByRole('listitem')
    .map((item) => `${item.querySelector('[data-event-row]')?.getAttribute('data-event-row')}@${item.style.transform}`);

describe('the event viewer live tail', () => {
  it('at the newest end, a new SDK event goes in at the top, briefly marked, without a reload', async () => {
    const { townId, agentId } = openToast();
    const list = await screen.findByRole('list', { name: 'SDK events, newest first' }, { timeout: 8000 });
    await waitFor(() => expect(within(list).getAllByRole('listitem').length).toBeGreaterThan(5), { timeout: 8000 });
    const { last_id } = await writeSdkEvents(townId, agentId, [say('retrying the refund migration after the restart')]);

    const row = await within(list).findByText('retrying the refund migration after the restart', {}, { timeout: 4000 });
    const item = row.closest('[role="listitem"]') as HTMLElement;
    expect(item.querySelector('[data-event-row]')).toHaveAttribute('data-event-row', String(last_id));
    expect(item).toHaveAttribute('data-fresh', 'true');
    expect(item.style.transform).toBe('translateY(0px)');
    expect(screen.queryByRole('button', { name: /^↑ [\d,]+ new events?$/ })).not.toBeInTheDocument();
  });

  it('while you read further down, new events wait behind a pill and the rows you see stay where they are', async () => {
    const user = userEvent.setup();
    const { townId, agentId } = openToast();
    const list = await screen.findByRole('list', { name: 'SDK events, newest first' }, { timeout: 8000 });
    await waitFor(() => expect(within(list).getAllByRole('listitem').length).toBeGreaterThan(5), { timeout: 8000 });
    list.scrollTop = 28 * 40;
    fireEvent.scroll(list);
    await waitFor(() => expect(renderedRows(list)[0]).not.toMatch(/@translateY\(0px\)$/));
    const before = renderedRows(list);

    await writeSdkEvents(townId, agentId, [say('first of two new events'), say('second of two new events')]);
    const pill = await screen.findByRole('button', { name: '↑ 2 new events' }, { timeout: 4000 });
    expect(renderedRows(list)).toEqual(before);
    expect(within(list).queryByText('second of two new events')).not.toBeInTheDocument();

    await user.click(pill);
    // jsdom's scrollTo (stubbed) moves scrollTop but fires no scroll event as a browser would.
    await waitFor(() => expect(list.scrollTop).toBe(0));
    fireEvent.scroll(list);
    expect(await within(list).findByText('second of two new events')).toBeInTheDocument();
    expect(within(list).getByText('first of two new events')).toBeInTheDocument();
    expect(list.scrollTop).toBe(0);
    expect(screen.queryByRole('button', { name: /^↑ [\d,]+ new events?$/ })).not.toBeInTheDocument();
  });

  it('a search already typed finds the new events too', async () => {
    const { townId, agentId } = openToast();
    const list = await screen.findByRole('list', { name: 'SDK events, newest first' }, { timeout: 8000 });
    await waitFor(() => expect(within(list).getAllByRole('listitem').length).toBeGreaterThan(5), { timeout: 8000 });
    await userEvent.type(screen.getByLabelText('Search loaded events'), 'zebra-striped');
    await waitFor(() => expect(screen.getByText(/^No matches in/)).toBeInTheDocument());
    await writeSdkEvents(townId, agentId, [say('a zebra-striped log line')]);
    await waitFor(() => expect(screen.getByText('1 match')).toBeInTheDocument(), { timeout: 4000 });
    const row = within(list).getByText(
      (_, el) => el?.getAttribute('data-event-row') !== null && el?.textContent?.includes('zebra-striped') === true,
    );
    expect(row).toHaveAttribute('data-match', 'true');
  });
});
