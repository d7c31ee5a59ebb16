import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { auditOf } from '../../../test/api';
import { renderApp, scenarioTown } from '../../../test/render-app';

// jsdom has no Workers or layout: the bead page's graph canvas is left out (the bead inspector's own tests cover it).
vi.mock('../../bead-inspector/components/graph/graph-canvas', () => ({ default: () => null }));

configure({ asyncUtilTimeout: 5000 });

const TITLE = 'Escalated: Firebase SDK upgrade failed';

describe('escalations in the town (mobile-app: the Mayor escalated the failed Firebase upgrade)', () => {
  it('lists the escalation with severity, acknowledgement and re-escalations, and the town is red for it', async () => {
    const town = scenarioTown('mobile-app');
    renderApp(`/towns/${town.town.id}/state`);
    const table = await screen.findByRole('table', { name: 'Escalations' });
    const [row, ...rest] = within(table).getAllByTestId('escalation-row');
    expect(rest).toHaveLength(0);
    expect(row).toHaveTextContent(TITLE);
    expect(row).toHaveTextContent('critical');
    expect(row).toHaveTextContent('open');
    expect(row).toHaveTextContent('no');
    expect(row).toHaveTextContent('2×');
    expect(screen.getByText('1 open · 1 unacknowledged')).toBeInTheDocument();
    const findings = await screen.findByRole('list', { name: 'Health findings' });
    expect(findings).toHaveTextContent(`critical escalation “${TITLE}” unacknowledged, raised again 2×`);
  });

  it('acknowledges it on the bead page through the intervention dialog: audited, shown, and not offered twice', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('mobile-app');
    const bead = town.beads.find((b) => b.title === TITLE)!;
    renderApp(`/towns/${town.town.id}/beads/${bead.id}`);
    const panel = await screen.findByRole('region', { name: 'Escalation' });
    expect(within(panel).getByTestId('escalation-ack')).toHaveTextContent('not acknowledged');
    expect(panel).toHaveTextContent('critical');
    expect(panel).toHaveTextContent('2×');

    await user.click(await screen.findByRole('button', { name: 'Acknowledge escalation' }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(within(dialog).queryByRole('status')).not.toBeInTheDocument());
    expect(dialog).toHaveTextContent('Acknowledge the critical escalation');
    await user.type(within(dialog).getByLabelText(/Reason/), 'Seen: the submodule credential is being fixed (case #812)');
    await user.click(within(dialog).getByRole('button', { name: 'Acknowledge escalation' }));
    expect(await within(dialog).findByText(/Recorded as audit entry #\d+ \(success\)/)).toBeInTheDocument();
    expect((await auditOf(town.town.id)).at(-1)).toMatchObject({
      action: 'escalation.acknowledge',
      target: { kind: 'bead', id: bead.id },
      reason: 'Seen: the submodule credential is being fixed (case #812)',
    });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(within(panel).getByTestId('escalation-ack')).toHaveTextContent('yes, by Alex Ops'));
    expect(screen.getByRole('button', { name: 'Acknowledge escalation' })).toBeDisabled();
  });
});
