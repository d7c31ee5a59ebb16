import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { batchesPath, batchRunPath, BulkPreview, BulkRunPage, createApiClient, endpoints } from '../../../api';
import { tamperAudit, truncateAudit } from '../../../test/api';
import { renderApp, scenarioTown } from '../../../test/render-app';
import { DEV_TOKENS } from '../../../test/tokens';

const admin = createApiClient({ baseUrl: 'http://localhost', getToken: () => DEV_TOKENS.admin });

async function restartContainer(townName: string, reason: string) {
  const town = scenarioTown(townName);
  const c = await admin.get(endpoints.container(town.town.id));
  await admin.act(
    town.town.id,
    'container.force_restart',
    { target: { kind: 'container', id: town.town.id }, params: {}, reason, dryRun: false },
    { idempotencyKey: crypto.randomUUID(), ifMatch: c.version },
  );
  return town;
}

/** Moves one town's clock (the dev route), running its patrol ticks: how a recovery verdict comes about. */
async function advance(townId: string, minutes: number) {
  const res = await fetch('http://localhost/api/dev/clock', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${DEV_TOKENS.admin}` },
    body: JSON.stringify({ advanceMs: minutes * 60_000, town_id: townId }),
  });
  if (!res.ok) throw new Error(`clock: ${res.status}`);
}

describe('the recovery verdict beside its entry', () => {
  it('a restart that did not recover reads so beside the untouched entry, with the evidence on hover', async () => {
    const town = await restartContainer('ml-pipeline', 'restart without fixing the heap');
    await advance(town.town.id, 12);
    renderApp(`/towns/${town.town.id}/audit`);
    const verdict = await screen.findByText('Did not recover', {}, { timeout: 8000 });
    expect(verdict).toHaveAttribute('data-verdict', 'did_not_recover');
    expect(verdict.getAttribute('title')).toMatch(/^Did not recover within 10 min: OOM-killed at \d\d:\d\d:\d\d after the restart/);
    const row = verdict.closest('[data-testid="audit-row"]') as HTMLElement;
    // The entry itself still says what the action did, as written.
    expect(row).toHaveTextContent('restart without fixing the heap');
    expect(within(row).getByText('success')).toBeInTheDocument();
  });

  it('reads the same across towns on /audit: the verdict beside the entry of the town it belongs to', async () => {
    const town = await restartContainer('ml-pipeline', 'restart again, heap untouched');
    await advance(town.town.id, 12);
    renderApp('/audit?action=container.force_restart');
    const verdict = await screen.findByText('Did not recover', {}, { timeout: 8000 });
    const row = verdict.closest('[data-testid="audit-row"]') as HTMLElement;
    expect(row).toHaveTextContent('restart again, heap untouched');
    expect(row).toHaveTextContent('ml-pipeline');
  });
});

describe('the intervention log', () => {
  it('lists interventions across towns with who, what, why, and filters by action in the URL', async () => {
    await restartContainer('ml-pipeline', 'OOM loop: restart with fewer polecats');
    renderApp('/audit?action=container.force_restart');
    // The first view across towns seeds every scenario town in this backend (and verifies each chain).
    const rows = await screen.findAllByTestId('audit-row', {}, { timeout: 5000 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('ops@kilocode.ai');
    expect(rows[0]).toHaveTextContent('OOM loop: restart with fewer polecats');
    expect(within(rows[0]!).getByText('success')).toBeInTheDocument();
    expect(screen.getByLabelText('Action')).toHaveValue('container.force_restart');
    expect(screen.queryByRole('button', { name: /delete|edit/i })).not.toBeInTheDocument();
  });

  it('shows the town’s chain as verified, and where it breaks after tampering', async () => {
    const town = await restartContainer('storefront', 'routine restart after deploy');
    await restartContainer('storefront', 'second restart: health check still failing');
    const view = renderApp(`/audit?town_id=${town.town.id}`);
    expect(await screen.findByTestId('chain-status')).toHaveTextContent('Chain verified through entry 2');
    view.unmount();
    await tamperAudit(town.town.id, 1, 'rewritten history');
    renderApp(`/audit?town_id=${town.town.id}`);
    const broken = await screen.findByTestId('chain-status');
    expect(broken).toHaveTextContent('Audit chain broken at entry 1');
    expect(broken).toHaveTextContent('altered after it was written');
  });

  it('says which entries are missing when the newest were deleted, and verifies every town on /audit, marking the broken row', async () => {
    const storefront = await restartContainer('storefront', 'first restart');
    await restartContainer('storefront', 'second restart');
    await restartContainer('storefront', 'third restart');
    const mobile = await restartContainer('mobile-app', 'mobile restart');
    await restartContainer('mobile-app', 'mobile restart again');

    const all = renderApp('/audit');
    expect(await screen.findByTestId('chain-status')).toHaveTextContent(/Chains verified across \d+ towns/);
    all.unmount();

    await truncateAudit(storefront.town.id, 1);
    await tamperAudit(mobile.town.id, 2, 'rewritten history');
    const tab = renderApp(`/audit?town_id=${storefront.town.id}`);
    const missing = await screen.findByTestId('chain-status');
    expect(missing).toHaveTextContent('Entries 2–3 are missing');
    expect(missing).toHaveTextContent('the log ends at entry 1');
    tab.unmount();

    renderApp('/audit');
    const status = await screen.findByTestId('chain-status');
    expect(status).toHaveTextContent('2 towns’ audit chains are broken');
    expect(status).toHaveTextContent('entries 2–3 are missing');
    expect(status).toHaveTextContent('entry 2 was altered');
    const marked = await screen.findAllByTestId('chain-break');
    expect(marked).toHaveLength(1);
    const row = marked[0]!.closest('tr')!;
    expect(row).toHaveTextContent('rewritten history');
  });

  it('shows a 10 MB reason as a bounded head with "show all (10.0 MB)" in the town’s audit tab, and all of it on demand', async () => {
    const user = userEvent.setup();
    const town = await restartContainer('mobile-app', 'a short reason, rewritten below');
    const huge = `restart ${'x'.repeat(10_000_000 - 8)}`;
    await tamperAudit(town.town.id, 1, huge);
    renderApp(`/towns/${town.town.id}/audit`);
    const [row] = await screen.findAllByTestId('audit-row', {}, { timeout: 10_000 });
    // The row holds the head of the reason, not the string: the browser lays out only that.
    expect(row!.textContent!.length).toBeLessThan(2_000);
    expect(row).toHaveTextContent(/^.*restart x+/);
    await user.click(within(row!).getByRole('button', { name: 'Show all of the reason (10.0 MB)' }));
    expect(row!.textContent).toContain(huge);
  });

  it('tells each entry as a story: the bead by title, who worked it, the rig, ids copyable, exact UTC time and the number across towns', async () => {
    const town = scenarioTown('storefront');
    const bead = town.beads.find((b) => b.assignee_agent_bead_id && b.rig_id && b.status !== 'closed')!;
    const agent = town.agents.find((a) => a.id === bead.assignee_agent_bead_id)!;
    const rig = town.rigs.find((r) => r.id === bead.rig_id)!;
    const row = await admin.get(endpoints.bead(town.town.id, bead.id));
    const result = await admin.act(
      town.town.id,
      'bead.change_priority',
      {
        target: { kind: 'bead', id: bead.id },
        params: { priority: bead.priority === 'low' ? 'high' : 'low' },
        reason: 'triage',
        dryRun: false,
      },
      { idempotencyKey: crypto.randomUUID(), ifMatch: row.bead.version },
    );
    await restartContainer('mobile-app', 'a restart in another town, after');

    renderApp('/audit');
    const rows = await screen.findAllByTestId('audit-row', {}, { timeout: 5000 });
    const mine = rows.find((r) => r.textContent?.includes('triage'))!;
    const later = rows.find((r) => r.textContent?.includes('a restart in another town'))!;
    expect(within(mine).getByRole('link', { name: bead.title })).toHaveAttribute('href', `/towns/${town.town.id}/beads/${bead.id}`);
    expect(within(mine).getByRole('link', { name: agent.name })).toBeInTheDocument();
    expect(within(mine).getByRole('link', { name: rig.name })).toBeInTheDocument();
    expect(within(mine).getByRole('link', { name: 'storefront' })).toBeInTheDocument();
    expect(within(mine).getByRole('button', { name: `Copy bead id ${bead.id}` })).toBeInTheDocument();
    expect(within(mine).getByRole('button', { name: `Copy town id ${town.town.id}` })).toBeInTheDocument();
    // Exact time in the zone the column header and the filters state.
    expect(screen.getByRole('columnheader', { name: 'When (UTC)' })).toBeInTheDocument();
    expect(screen.getByLabelText('From (UTC)')).toBeInTheDocument();
    expect(mine).toHaveTextContent(result.audit_entry!.at.slice(0, 19).replace('T', ' '));
    // Each town counts its own entries; one sequence runs across them.
    const global = (r: HTMLElement) => Number(within(r).getByTestId('global-seq').textContent!.replace(/\D/g, ''));
    expect(global(later)).toBe(global(mine) + 1);
  });

  it('names a deleted agent by the name it had, said deleted, with nothing to link to', async () => {
    const town = scenarioTown('payments-api');
    const toast = town.agents.find((a) => a.name === 'Toast')!;
    const { agent } = await admin.get(endpoints.agent(town.town.id, toast.id));
    const act = (action: 'agent.force_unhook' | 'agent.delete', version: number) =>
      admin.act(
        town.town.id,
        action,
        { target: { kind: 'agent', id: toast.id }, params: {}, reason: `${action} for the deleted-name test`, dryRun: false },
        { idempotencyKey: crypto.randomUUID(), ifMatch: version },
      );
    const unhooked = await act('agent.force_unhook', agent.version!);
    await act('agent.delete', unhooked.target_version!);

    renderApp(`/towns/${town.town.id}/audit`);
    const rows = await screen.findAllByTestId('audit-row', {}, { timeout: 5000 });
    expect(rows).toHaveLength(2);
    // Both entries, the one before the delete too, name Toast; neither offers a link to a page that is gone.
    for (const row of rows) {
      expect(row).toHaveTextContent('Toast, deleted');
      expect(within(row).queryByRole('link', { name: 'Toast' })).not.toBeInTheDocument();
      expect(within(row).getByRole('button', { name: `Copy agent id ${toast.id}` })).toBeInTheDocument();
    }
  });

  it('says so when nothing matches', async () => {
    renderApp('/audit?admin=nobody@example.com');
    expect(await screen.findByText('No intervention matches these filters')).toBeInTheDocument();
  });

  it('shows a bulk action as one row that opens into its entries, one per target', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('storefront');
    const [a, b, c] = town.beads.filter((x) => x.status === 'closed');
    const key = crypto.randomUUID();
    await admin.post(
      batchesPath(town.town.id),
      {
        batch_key: key,
        action: 'bead.force_fail',
        selection: { by: 'ids', kind: 'bead', ids: [a!.id, b!.id, c!.id] },
        reason: 'report cleanup',
      },
      BulkPreview,
    );
    await admin.post(batchRunPath(town.town.id, key), { limit: 10 }, BulkRunPage);
    await restartContainer('storefront', 'a single restart, not part of the batch');

    renderApp(`/towns/${town.town.id}/audit`);
    const batch = await screen.findByTestId('audit-batch');
    expect(batch).toHaveTextContent('Batch of 3 beads');
    expect(batch).toHaveTextContent('report cleanup');
    expect(screen.getAllByTestId('audit-row')).toHaveLength(1);
    await user.click(within(batch).getByRole('button', { name: '3 entries' }));
    const rows = screen.getAllByTestId('audit-row');
    expect(rows).toHaveLength(4);
    expect(rows.slice(1).every((r) => r.textContent?.includes('bead.force_fail'))).toBe(true);
  });
});
