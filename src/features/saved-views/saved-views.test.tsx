import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { savedViewsPath, SavedView, SavedViewLastUsed } from '../../api';
import { endpoints, testApi } from '../../test/api';
import { renderApp, scenarioTown } from '../../test/render-app';

configure({ asyncUtilTimeout: 5000 });

const agentNames = () => screen.getAllByTestId('agent-row').map((row) => within(row).getAllByRole('link')[0]!.textContent);
const savedAgents = () => testApi.get(endpoints.savedViews('agents'), undefined, { revalidate: false });

describe('saved views', () => {
  it('saves the Agents tab’s filter under a name, shows it as current and hands out a link that carries the filter', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('payments-api');
    renderApp(`/towns/${town.town.id}/agents?role=polecat&status=stalled`);
    await waitFor(() => expect(agentNames()).toEqual(['Toast']));
    const bar = screen.getByRole('group', { name: 'Saved agents views' });
    await user.click(within(bar).getByRole('button', { name: 'Save view…' }));
    await user.type(within(bar).getByLabelText('Name for this view'), 'stalled polecats');
    await user.click(within(bar).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(within(bar).getByLabelText('Saved view')).toHaveDisplayValue('stalled polecats · all towns'));
    const stored = (await savedAgents()).items.find((v) => v.name === 'stalled polecats');
    expect(stored?.query).toBe('role=polecat&status=stalled');

    await user.click(within(bar).getByRole('button', { name: 'Copy link' }));
    const link = await within(bar).findByLabelText('Link to this view');
    expect((link as HTMLInputElement).value).toMatch(new RegExp(`/towns/${town.town.id}/agents\\?role=polecat&status=stalled$`));
  });

  it('saves a view for this town only (listed there alone, and says so); Update saves a changed filter into the chosen view', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('payments-api');
    const other = scenarioTown('storefront');
    const { router } = renderApp(`/towns/${town.town.id}/agents?role=polecat&status=stalled`);
    await waitFor(() => expect(agentNames()).toEqual(['Toast']));
    const bar = screen.getByRole('group', { name: 'Saved agents views' });
    await user.click(within(bar).getByRole('button', { name: 'Save view…' }));
    await user.type(within(bar).getByLabelText('Name for this view'), 'payments triage');
    await user.click(within(bar).getByLabelText('only in this town'));
    await user.click(within(bar).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(within(bar).getByLabelText('Saved view')).toHaveDisplayValue('payments triage · this town'));
    const inTown = await testApi.get(endpoints.savedViews('agents', town.town.id), undefined, { revalidate: false });
    const saved = inTown.items.find((v) => v.name === 'payments triage')!;
    expect(saved.town_id).toBe(town.town.id);
    const elsewhere = await testApi.get(endpoints.savedViews('agents', other.town.id), undefined, { revalidate: false });
    expect(elsewhere.items.map((v) => v.name)).not.toContain('payments triage');
    expect((await savedAgents()).items.map((v) => v.name)).not.toContain('payments triage');

    // Widen the filter: the view is no longer current, and Update writes the new filter into it.
    expect(within(bar).queryByRole('button', { name: /^Update/ })).toBeNull();
    await user.click(within(screen.getByRole('group', { name: 'Filter agents by status' })).getByRole('button', { name: /^idle/ }));
    await waitFor(() => expect(router.state.location.search).toMatch(/idle/));
    await user.click(await within(bar).findByRole('button', { name: 'Update “payments triage”' }));
    await waitFor(() => expect(within(bar).getByLabelText('Saved view')).toHaveDisplayValue('payments triage · this town'));
    const updated = (await testApi.get(endpoints.savedViews('agents', town.town.id), undefined, { revalidate: false })).items.find(
      (v) => v.id === saved.id,
    )!;
    expect(new URLSearchParams(updated.query).get('status')).toMatch(/idle/);
    expect(new URLSearchParams(updated.query).get('role')).toBe('polecat');
    expect(within(bar).queryByRole('button', { name: /^Update/ })).toBeNull();
  });

  it('refuses a name already taken with the server’s reason, keeping what was typed', async () => {
    const user = userEvent.setup();
    await testApi.post(savedViewsPath(), { scope: 'agents', name: 'Idle polecats', query: 'role=polecat&status=idle' }, SavedView);
    const town = scenarioTown('storefront');
    renderApp(`/towns/${town.town.id}/agents?status=idle`);
    const bar = await screen.findByRole('group', { name: 'Saved agents views' });
    await waitFor(() => expect(within(bar).getByRole('button', { name: 'Save view…' })).toBeEnabled());
    await user.click(within(bar).getByRole('button', { name: 'Save view…' }));
    await user.type(within(bar).getByLabelText('Name for this view'), 'idle POLECATS');
    await user.click(within(bar).getByRole('button', { name: 'Save' }));
    expect(await within(bar).findByRole('alert')).toHaveTextContent(/already have a saved view named “Idle polecats”.*Choose another name/);
    expect(within(bar).getByLabelText('Name for this view')).toHaveValue('idle POLECATS');
  });

  it('applies a picked view, and opened again without filters restores it until the admin asks for all', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('storefront');
    const view = await testApi.post(
      savedViewsPath(),
      { scope: 'agents', name: 'Working polecats', query: 'role=polecat&status=working' },
      SavedView,
    );
    const first = renderApp(`/towns/${town.town.id}/agents`);
    const bar = await screen.findByRole('group', { name: 'Saved agents views' });
    await waitFor(() => expect(agentNames()).toHaveLength(6));
    await waitFor(() => expect(within(bar).getByLabelText('Saved view')).toBeEnabled());
    await user.selectOptions(within(bar).getByLabelText('Saved view'), view.id);
    await waitFor(() => expect(agentNames()).toEqual(['Birch', 'Toast']));
    await waitFor(async () => expect((await savedAgents()).last_used_id).toBe(view.id));
    first.unmount();

    renderApp(`/towns/${town.town.id}/agents`);
    await waitFor(() => expect(agentNames()).toEqual(['Birch', 'Toast']));
    const restored = await screen.findByText(/Your last used view “Working polecats” is applied/);
    await user.click(within(restored).getByRole('button', { name: 'Show all instead' }));
    await waitFor(() => expect(agentNames()).toHaveLength(6));
    await waitFor(async () => expect((await savedAgents()).last_used_id).toBeNull());
  });

  it('renames and deletes the current view; applying a view fills the text box too', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('storefront');
    const view = await testApi.post(savedViewsPath(), { scope: 'beads', name: 'Bead search', query: 'q=checkout' }, SavedView);
    await testApi.write('PUT', `${savedViewsPath()}/last-used`, { scope: 'beads', view_id: null }, SavedViewLastUsed);
    renderApp(`/towns/${town.town.id}/state`, { layout: true });
    const bar = await screen.findByRole('group', { name: 'Saved beads views' });
    await waitFor(() => expect(within(bar).getByLabelText('Saved view')).toBeEnabled());
    await user.selectOptions(within(bar).getByLabelText('Saved view'), view.id);
    await waitFor(() => expect(screen.getByLabelText('Filter beads by text')).toHaveValue('checkout'));
    await waitFor(() => expect(within(bar).getByLabelText('Saved view')).toHaveDisplayValue('Bead search · all towns'));

    await user.click(within(bar).getByRole('button', { name: 'Rename…' }));
    const nameBox = within(bar).getByLabelText('New name for Bead search');
    await user.clear(nameBox);
    await user.type(nameBox, 'Checkout beads');
    await user.click(within(bar).getByRole('button', { name: 'Rename' }));
    await waitFor(() => expect(within(bar).getByLabelText('Saved view')).toHaveDisplayValue('Checkout beads · all towns'));

    await user.click(within(bar).getByRole('button', { name: 'Delete…' }));
    await user.click(within(bar).getByRole('button', { name: 'Delete view' }));
    await waitFor(() => expect(within(bar).queryByRole('option', { name: 'Checkout beads' })).toBeNull());
    // The filter stays applied; only the name is gone.
    expect(screen.getByLabelText('Filter beads by text')).toHaveValue('checkout');
    expect((await testApi.get(endpoints.savedViews('beads'), undefined, { revalidate: false })).items).toHaveLength(0);
  });
});
