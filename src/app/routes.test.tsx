import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp, scenarioTown } from '../test/render-app';

describe('deep links that point nowhere', () => {
  it('an unknown town tab names what was looked up and leads to the town’s State tab', async () => {
    const town = scenarioTown('payments-api');
    const { router } = renderApp(`/towns/${town.town.id}/nosuchtab`);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not found: town tab “nosuchtab”');
    await userEvent.click(within(alert).getByRole('link', { name: 'Open the town’s State tab' }));
    expect(router.state.location.pathname).toBe(`/towns/${town.town.id}/state`);
    expect(await screen.findByRole('heading', { name: 'payments-api' })).toBeVisible();
  });

  it('a malformed agent id says what the server refused and offers a way back', async () => {
    const town = scenarioTown('payments-api');
    renderApp(`/towns/${town.town.id}/agents/bogus`);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The request was refused');
    expect(alert).toHaveTextContent('bogus');
    expect(within(alert).getByRole('link', { name: 'Back to user search' })).toHaveAttribute('href', '/users');
  });
});

describe('an agent or bead that is not there (deleted, or from another town)', () => {
  it.each([
    ['agents', 'agent', 'Open the town’s agents', 'agents'],
    ['beads', 'bead', 'Open the town’s beads', 'state'],
  ] as const)('a well-formed unknown %s id names what was looked up and leads back into the town', async (segment, kind, action, tab) => {
    const town = scenarioTown('payments-api');
    const id = '00000000-0000-4000-8000-000000000000';
    const { router } = renderApp(`/towns/${town.town.id}/${segment}/${id}`);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`Not found: ${kind} ${id}`);
    await userEvent.click(within(alert).getByRole('link', { name: action }));
    expect(router.state.location.pathname).toBe(`/towns/${town.town.id}/${tab}`);
  });
});
