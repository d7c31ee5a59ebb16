import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { auditOf, endpoints, testApi } from '../../../test/api';
import { renderApp, scenarioTown } from '../../../test/render-app';

configure({ asyncUtilTimeout: 5000 });

describe('bulk actions on the State tab', () => {
  it('is refused without a filter, so a whole town is never one click away', async () => {
    const town = scenarioTown('docs-site');
    renderApp(`/towns/${town.town.id}/state`, { layout: true });
    const button = await screen.findByRole('button', { name: 'Act on all matching…' });
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute('title', expect.stringMatching(/Set a filter first/));
  });

  it('previews all matching beads, asks for the count, runs target by target and writes one audit entry per bead under one batch', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('docs-site');
    const matching = town.beads.filter((b) => ['open', 'in_progress', 'in_review'].includes(b.status));
    renderApp(`/towns/${town.town.id}/state?status=open,in_progress,in_review`, { layout: true });
    await user.click(await screen.findByRole('button', { name: 'Act on all matching…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Act on all matching beads' });
    expect(dialog).toHaveTextContent('status open or in progress or in review');

    await user.selectOptions(within(dialog).getByLabelText('Action'), 'bead.change_priority');
    await user.selectOptions(within(dialog).getByLabelText('Priority'), 'critical');
    const preview = within(dialog).getByRole('button', { name: 'Preview' });
    expect(preview).toBeDisabled();
    await user.type(within(dialog).getByLabelText(/Reason/), 'release freeze: in-flight work first');
    await user.click(preview);

    expect(await within(dialog).findByTestId('bulk-count')).toHaveTextContent(`${matching.length} beads would be affected.`);
    const inReview = matching.filter((b) => b.status === 'in_review').length;
    expect(within(dialog).getByRole('list', { name: 'Warnings' })).toHaveTextContent(`${inReview} of them are in review`);
    expect(within(dialog).getByRole('table', { name: 'Sample of the targets' })).toBeInTheDocument();

    const run = within(dialog).getByRole('button', { name: `Run on ${matching.length} beads` });
    expect(run).toBeDisabled();
    await user.type(within(dialog).getByLabelText(`Type ${matching.length} to confirm`), String(matching.length));
    await user.click(run);
    await waitFor(() =>
      expect(within(dialog).getByTestId('bulk-progress')).toHaveTextContent(`${matching.length} of ${matching.length} done`),
    );

    const page = await testApi.get(endpoints.beads(town.town.id, { status: ['open', 'in_progress', 'in_review'], limit: 100 }));
    expect(page.items.every((b) => b.priority === 'critical')).toBe(true);
    const entries = await auditOf(town.town.id);
    const alreadyCritical = matching.filter((b) => b.priority === 'critical').length;
    expect(entries).toHaveLength(matching.length - alreadyCritical);
    expect(new Set(entries.map((e) => e.request_id)).size).toBe(1);
  });

  it('lists partial failures with their reasons and retries only them', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('mobile-app');
    renderApp(`/towns/${town.town.id}/state?status=open,in_progress`, { layout: true });
    await user.click(await screen.findByRole('button', { name: 'Act on all matching…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Act on all matching beads' });
    await user.selectOptions(within(dialog).getByLabelText('Action'), 'bead.unhook');
    await user.type(within(dialog).getByLabelText(/Reason/), 'free every hooked polecat');
    await user.click(within(dialog).getByRole('button', { name: 'Preview' }));
    expect(await within(dialog).findByRole('list', { name: 'Warnings' })).toHaveTextContent(/would be refused/);
    await user.click(within(dialog).getByRole('button', { name: /^Run on \d+ beads$/ }));

    // The failed list grows step by step: count it once the run has gone through every target.
    await waitFor(() => expect(within(dialog).getByTestId('bulk-progress').textContent).toMatch(/^(\S+) of \1 done/), { timeout: 15_000 });
    const failed = within(dialog).getByRole('table', { name: 'Failed targets' });
    const failures = within(failed).getAllByRole('row').length - 1;
    expect(failures).toBeGreaterThan(0);
    // The button shows once the last step's answer is in (the progress line can read "done" a render earlier).
    await user.click(await within(dialog).findByRole('button', { name: `Retry ${failures} failed` }));
    await waitFor(() => expect(within(dialog).getByTestId('bulk-progress')).toHaveTextContent(`${failures} failed`));
    expect(within(dialog).getByRole('button', { name: `Retry ${failures} failed` })).toBeEnabled();
  });
});
