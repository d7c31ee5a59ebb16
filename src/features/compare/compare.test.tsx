import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { endpoints } from '../../api/endpoints';
import { testApi } from '../../test/api';
import { renderApp, scenarioTown } from '../../test/render-app';

configure({ asyncUtilTimeout: 5000 });

const REFUND = 'Add idempotency keys to the refund endpoint';

function refundAttempts() {
  const town = scenarioTown('payments-api');
  const bead = town.beads.find((b) => b.title === REFUND)!;
  const attempts = town.dispatch_attempts.filter((d) => d.bead_id === bead.id).sort((x, y) => x.attempt_number - y.attempt_number);
  return { town, bead, attempts };
}

describe('compare two runs', () => {
  it('puts the dispatch that reached Toast beside the refused retry: columns, measures, tools, errors and the message diff', async () => {
    const { town, attempts } = refundAttempts();
    const [first, second] = attempts;
    renderApp(`/towns/${town.town.id}/compare?kind=attempt&a=${first!.id}&b=${second!.id}`);
    const a = await screen.findByRole('region', { name: `A: Attempt 1 of ${attempts.length}` });
    const b = screen.getByRole('region', { name: `B: Attempt 2 of ${attempts.length}` });
    expect(within(a).getByRole('link', { name: 'Toast' })).toBeInTheDocument();
    expect(within(a).getByRole('link', { name: REFUND })).toBeInTheDocument();
    expect(within(a).getByText('No errors')).toBeInTheDocument();
    // The retry's own error is listed under B, as text.
    expect(within(b).getByText('1 error')).toBeInTheDocument();
    expect(within(within(b).getByRole('list', { name: 'Errors of B' })).getByText(second!.error_message!)).toBeInTheDocument();

    const measures = screen.getByRole('table', { name: 'Measures of A and B' });
    const duration = within(measures).getByRole('row', { name: /^Duration/ });
    const minutes = (Date.parse(second!.created_at) - Date.parse(first!.created_at)) / 60_000;
    expect(within(duration).getAllByRole('cell')[0]).toHaveTextContent(`${minutes} min`);
    const cost = within(measures).getByRole('row', { name: /^Cost/ });
    expect(within(cost).getAllByRole('cell')[1]).toHaveTextContent('$0.00');
    expect(within(cost).getAllByRole('cell')[0]!.textContent).not.toBe('$0.00');
    const tools = screen.getByRole('table', { name: 'Tool calls by name' });
    expect(within(tools).getByRole('row', { name: /^bash/ })).toBeInTheDocument();

    // Neither window holds a text part (the process died; the retries never reached it): each side
    // shows what Toast last said going in, the same words, so every line is in both.
    const diff = screen.getByRole('table', { name: 'Line diff of the last messages' });
    const lines = within(diff).getAllByRole('row').slice(1);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toHaveAttribute('data-op', 'same');
    expect(screen.getAllByText(/from before this run/)).toHaveLength(2);
  });

  it('diffs the last messages of two agents’ sessions line by line', async () => {
    const town = scenarioTown('payments-api');
    const [x, y] = [...town.processes].sort((p, q) => q.started_at.localeCompare(p.started_at));
    renderApp(`/towns/${town.town.id}/compare?kind=session&a=${x!.process_id}&b=${y!.process_id}`);
    const diff = await screen.findByRole('table', { name: 'Line diff of the last messages' });
    const ops = within(diff)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.getAttribute('data-op'));
    expect(ops.length).toBeGreaterThan(0);
    const head = screen.getByRole('heading', { name: 'Last message, A against B' }).parentElement!;
    expect(head).toHaveTextContent(
      `${ops.filter((o) => o === 'removed').length} only in A · ${ops.filter((o) => o === 'added').length} only in B`,
    );
  });

  it('says which side a link names that the town does not have, with a way back', async () => {
    const { town, attempts } = refundAttempts();
    const missing = '00000000-0000-4000-8000-000000000000';
    renderApp(`/towns/${town.town.id}/compare?kind=attempt&a=${attempts[0]!.id}&b=${missing}`);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not found: comparison of two dispatch attempts');
    expect(alert).toHaveTextContent(`No dispatch attempt with id ${missing} in this town (side b).`);
    expect(within(alert).getByRole('link', { name: 'Back to user search' })).toBeInTheDocument();
  });

  it('explains a link without two runs instead of asking the server', async () => {
    const { town } = refundAttempts();
    renderApp(`/towns/${town.town.id}/compare?kind=session&a=proc_x`);
    expect(await screen.findByText('Pick a second agent session')).toBeInTheDocument();
  });

  it('picks two attempts on the bead page and opens them side by side', async () => {
    const user = userEvent.setup();
    const { town, bead, attempts } = refundAttempts();
    const { router } = renderApp(`/towns/${town.town.id}/beads/${bead.id}`);
    const picker = await screen.findByRole('group', { name: 'Compare two dispatch attempts' });
    await user.selectOptions(within(picker).getByLabelText('Compare A'), attempts[0]!.id);
    await user.selectOptions(within(picker).getByLabelText('with B'), attempts[0]!.id);
    expect(within(picker).getByRole('status')).toHaveTextContent('Pick two different dispatch attempts');
    await user.selectOptions(within(picker).getByLabelText('with B'), attempts[1]!.id);
    await user.click(within(picker).getByRole('link', { name: 'Compare' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/towns/${town.town.id}/compare`));
    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({
      kind: 'attempt',
      a: attempts[0]!.id,
      b: attempts[1]!.id,
    });
    expect(await screen.findByRole('region', { name: `B: Attempt 2 of ${attempts.length}` })).toBeInTheDocument();
  });

  it('lists the agent’s sessions and compares one with another agent’s', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('payments-api');
    const toast = town.agents.find((a) => a.name === 'Toast')!;
    const { router } = renderApp(`/towns/${town.town.id}/agents/${toast.id}`);
    const table = await screen.findByRole('table', { name: 'The agent’s sessions' });
    expect(within(table).getAllByRole('row')).toHaveLength(1 + town.processes.filter((p) => p.agent_id === toast.id).length);
    const picker = screen.getByRole('group', { name: 'Compare two agent sessions' });
    await user.click(within(picker).getByRole('link', { name: 'Compare' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/towns/${town.town.id}/compare`));
    // Both sessions' windows are read from two AgentDOs: on a loaded machine that outlasts the default wait.
    const b = await screen.findByRole('region', { name: /^B: Session of Toast/ }, { timeout: 15_000 });
    expect(within(b).getByRole('link', { name: 'Toast' })).toBeInTheDocument();
  }, 40_000);

  it('follows a restart live: the new session appears in the agent’s sessions without a reload', async () => {
    const town = scenarioTown('support-bot');
    const mayor = town.agents.find((a) => a.role === 'mayor')!;
    renderApp(`/towns/${town.town.id}/agents/${mayor.id}`);
    const table = await screen.findByRole('table', { name: 'The agent’s sessions' });
    const before = within(table).getAllByRole('row').length;
    const { agent } = await testApi.get(endpoints.agent(town.town.id, mayor.id));
    await testApi.act(
      town.town.id,
      'mayor.force_restart',
      { target: { kind: 'agent', id: mayor.id }, params: {}, reason: 'Mayor loops on the same tool call', dryRun: false },
      { idempotencyKey: crypto.randomUUID(), ifMatch: agent.version },
    );
    // The live refresh brings the restart's session in, newest first and starting.
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(before + 1), { timeout: 10_000 });
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent(/starting/i);
  }, 30_000);
});
