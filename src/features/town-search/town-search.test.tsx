import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp, scenarioTown } from '../../test/render-app';

configure({ asyncUtilTimeout: 5000 });

describe('town-wide search', () => {
  it('the header box searches the town: results grouped by kind, every agent read, a hit opens the exact timeline row', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('infra-terraform');
    const { router } = renderApp(`/towns/${town.town.id}/state`);
    const box = await screen.findByRole('searchbox', { name: 'Search this town' });
    await user.type(box, 'Bad credentials{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe(`/towns/${town.town.id}/search`));
    expect(router.state.location.search).toBe('?q=Bad+credentials');

    const status = await screen.findByText(
      `Searched the town’s rows and ${town.agents.length} of ${town.agents.length} agents’ SDK events`,
      {
        exact: false,
      },
    );
    expect(status).toBeInTheDocument();
    const credentials = screen.getByRole('region', { name: 'Credential errors' });
    const first = within(credentials).getAllByRole('link')[0]!;
    // The match is marked, as text.
    expect(within(credentials).getAllByText(/bad credentials/i, { selector: 'mark' }).length).toBeGreaterThan(0);
    await user.click(first);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/towns/${town.town.id}/events`));
    const params = new URLSearchParams(router.state.location.search);
    expect(params.get('kind')).toBe('credential');
    const selected = await screen.findByRole('row', { selected: true });
    expect(selected).toHaveTextContent(/credential/i);
  });

  it('finds the Mayor’s loop in its SDK events and opens the event viewer at that event', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('support-bot');
    const mayor = town.agents.find((a) => a.role === 'mayor')!;
    const { router } = renderApp(`/towns/${town.town.id}/search?q=${encodeURIComponent('tool call loop detected')}`);
    const sdk = await screen.findByRole('region', { name: 'SDK events' });
    expect(within(sdk).getByText('Mayor')).toBeInTheDocument();
    const link = within(sdk).getAllByRole('link')[0]!;
    await user.click(link);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/towns/${town.town.id}/agents/${mayor.id}`));
    const params = new URLSearchParams(router.state.location.search);
    expect(Number(params.get('event'))).toBeGreaterThan(0);
    expect(params.get('q')).toBe('tool call loop detected');
  });

  it('says when nothing matches, and asks for two characters before searching', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('infra-terraform');
    renderApp(`/towns/${town.town.id}/search?q=zzq-nothing-here`);
    expect(await screen.findByText('Nothing in this town contains “zzq-nothing-here”')).toBeInTheDocument();
    const box = screen.getByRole('searchbox', { name: 'Search this town' });
    expect(box).toHaveValue('zzq-nothing-here');
    await user.clear(box);
    await user.type(box, 'x{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Type at least 2 characters.');
  });

  it('a kind with more matches than it shows links to the list that holds them: beads to the State tab filtered by the text', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('infra-terraform');
    const { router } = renderApp(`/towns/${town.town.id}/search?q=ACCEPTANCE%3A+tests+pass`);
    const beads = await screen.findByRole('region', { name: 'Beads' });
    const more = await within(beads).findByRole('link', { name: 'Beads filtered by “ACCEPTANCE: tests pass” on the State tab' });
    expect(more.closest('p')).toHaveTextContent(/^\d+ more not shown/);
    await user.click(more);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/towns/${town.town.id}/state`));
    expect(new URLSearchParams(router.state.location.search).get('q')).toBe('ACCEPTANCE: tests pass');
  });
});
