import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ActionButton } from '../features/interventions';
import { renderApp, scenarioTown } from '../test/render-app';

describe('focus', () => {
  it('moves to the new page’s heading after a route change', async () => {
    const user = userEvent.setup();
    renderApp('/users');
    await screen.findByRole('heading', { level: 1, name: 'Users' });
    await user.click(screen.getByRole('link', { name: 'Intervention log' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Intervention log' });
    await waitFor(() => expect(heading).toHaveFocus());
  });

  it('waits for a heading that renders once the page’s data has loaded', async () => {
    const town = scenarioTown('storefront');
    const { router } = renderApp('/users');
    await screen.findByRole('heading', { level: 1, name: 'Users' });
    await act(() => router.navigate(`/towns/${town.town.id}/state`));
    const heading = await screen.findByRole('heading', { level: 1, name: /storefront/ }, { timeout: 5_000 });
    await waitFor(() => expect(heading).toHaveFocus());
  });

  it('stays on a town’s tab when the operator switches tabs', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('storefront');
    renderApp(`/towns/${town.town.id}/state`);
    const tabs = await screen.findByRole('navigation', { name: 'Town Inspector' }, { timeout: 5_000 });
    const agents = within(tabs).getByRole('link', { name: /Agents/ });
    await user.click(agents);
    expect(await screen.findByRole('table', { name: /agents/i }, { timeout: 5_000 })).toBeInTheDocument();
    expect(agents).toHaveFocus();
  });

  it('returns to the dialog’s trigger when it closes, and to its stand-in when the trigger was re-rendered away', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('payments-api');
    const toast = town.agents.find((a) => a.name === 'Toast')!;
    let remount = () => {};
    function Row() {
      const [generation, setGeneration] = useState(0);
      remount = () => setGeneration((g) => g + 1);
      return (
        <ActionButton
          key={generation}
          townId={town.town.id}
          action="agent.force_reset"
          target={{ kind: 'agent', id: toast.id }}
          version={toast.version}
        />
      );
    }
    renderApp('/', { element: <Row /> });
    const trigger = screen.getByRole('button', { name: 'Force-reset to idle' });
    await user.click(trigger);
    await screen.findByRole('dialog');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(trigger).toHaveFocus());

    await user.click(trigger);
    const dialog = await screen.findByRole('dialog');
    act(() => remount()); // as an action's refetch re-renders the row the button sits in
    expect(trigger).not.toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    const standIn = screen.getByRole('button', { name: 'Force-reset to idle' });
    await waitFor(() => expect(standIn).toHaveFocus());
    expect(within(document.body).queryByRole('dialog')).not.toBeInTheDocument();
  });
});
