import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { endpoints, testApi } from '../../../test/api';
import { renderApp, scenarioTown } from '../../../test/render-app';
import { runAction } from '../api/run-action';

// Two cores run several test files at once: give lazy routes and MSW time to answer.
configure({ asyncUtilTimeout: 5000 });

const reason = 'Support case #4812: verified-state test';

async function confirm(user: ReturnType<typeof userEvent.setup>, dialog: HTMLElement, label: string) {
  const button = within(dialog).getByRole('button', { name: label });
  await user.type(within(dialog).getByLabelText(/Reason/), reason);
  await waitFor(() => expect(button).toBeEnabled());
  await user.click(button);
}

describe('the verified result outlives the view its own refetch changes', () => {
  it('a town config edit: the editor collapses on the new version, the dialog keeps the verified values', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('payments-api');
    renderApp(`/towns/${town.town.id}/config`);
    await user.click(await screen.findByRole('button', { name: 'Edit town config' }));
    const form = screen.getByRole('form', { name: 'Edit town config' });
    await user.type(within(form).getByLabelText(/Model for the polecat/), 'anthropic/claude-haiku-4.5');
    await user.clear(within(form).getByLabelText(/Max polecats per rig/));
    await user.type(within(form).getByLabelText(/Max polecats per rig/), '7');
    await user.click(within(form).getByRole('button', { name: 'Review 2 changes' }));
    const dialog = await screen.findByRole('dialog');
    const changes = await within(dialog).findByRole('table', { name: 'Changes' });
    // An object-valued field shows only the key that changes.
    expect(changes).toHaveTextContent('role_models.polecat');
    expect(changes).not.toHaveTextContent('role_models.mayor');
    await confirm(user, dialog, 'Edit town config');

    expect(await within(dialog).findByRole('status')).toHaveTextContent(
      /Verified: Town config is now version \d+: role_models.polecat anthropic\/claude-haiku-4.5, max_polecats_per_rig 7\./,
    );
    // The refetch has landed (the panel behind shows the new version, whose editor used to remount with
    // the dialog inside it) and the result is still there.
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Town config', hidden: true })).toHaveTextContent(`version ${town.config.version + 1} ·`),
    );
    expect(screen.queryByRole('form', { name: 'Edit town config', hidden: true })).not.toBeInTheDocument();
    expect(within(dialog).getByRole('status')).toHaveTextContent('Verified');
    expect(within(dialog).getByText(/Recorded as audit entry #1 \(success\)/)).toBeInTheDocument();
    const { config } = await testApi.get(endpoints.config(town.town.id));
    expect(config.max_polecats_per_rig).toBe(7);
    expect(config.role_models.polecat).toBe('anthropic/claude-haiku-4.5');
  });

  it('a direct merge: the row turns "merged" behind the dialog, which still shows the merged state', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('docs-site');
    const failed = town.reviews.find((r) => r.review_state === 'failed')!;
    const title = town.beads.find((b) => b.id === failed.bead_id)!.title;
    renderApp(`/towns/${town.town.id}/review`);
    const rows = await screen.findAllByTestId('review-row');
    const row = rows.find((r) => within(r).queryByRole('link', { name: title }))!;
    await user.click(within(row).getByRole('button', { name: 'Skip review and merge' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByText(/Merge .* now, skipping review and gates/);
    await confirm(user, dialog, 'Skip review and merge');

    expect(await within(dialog).findByRole('status')).toHaveTextContent(`Verified: “${title}” is now merged (bead closed`);
    await waitFor(() => expect(within(row).queryByRole('button', { name: 'Skip review and merge', hidden: true })).not.toBeInTheDocument());
    expect(within(row).getByText('merged', { selector: 'span.muted' })).toBeInTheDocument();
    expect(within(dialog).getByRole('status')).toHaveTextContent('Verified');
    const queue = await testApi.get(endpoints.reviewQueue(town.town.id));
    expect(queue.entries.find((r) => r.bead_id === failed.bead_id)!.review_state).toBe('merged');
  });

  it('an agent delete: the page behind becomes "not found", the dialog says what happened and leads to the town’s agents', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('payments-api');
    const toast = town.agents.find((a) => a.name === 'Toast')!;
    const bead = town.beads.find((b) => b.id === toast.current_hook_bead_id)!;
    const { router } = renderApp(`/towns/${town.town.id}/agents/${toast.id}`);
    await user.click(await screen.findByRole('button', { name: 'Delete agent' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByText(/Delete polecat Toast/);
    await confirm(user, dialog, 'Delete agent');

    expect(await within(dialog).findByRole('status')).toHaveTextContent(
      `Verified: Toast is deleted: gone from the town’s agent list; its bead “${bead.title}” is now open.`,
    );
    expect(within(dialog).getByText(/Recorded as audit entry #1 \(success\)/)).toBeInTheDocument();
    await screen.findByText(/Not found: agent/);
    expect(within(dialog).getByRole('status')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('link', { name: 'Go to the town’s agents' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/towns/${town.town.id}/agents`));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});

describe('a conflict on a config edit', () => {
  it('names what another admin changed, marks the preview outdated, and keeps the draft through reload and cancel', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('payments-api');
    renderApp(`/towns/${town.town.id}/config`);
    await user.click(await screen.findByRole('button', { name: 'Edit town config' }));
    const maxPolecats = screen.getByLabelText(/Max polecats per rig/);
    await user.clear(maxPolecats);
    await user.type(maxPolecats, '3');
    await user.click(screen.getByRole('button', { name: 'Review 1 change' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByText('Change 1 town config field: max_polecats_per_rig.');

    // Another admin changes the default model and the merge strategy meanwhile.
    const before = town.config.default_model;
    await runAction({
      townId: town.town.id,
      action: 'config.update_town',
      target: { kind: 'config', id: town.town.id },
      params: { patch: { default_model: 'openai/gpt-5-codex', merge_strategy: 'direct' } },
      reason: 'the other admin',
      dryRun: false,
      idempotencyKey: crypto.randomUUID(),
      version: town.config.version,
    });

    await confirm(user, dialog, 'Edit town config');
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Changed since you loaded it');
    const changed = await within(alert).findByRole('table', { name: 'What changed' });
    expect(changed).toHaveTextContent(`default model${before}→openai/gpt-5-codex`);
    expect(changed).toHaveTextContent('merge strategypr→direct');
    expect(changed).not.toHaveTextContent('max polecats');
    expect(within(dialog).getByRole('region', { name: 'Effect' })).toHaveTextContent('outdated');
    expect(within(dialog).getByRole('button', { name: 'Edit town config' })).toBeDisabled();

    await user.click(within(alert).getByRole('button', { name: 'Reload and review again' }));
    await waitFor(() => expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument());
    expect(within(dialog).getByRole('region', { name: 'Effect' })).not.toHaveTextContent('outdated');
    expect(within(dialog).getByLabelText(/Reason/)).toHaveValue(reason);
    // The draft is still there behind the dialog: only the admin's field, on top of the other admin's change.
    expect(screen.getByLabelText(/Max polecats per rig/)).toHaveValue(3);
    expect(screen.getByLabelText(/Default model/)).toHaveValue('openai/gpt-5-codex');

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Review 1 change' })).toBeInTheDocument();
    expect(screen.getByLabelText(/Max polecats per rig/)).toHaveValue(3);

    await user.click(screen.getByRole('button', { name: 'Review 1 change' }));
    const again = await screen.findByRole('dialog');
    await confirm(user, again, 'Edit town config');
    expect(await within(again).findByRole('status')).toHaveTextContent(/max_polecats_per_rig 3\./);
    expect((await testApi.get(endpoints.config(town.town.id))).config).toMatchObject({
      max_polecats_per_rig: 3,
      default_model: 'openai/gpt-5-codex',
      merge_strategy: 'direct',
    });
  });
});

describe('an action that ran but failed', () => {
  it('a refresh against a suspended integration reads failed, in red, with what happened rather than the preview', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('infra-terraform');
    renderApp(`/towns/${town.town.id}/config`);
    await user.click(await screen.findByRole('button', { name: 'Force-refresh credentials' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByText(/it will fail/);
    await confirm(user, dialog, 'Force-refresh credentials');

    const status = await within(dialog).findByRole('status');
    expect(status).toHaveAttribute('data-outcome', 'failure');
    expect(status).toHaveClass('verified-failed');
    expect(status).toHaveTextContent(/^Failed: Refresh failed: integration ghi_\w+ is suspended: cannot mint a token\. Now: /);
    expect(status).not.toHaveTextContent('Verified');
    expect(within(dialog).getByRole('heading', { name: 'Force-refresh credentials: failed' })).toBeInTheDocument();
    expect(within(dialog).getByText(/Recorded as audit entry #1 \(failure\)/)).toBeInTheDocument();
    const [entry] = (await testApi.get(endpoints.townAudit(town.town.id))).items;
    expect(entry).toMatchObject({ outcome: 'failure' });
    expect(entry!.error).not.toMatch(/will fail/);
  });
});

describe('clearing the conversation of a Mayor stuck in its tool-call loop', () => {
  it('the preview says no process runs for it; the result is one true statement: idle, session idle, its last process failed', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('support-bot');
    const mayor = town.agents.find((a) => a.role === 'mayor')!;
    expect(mayor.status).toBe('working');
    renderApp(`/towns/${town.town.id}/agents/${mayor.id}`);
    await user.click(await screen.findByRole('button', { name: 'Clear conversation' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByText(/No process runs for the Mayor \(its last one failed\): clearing does not start one/);
    // The preview names the status it drops: a cleared conversation has no turn in progress.
    expect(within(dialog).getByRole('table', { name: 'Changes' })).toHaveTextContent(/statusworking→idle/);
    await confirm(user, dialog, 'Clear conversation');

    const status = await within(dialog).findByRole('status');
    expect(status).toHaveTextContent(
      'Verified: Mayor is now idle, hooked to nothing, session idle; no process runs for it (its last one failed).',
    );
    expect(status).not.toHaveTextContent('working');
    const detail = await testApi.get(endpoints.agent(town.town.id, mayor.id));
    expect(detail.agent.status).toBe('idle');
    expect(detail.mayor).toMatchObject({ session_state: 'idle', last_user_message: { answered: false } });
  });
});
