import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { auditOf, endpoints, testApi } from '../../../test/api';
import { renderApp, scenarioTown } from '../../../test/render-app';
import { ActionButton } from './action-button';
import { PARAM_DEBOUNCE_MS } from './action-dialog';

/** Counts the dry runs the dialog sends (MSW sees every request). */
function countDryRuns() {
  const seen = { count: 0 };
  const listener = ({ request }: { request: Request }) => {
    if (request.method === 'POST' && request.url.includes('/actions/'))
      void request
        .clone()
        .json()
        .then((body: { dryRun?: boolean }) => (seen.count += body.dryRun ? 1 : 0));
  };
  server.events.on('request:start', listener);
  stop.push(() => server.events.removeListener('request:start', listener));
  return seen;
}
const stop: (() => void)[] = [];
afterEach(() => stop.splice(0).forEach((f) => f()));

/** Counts the real (not dry-run) action requests the dialog sends, and every request after a point. */
function countApplies() {
  const seen = { applies: 0, after: [] as string[], watching: false };
  const listener = ({ request }: { request: Request }) => {
    if (seen.watching) seen.after.push(`${request.method} ${new URL(request.url).pathname}`);
    if (request.method === 'POST' && request.url.includes('/actions/'))
      void request
        .clone()
        .json()
        .then((body: { dryRun?: boolean }) => (seen.applies += body.dryRun ? 0 : 1));
  };
  server.events.on('request:start', listener);
  stop.push(() => server.events.removeListener('request:start', listener));
  return seen;
}

function toastOf(name: string) {
  const town = scenarioTown(name);
  const toast = town.agents.find((a) => a.name === 'Toast')!;
  return { town, toast };
}

describe('the intervention dialog', () => {
  it('states the effect from a dry run, requires a reason, and shows the verified new state', async () => {
    const user = userEvent.setup();
    const { town, toast } = toastOf('payments-api');
    renderApp('/', {
      element: (
        <ActionButton townId={town.town.id} action="agent.force_reset" target={{ kind: 'agent', id: toast.id }} version={toast.version} />
      ),
    });
    await user.click(screen.getByRole('button', { name: 'Force-reset to idle' }));
    const dialog = await screen.findByRole('dialog');
    expect(
      await within(dialog).findByText('Toast → idle; bead “Add idempotency keys to the refund endpoint” unhooked and back to open.'),
    ).toBeInTheDocument();
    const confirm = within(dialog).getByRole('button', { name: 'Force-reset to idle' });
    expect(confirm).toBeDisabled();
    expect((await testApi.get(endpoints.agent(town.town.id, toast.id))).agent.status).toBe('stalled');
    await user.type(within(dialog).getByLabelText(/Reason/), 'Support case #4812: process died, unstick the refund bead');
    await user.click(confirm);
    expect(await within(dialog).findByText(/Toast is now idle, hooked to nothing/)).toBeInTheDocument();
    expect(within(dialog).getByText(/Recorded as audit entry #1 \(success\)/)).toBeInTheDocument();
    const log = await auditOf(town.town.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      action: 'agent.force_reset',
      reason: 'Support case #4812: process died, unstick the refund bead',
    });
  });

  it('says what changed on a stale version and offers to reload', async () => {
    const user = userEvent.setup();
    const { town, toast } = toastOf('payments-api');
    renderApp('/', {
      element: (
        <ActionButton
          townId={town.town.id}
          action="agent.force_unhook"
          target={{ kind: 'agent', id: toast.id }}
          version={toast.version - 1 || 99}
        />
      ),
    });
    await user.click(screen.getByRole('button', { name: 'Force-unhook' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByText(/Toast unhooked from/);
    await user.type(within(dialog).getByLabelText(/Reason/), 'stale view test');
    await user.click(within(dialog).getByRole('button', { name: 'Force-unhook' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Changed since you loaded it');
    expect(alert).toHaveTextContent(/you saw version \d+, it is now version 1/);
    expect(within(alert).getByRole('button', { name: 'Reload and review again' })).toBeInTheDocument();
    expect(await auditOf(town.town.id)).toHaveLength(0);
  });

  it('a target read without a version (production) is guarded by the preview’s row tag: applied as previewed, refused once the row changed', async () => {
    const user = userEvent.setup();
    const { town, toast } = toastOf('payments-api');
    renderApp('/', {
      element: <ActionButton townId={town.town.id} action="agent.force_reset" target={{ kind: 'agent', id: toast.id }} version={null} />,
    });
    await user.click(screen.getByRole('button', { name: 'Force-reset to idle' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByText(/Toast → idle/);
    // Another admin unhooks Toast after this preview was made: the row, so its tag, changes.
    await testApi.act(
      town.town.id,
      'agent.force_unhook',
      { target: { kind: 'agent', id: toast.id }, params: {}, reason: 'the other admin', dryRun: false },
      { idempotencyKey: crypto.randomUUID(), ifMatch: toast.version },
    );
    await user.type(within(dialog).getByLabelText(/Reason/), 'versionless target test');
    await user.click(within(dialog).getByRole('button', { name: 'Force-reset to idle' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('changed since the preview you saw');
    expect(await auditOf(town.town.id)).toHaveLength(1);
    await user.click(within(alert).getByRole('button', { name: 'Reload and review again' }));
    const confirm = within(dialog).getByRole('button', { name: 'Force-reset to idle' });
    await waitFor(() => expect(confirm).toBeEnabled());
    await user.click(confirm);
    expect(await within(dialog).findByText(/Toast is now idle/)).toBeInTheDocument();
    expect((await auditOf(town.town.id)).map((e) => e.action)).toEqual(['agent.force_unhook', 'agent.force_reset']);
  });

  it('shows the server’s refusal in the preview and keeps the confirm button off', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('storefront');
    const idle = town.agents.find((a) => a.role === 'polecat' && !a.current_hook_bead_id)!;
    renderApp('/', {
      element: (
        <ActionButton townId={town.town.id} action="agent.force_unhook" target={{ kind: 'agent', id: idle.id }} version={idle.version} />
      ),
    });
    await user.click(screen.getByRole('button', { name: 'Force-unhook' }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent(`${idle.name} is not hooked to any bead.`));
    expect(within(dialog).getByRole('button', { name: 'Force-unhook' })).toBeDisabled();
  });

  it('waits for the admin to stop typing before a dry run, and shows a refused value beside its field', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('infra-terraform');
    const rig = town.rigs[0]!;
    const dryRuns = countDryRuns();
    renderApp('/', {
      element: (
        <ActionButton
          townId={town.town.id}
          action="credential.set_token"
          target={{ kind: 'rig', id: rig.id }}
          version={1}
          fields={[{ name: 'token', label: 'Git token (write-only)', kind: 'password' }]}
        />
      ),
    });
    await user.click(screen.getByRole('button', { name: 'Set git token manually' }));
    const dialog = await screen.findByRole('dialog');
    const token = within(dialog).getByLabelText('Git token (write-only)');
    expect(token).toHaveAttribute('type', 'password');

    await user.type(token, 'ghp_ab');
    const message = await within(dialog).findByText('At least 8 characters.');
    expect(token).toHaveAttribute('aria-invalid', 'true');
    expect(token).toHaveAccessibleDescription('At least 8 characters.');
    // A value being typed is not an error of the panel: no alert, no "request was refused".
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    expect(dialog).not.toHaveTextContent('The request was refused');
    expect(message).toBeInTheDocument();
    expect(dryRuns.count).toBe(1);

    await user.type(token, 'cdefgh');
    expect(await within(dialog).findByText(/Use a manually set git token for rig/)).toBeInTheDocument();
    expect(within(dialog).queryByText('At least 8 characters.')).not.toBeInTheDocument();
    await new Promise((r) => setTimeout(r, PARAM_DEBOUNCE_MS + 100));
    expect(dryRuns.count).toBe(2);
  });

  it('sends one request when submitted twice before it re-renders, and after success runs no preview again', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('ml-pipeline');
    const container = await testApi.get(endpoints.container(town.town.id));
    renderApp('/', {
      element: (
        <ActionButton
          townId={town.town.id}
          action="container.force_restart"
          target={{ kind: 'container', id: town.town.id }}
          version={container.version}
        />
      ),
    });
    const seen = countApplies();
    const dryRuns = countDryRuns();
    await user.click(screen.getByRole('button', { name: 'Force-restart container' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByText(/Restart the town's container/);
    await user.type(within(dialog).getByLabelText(/Reason/), 'Support case #4812: OOM loop, restart once');
    const confirm = within(dialog).getByRole('button', { name: 'Force-restart container' });
    await waitFor(() => expect(confirm).toBeEnabled());
    const previews = dryRuns.count;
    seen.watching = true;
    // Two submits before React re-renders (a double click, Enter held down): the form must act once.
    const form = confirm.closest('form')!;
    act(() => {
      form.requestSubmit(confirm);
      form.requestSubmit(confirm);
    });
    expect(await within(dialog).findByRole('status')).toHaveTextContent('Verified');
    await new Promise((r) => setTimeout(r, PARAM_DEBOUNCE_MS * 2));
    expect(seen.applies).toBe(1);
    expect(dryRuns.count).toBe(previews);
    expect(seen.after.filter((r) => r.startsWith('POST'))).toHaveLength(1);
    expect(await auditOf(town.town.id)).toHaveLength(1);
  });
});
