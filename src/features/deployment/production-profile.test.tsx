import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { setMockProfile } from '../../mocks/handlers';
import { writeSdkEvents } from '../../test/api';
import { renderApp, scenarioTown } from '../../test/render-app';

/**
 * The panel against the backend's production-today profile (server/capabilities.ts): every view loads
 * (no error page), and each view whose feed production does not record says so instead of showing an
 * empty list; actions production's worker lacks are disabled with the reason.
 */
configure({ asyncUtilTimeout: 5000 });
beforeEach(() => setMockProfile('production-today'));

const payments = () => scenarioTown('payments-api');
const notRecorded = async (what: RegExp) => {
  const notices = await screen.findAllByTestId('not-recorded');
  expect(notices.map((n) => n.textContent).join(' | ')).toMatch(what);
};

describe('the panel in the production-today profile', () => {
  it('Agent Inspector: dispatch and git history are "not recorded", and only production’s actions can run', async () => {
    const town = payments();
    const toast = town.agents.find((a) => a.name === 'Toast')!;
    renderApp(`/towns/${town.town.id}/agents/${toast.id}`);
    await notRecorded(/Dispatch attempts: not recorded by this deployment/);
    await notRecorded(/Git operations: not recorded by this deployment/);
    expect(screen.queryByText(/No dispatch attempts recorded/)).not.toBeInTheDocument();
    const kill = await screen.findByRole('button', { name: 'Force-kill process' });
    expect(kill).toBeDisabled();
    expect(kill).toHaveAttribute('title', 'Force-kill process: not supported by this deployment');
    expect(screen.getByRole('button', { name: 'Force-reset to idle' })).toBeEnabled();
    expect(await screen.findByTestId('sdk-retention')).toHaveTextContent('this deployment keeps the newest 10,000 events per agent');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('Bead Inspector: the stuck bead’s dispatch attempts are "not recorded", its history shows', async () => {
    const town = payments();
    const bead = town.beads.find((b) => b.title === 'Add idempotency keys to the refund endpoint')!;
    renderApp(`/towns/${town.town.id}/beads/${bead.id}`);
    await notRecorded(/Dispatch attempts: not recorded by this deployment/);
    expect(await screen.findByRole('heading', { name: 'State history' })).toBeInTheDocument();
    expect(screen.queryByText('No dispatch attempts against this bead')).not.toBeInTheDocument();
  });

  it('Container and config tabs say which histories are not recorded', async () => {
    const town = scenarioTown('ml-pipeline');
    const { unmount } = renderApp(`/towns/${town.town.id}/container`);
    await notRecorded(/Container lifecycle events: not recorded by this deployment/);
    expect(screen.getByText('lifecycle not recorded by this deployment')).toBeInTheDocument();
    expect(screen.queryByText('No lifecycle events recorded')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Force-stop container' })).toBeDisabled();
    unmount();
    renderApp(`/towns/${scenarioTown('infra-terraform').town.id}/config`);
    await notRecorded(/Credential resolutions: not recorded by this deployment/);
    await notRecorded(/Git operations: not recorded by this deployment/);
    expect(screen.queryByText('No failed git operations')).not.toBeInTheDocument();
  });

  it('the audit log, town and global, is "not recorded", not an empty log and not an error', async () => {
    const { unmount } = renderApp(`/towns/${payments().town.id}/audit`);
    await notRecorded(/not recorded by this deployment/i);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    unmount();
    renderApp('/audit');
    const notice = (await screen.findAllByTestId('not-recorded'))[0]!;
    expect(within(notice).getByText(/not recorded by this deployment/i)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('bulk runs offer only production’s actions: the others are disabled with the reason, and so is a button none of whose actions can run', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('mobile-app');
    const { unmount } = renderApp(`/towns/${town.town.id}/state?status=failed`, { layout: true });
    await user.click(await screen.findByRole('button', { name: 'Act on all matching…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Act on all matching beads' });
    const option = (name: RegExp) => within(dialog).getByRole('option', { name });
    expect(option(/^Unhook agent — not supported by this deployment$/)).toBeDisabled();
    expect(option(/^Change priority — not supported by this deployment$/)).toBeDisabled();
    expect(option(/^Delete bead$/)).toBeEnabled();
    expect(option(/^Force-close$/)).toBeEnabled();
    expect(within(dialog).getByLabelText('Action')).toHaveValue('bead.force_close');
    unmount();
    renderApp(`/towns/${town.town.id}/agents`, { layout: true });
    const retry = await screen.findByRole('button', { name: 'Retry every failed review…' });
    // Once the capabilities have loaded (the server refuses the run anyway before that).
    await waitFor(() => expect(retry).toBeDisabled());
    expect(retry).toHaveAttribute('title', 'Force-retry review: not supported by this deployment');
    expect(screen.getByRole('button', { name: 'Reset every stalled agent…' })).toBeEnabled();
  });

  it('the event viewer of an agent past 10,000 events counts the 10,000 kept and says how many older ones are gone', async () => {
    const town = payments();
    const toast = town.agents.find((a) => a.name === 'Toast')!;
    const text = (n: number) => ({ type: 'message_part.updated', properties: { part: { type: 'text', text: `kept ${n}` } } });
    for (let batch = 0; batch < 11; batch++)
      await writeSdkEvents(
        town.town.id,
        toast.id,
        Array.from({ length: 1_000 }, (_, i) => text(batch * 1_000 + i)),
      );
    renderApp(`/towns/${town.town.id}/agents/${toast.id}`);
    const retention = await screen.findByTestId('sdk-retention');
    // 11,000 appended on top of the seeded stream, 10,000 kept: at least 1,000 are gone, and the line says how many.
    await waitFor(() => expect(retention).toHaveTextContent(/newest 10,000 events per agent: [\d,]+ older ones are gone/));
    expect(Number(/: ([\d,]+) older/.exec(retention.textContent ?? '')![1]!.replaceAll(',', ''))).toBeGreaterThanOrEqual(1_000);
    expect(await screen.findByText(/of 10,000 events|All 10,000 events loaded/)).toBeInTheDocument();
  });
});
