import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { endpoints, testApi } from '../../../test/api';
import { renderApp, scenarioTown } from '../../../test/render-app';

configure({ asyncUtilTimeout: 5000 });

// jsdom has no ResizeObserver; the bead page's graph (React Flow) needs one to mount. It never fires here.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

const reason = 'Support case #4812: picker test';

describe('pickers, not ids', () => {
  it('Add tracked bead finds a bead by the short id the tables show, and tracks it', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('design-system');
    const convoy = town.beads.find((b) => b.title === 'Convoy: Design tokens v2 rollout')!;
    const loader = town.beads.find((b) => b.title === 'Introduce a typed config loader')!;
    renderApp(`/towns/${town.town.id}/beads/${convoy.id}`);
    await user.click(await screen.findByRole('button', { name: 'Add tracked bead' }));
    const dialog = await screen.findByRole('dialog');
    const input = within(dialog).getByLabelText('Bead to track');
    await user.type(input, 'zzzz-not-a-bead');
    expect(within(dialog).getByText(/No single match for “zzzz-not-a-bead”/)).toBeInTheDocument();
    await user.clear(input);
    await user.type(input, loader.id.slice(0, 8));
    expect(within(dialog).getByText(/^Picked:/)).toHaveTextContent(`Picked: ${loader.title} ${loader.id}`);
    await within(dialog).findByText(/Track “Introduce a typed config loader” in convoy/);
    await user.type(within(dialog).getByLabelText(/Reason/), reason);
    const button = within(dialog).getByRole('button', { name: 'Add tracked bead' });
    await waitFor(() => expect(button).toBeEnabled());
    await user.click(button);
    expect(await within(dialog).findByRole('status')).toHaveTextContent('Verified');
    const detail = await testApi.get(endpoints.bead(town.town.id, convoy.id));
    expect(detail.convoy!.tracked.map((t) => t.bead_id)).toContain(loader.id);
  });

  it('Re-link offers only the owner’s active integrations, never a typed id', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('infra-terraform');
    const mine = (await testApi.get(endpoints.userIntegrations(town.town.owner_user_id))).items;
    renderApp(`/towns/${town.town.id}/config`);
    await user.click(await screen.findByRole('button', { name: 'Re-link integration' }));
    const dialog = await screen.findByRole('dialog');
    const select = await within(dialog).findByRole('combobox', { name: /Integration \(the owner’s active ones/ });
    const offered = within(select)
      .getAllByRole('option')
      .map((o) => (o as HTMLOptionElement).value)
      .filter(Boolean);
    expect(offered.sort()).toEqual(
      mine
        .filter((i) => i.status === 'active')
        .map((i) => i.id)
        .sort(),
    );
    expect(offered).not.toContain(mine.find((i) => i.status === 'suspended')!.id);
  });
});
