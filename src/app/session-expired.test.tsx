import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { clearFailures, failWith } from '../mocks/handlers';
import { auditOf } from '../test/api';
import { renderApp, scenarioTown } from '../test/render-app';

configure({ asyncUtilTimeout: 5000 });

describe('a standalone session that expires', () => {
  it('prompts over the page, keeps the unsaved reason, and carries on with a fresh token', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('payments-api');
    const toast = town.agents.find((a) => a.name === 'Toast')!;
    renderApp(`/towns/${town.town.id}/agents/${toast.id}`, { standalone: true });
    await user.click(await screen.findByRole('button', { name: 'Force-reset to idle' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByText(/Toast → idle/);
    await user.type(within(dialog).getByLabelText(/Reason/), 'Support case #4812: unstick the refund bead');

    // The short-lived token runs out: every admin route now answers 401.
    failWith('/api/admin/', 401);
    await user.click(within(dialog).getByRole('button', { name: 'Force-reset to idle' }));
    const prompt = await screen.findByRole('dialog', { name: 'Your admin session has expired' });
    expect(prompt).toHaveTextContent('the page you were on stays open');
    // The page is still there under the prompt, the draft with it.
    expect(screen.getByRole('heading', { level: 1, name: /Toast/, hidden: true })).toBeInTheDocument();

    clearFailures();
    await user.click(within(prompt).getByRole('button', { name: 'Sign in as dev admin' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Your admin session has expired' })).not.toBeInTheDocument());
    const reopened = screen.getByRole('dialog');
    expect(within(reopened).getByLabelText(/Reason/)).toHaveValue('Support case #4812: unstick the refund bead');
    // The refused attempt is offered again with the same idempotency key.
    await user.click(within(reopened).getByRole('button', { name: 'Retry: Force-reset to idle' }));
    expect(await within(reopened).findByText(/Toast is now idle/)).toBeInTheDocument();
    expect(await auditOf(town.town.id)).toHaveLength(1);
  });

  it('a fresh token for a non-admin shows "admins only", not the page', async () => {
    const user = userEvent.setup();
    renderApp('/users', { standalone: true });
    await screen.findByRole('searchbox');
    failWith('/api/admin/', 401);
    await user.type(screen.getByRole('searchbox'), 'dana');
    const prompt = await screen.findByRole('dialog', { name: 'Your admin session has expired' });
    clearFailures();
    await user.click(within(prompt).getByRole('button', { name: 'Sign in as non-admin (support)' }));
    expect(await screen.findByRole('heading', { name: 'Admins only' })).toBeInTheDocument();
    expect(screen.queryByRole('searchbox')).not.toBeInTheDocument();
  });
});
