import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp, scenarioTown } from '../../test/render-app';
import { openOverlay } from './components/overlays';

configure({ asyncUtilTimeout: 5000 });
afterEach(() => openOverlay(null));

const BLOCKER = 'Upgrade Firebase SDK to 11.x';

function mobileApp() {
  const town = scenarioTown('mobile-app');
  const blocker = town.beads.find((b) => b.title === BLOCKER)!;
  return { town, blocker, townId: town.town.id };
}

describe('the command palette', () => {
  it('Ctrl-K on a town finds a bead by title; Enter opens the Bead Inspector', async () => {
    const user = userEvent.setup();
    const { townId, blocker } = mobileApp();
    const { router } = renderApp(`/towns/${townId}/state`);
    await screen.findByRole('table', { name: 'Beads' });

    await user.keyboard('{Control>}k{/Control}');
    const input = await screen.findByRole('combobox');
    expect(input).toHaveFocus();
    await user.type(input, 'firebase');
    const option = await screen.findByRole('option', { name: new RegExp(BLOCKER.replace(/\./g, '\\.')) });
    expect(option).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe(`/towns/${townId}/beads/${blocker.id}`));
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
  });

  it('finds a bead by the short id the tables show, an agent by name, and a town of the same owner', async () => {
    const user = userEvent.setup();
    const { town, townId, blocker } = mobileApp();
    renderApp(`/towns/${townId}/state`);
    await screen.findByRole('table', { name: 'Beads' });
    await user.keyboard('{Control>}k{/Control}');
    const input = await screen.findByRole('combobox');

    await user.type(input, blocker.id.slice(0, 8));
    const beads = await screen.findByRole('group', { name: 'Beads' });
    expect(within(beads).getAllByRole('option')).toHaveLength(1);
    expect(within(beads).getByRole('option')).toHaveTextContent(BLOCKER);

    const agent = town.agents.find((a) => a.role === 'polecat')!;
    await user.clear(input);
    await user.type(input, agent.name);
    const agents = await screen.findByRole('group', { name: 'Agents' });
    expect(within(agents).getAllByRole('option')[0]).toHaveTextContent(agent.name);

    await user.clear(input);
    const towns = await screen.findByRole('group', { name: 'Towns' });
    // Dana's towns: this one and her others, so a sibling town is one jump away.
    expect(within(towns).getAllByRole('option').length).toBeGreaterThan(1);
    expect(within(towns).getByRole('option', { name: /mobile-app/ })).toBeInTheDocument();
  });

  it('finds a user anywhere by email, and says so when nothing matches', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/users');
    // Ctrl-K works from a field too (it types nothing): the user search has the focus here.
    expect(await screen.findByLabelText('Find a user')).toHaveFocus();
    await user.keyboard('{Control>}k{/Control}');
    const input = await screen.findByRole('combobox');
    await user.type(input, 'zzzz-nobody');
    expect(await screen.findByText('Nothing matches “zzzz-nobody” here.')).toBeInTheDocument();
    await user.clear(input);
    await user.type(input, 'dana');
    const users = await screen.findByRole('group', { name: 'Users' });
    await user.click(within(users).getByRole('option', { name: /Dana Whitfield/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/users/usr_2b7f1c9e4a'));
  });

  it('runs an action of the page’s target through the one intervention dialog', async () => {
    const user = userEvent.setup();
    const { townId, blocker } = mobileApp();
    renderApp(`/towns/${townId}/beads/${blocker.id}`);
    await screen.findByRole('group', { name: 'Admin actions' });
    await user.keyboard('{Control>}k{/Control}');
    const input = await screen.findByRole('combobox');
    await user.type(input, 'priority');
    const actions = await screen.findByRole('group', { name: 'Actions on this page' });
    await user.click(within(actions).getByRole('option', { name: new RegExp(`Change priority — bead ${blocker.id.slice(0, 8)}`) }));

    const dialog = await screen.findByRole('dialog', { name: /Change priority/ });
    expect(within(dialog).getByLabelText('Priority')).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/Reason/)).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: /Command palette/ })).not.toBeInTheDocument();
  });
});

describe('the panel’s keys', () => {
  it('g then a letter switches town tabs, / focuses the view’s search, and neither fires while typing', async () => {
    const user = userEvent.setup();
    const { townId } = mobileApp();
    const { router } = renderApp(`/towns/${townId}/state`);
    await screen.findByRole('table', { name: 'Beads' });

    await user.keyboard('/');
    const search = screen.getByRole('searchbox', { name: 'Filter beads by text' });
    expect(search).toHaveFocus();
    await user.keyboard('ga');
    expect(search).toHaveValue('ga');
    expect(router.state.location.pathname).toBe(`/towns/${townId}/state`);

    search.blur();
    await user.keyboard('ga');
    await waitFor(() => expect(router.state.location.pathname).toBe(`/towns/${townId}/agents`));
    await screen.findByRole('table', { name: 'Agents' });
    await user.keyboard('gi');
    await waitFor(() => expect(router.state.location.pathname).toBe('/audit'));
  });

  it('j and k move through the table rows, Enter opens the row', async () => {
    const user = userEvent.setup();
    const { townId, town } = mobileApp();
    const { router } = renderApp(`/towns/${townId}/agents`);
    const table = await screen.findByRole('table', { name: 'Agents' });
    await waitFor(() => expect(within(table).getAllByRole('row').length).toBeGreaterThan(2));
    const rows = within(table).getAllByRole('row').slice(1);

    await user.keyboard('j');
    expect(rows[0]).toHaveFocus();
    await user.keyboard('jj');
    expect(rows[2]).toHaveFocus();
    await user.keyboard('k');
    expect(rows[1]).toHaveFocus();
    const link = within(rows[1]!).getAllByRole('link')[0]!;
    await user.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe(new URL(link.getAttribute('href')!, 'http://x').pathname));
    expect(town.agents.some((a) => router.state.location.pathname.endsWith(a.id))).toBe(true);
  });

  it('? shows the cheat sheet and Esc closes it', async () => {
    const user = userEvent.setup();
    renderApp('/users');
    // The user search takes the focus on arrival: `?` there is a character of the query.
    const search = await screen.findByLabelText('Find a user');
    await user.keyboard('?');
    expect(search).toHaveValue('?');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    search.blur();
    await user.keyboard('?');
    const sheet = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(sheet).getByText('Next / previous row of the table')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});
