import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp, scenarioTown } from '../../../test/render-app';

configure({ asyncUtilTimeout: 5000 });

const box = (name: string) => screen.getByRole('checkbox', { name: `Select ${name}` });

describe('row checkboxes feed the bulk dialog', () => {
  it('ticks agents (shift-click for a range), never more than the filter shows, and acts on exactly those', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('storefront');
    renderApp(`/towns/${town.town.id}/agents`);
    await waitFor(() => expect(screen.getAllByTestId('agent-row')).toHaveLength(6));
    // Sorted by role then name: Mayor, Refinery, Birch, Maple, Shadow, Toast.
    await user.click(box('Birch'));
    await user.keyboard('{Shift>}');
    await user.click(box('Shadow'));
    await user.keyboard('{/Shift}');
    expect([box('Birch'), box('Maple'), box('Shadow')].every((b) => (b as HTMLInputElement).checked)).toBe(true);
    expect(screen.getByRole('button', { name: 'Act on 3 selected…' })).toBeEnabled();

    // Narrowing the filter drops the ticked rows it hides; loosening it does not bring them back.
    const chips = screen.getByRole('group', { name: 'Filter agents by status' });
    await user.click(within(chips).getByRole('button', { name: /^idle/ }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Act on 2 selected…' })).toBeInTheDocument());
    await user.click(within(chips).getByRole('button', { name: /^idle/ }));
    await waitFor(() => expect(screen.getAllByTestId('agent-row')).toHaveLength(6));
    expect(screen.getByRole('button', { name: 'Act on 2 selected…' })).toBeInTheDocument();
    expect((box('Birch') as HTMLInputElement).checked).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Act on 2 selected…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Act on 2 selected agents' });
    await user.type(within(dialog).getByLabelText(/Reason/), 'fresh start for the idle ones');
    await user.click(within(dialog).getByRole('button', { name: 'Preview' }));
    expect(await within(dialog).findByTestId('bulk-count')).toHaveTextContent('2 agents would be affected.');
    const sample = within(dialog).getByRole('table', { name: 'Sample of the targets' });
    expect(
      within(sample)
        .getAllByRole('row')
        .slice(1)
        .map((r) => (r as HTMLTableRowElement).cells[0]!.textContent),
    ).toEqual(['Maple', 'Shadow']);
  });

  it('ticks beads in the virtualized State table: shift-click ranges the sorted rows, Space ticks, a filter intersects', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('mobile-app');
    const open = town.beads.filter((b) => b.status === 'open');
    renderApp(`/towns/${town.town.id}/state?sort=title`);
    const table = await screen.findByRole('table', { name: 'Beads' });
    await waitFor(() =>
      expect(screen.getByTestId('beads-progress')).toHaveTextContent(`${town.beads.length} of ${town.beads.length} beads`),
    );
    // Sorted by title: audit fields (open), CSV export, dark mode (closed), health check (open).
    await user.click(box('Add audit fields to the discounts table'));
    await user.keyboard('{Shift>}');
    await user.click(box('Add health check endpoint for the load balancer'));
    await user.keyboard('{/Shift}');
    expect(within(table).getAllByRole('checkbox', { checked: true })).toHaveLength(4);
    expect((box('Add dark mode toggle to settings page') as HTMLInputElement).checked).toBe(true);
    // The keyboard ticks too: Space on a focused box.
    box('Backfill missing SKU metadata').focus();
    await user.keyboard(' ');
    expect(screen.getByRole('button', { name: 'Act on 5 selected…' })).toBeEnabled();

    // Showing only open beads keeps the two open ones ticked; showing all again does not bring back the rest.
    await user.click(within(screen.getByRole('group', { name: 'Filter by status' })).getByRole('button', { name: /^Open/ }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Act on 2 selected…' })).toBeInTheDocument());
    expect(screen.getByRole('checkbox', { name: `Select all ${open.length} beads shown` })).toBePartiallyChecked();
    await user.click(within(screen.getByRole('group', { name: 'Filter by status' })).getByRole('button', { name: /^Open/ }));
    await waitFor(() =>
      expect(screen.getByTestId('beads-progress')).toHaveTextContent(`${town.beads.length} of ${town.beads.length} beads`),
    );
    expect((box('Backfill missing SKU metadata') as HTMLInputElement).checked).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Act on 2 selected…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Act on 2 selected beads' });
    await user.type(within(dialog).getByLabelText(/Reason/), 'two stale open beads');
    await user.click(within(dialog).getByRole('button', { name: 'Preview' }));
    expect(await within(dialog).findByTestId('bulk-count')).toHaveTextContent('2 beads would be affected.');
    const sample = within(dialog).getByRole('table', { name: 'Sample of the targets' });
    expect(
      within(sample)
        .getAllByRole('row')
        .slice(1)
        .map((r) => (r as HTMLTableRowElement).cells[0]!.textContent)
        .sort(),
    ).toEqual(['Add audit fields to the discounts table', 'Add health check endpoint for the load balancer']);
  });

  it('the header box ticks every agent the filter shows; “all matching” needs a filter', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('storefront');
    renderApp(`/towns/${town.town.id}/agents?role=polecat`);
    await waitFor(() => expect(screen.getAllByTestId('agent-row')).toHaveLength(4));
    await user.click(screen.getByRole('checkbox', { name: 'Select all 4 agents shown' }));
    expect(screen.getByRole('button', { name: 'Act on 4 selected…' })).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'Act on all matching…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Act on all matching agents' });
    expect(dialog).toHaveTextContent('Filter: role polecat.');
  });

  it('the review queue: filter by state, tick rows, retry every failed review as a ready-made batch', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('docs-site');
    const failed = town.reviews.filter((r) => r.review_state === 'failed');
    renderApp(`/towns/${town.town.id}/review`);
    await waitFor(() => expect(screen.getAllByTestId('review-row').length).toBe(town.reviews.length));
    expect(screen.getByRole('button', { name: 'Act on all matching…' })).toBeDisabled();
    await user.click(within(screen.getByRole('group', { name: 'Filter by review state' })).getByRole('button', { name: /^failed/ }));
    await waitFor(() => expect(screen.getAllByTestId('review-row')).toHaveLength(failed.length));
    await user.click(screen.getByRole('checkbox', { name: `Select all ${failed.length} merge requests shown` }));
    expect(screen.getByRole('button', { name: `Act on ${failed.length} selected…` })).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'Retry every failed review…' }));
    expect(await screen.findByRole('dialog', { name: 'Retry every failed review' })).toBeInTheDocument();
  });
});
