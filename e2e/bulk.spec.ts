import { expect, test } from '@playwright/test';
import { reseed, seedLargeTown, signIn } from './pages/app';
import { TownInspectorPage } from './pages/town-inspector';

test.beforeEach(async ({ page }) => signIn(page));
// This spec changes a town: leave it as the other specs expect it.
test.afterAll(async ({ baseURL }) => {
  await reseed(baseURL);
  await seedLargeTown(baseURL);
});

test('all beads matching a filter: count, typed confirmation, progress, one audit entry per bead under one batch', async ({ page }) => {
  const inspector = new TownInspectorPage(page);
  await inspector.openFromUser('usr_2b7f1c9e4a', 'mobile-app');
  await expect(page.getByRole('button', { name: 'Act on all matching…' })).toBeDisabled();
  await inspector.statusChip('Open').click();
  await inspector.statusChip('In progress').click();
  await expect(page).toHaveURL(/status=open%2Cin_progress|status=open,in_progress/);
  const shown = Number((await page.getByTestId('beads-progress').textContent())!.split(' of ')[0]!.replace(/\D/g, ''));

  await page.getByRole('button', { name: 'Act on all matching…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Act on all matching beads' });
  await dialog.getByLabel('Action').selectOption('bead.change_priority');
  await dialog.getByLabel('Priority').selectOption('critical');
  await dialog.getByLabel(/Reason/).fill('incident 311: everything in flight goes first');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByTestId('bulk-count')).toHaveText(`${shown} beads would be affected.`);
  await expect(dialog.getByRole('list', { name: 'Warnings' })).toContainText('of them are in progress');

  const run = dialog.getByRole('button', { name: `Run on ${shown} beads` });
  if (shown > 10) {
    await expect(run).toBeDisabled();
    await dialog.getByLabel(`Type ${shown} to confirm`).fill(String(shown));
  }
  await run.click();
  await expect(dialog.getByTestId('bulk-progress')).toContainText(`${shown} of ${shown} done`);
  const applied = Number((await dialog.getByTestId('bulk-progress').textContent())!.match(/(\d+) applied/)![1]);
  expect(applied).toBeGreaterThan(0);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The town's log shows the batch as one row that opens into one entry per applied bead.
  await inspector.openTab('Audit');
  const batch = page.getByTestId('audit-batch');
  await expect(batch).toContainText(`Batch of ${applied} beads`);
  await expect(page.getByTestId('audit-row')).toHaveCount(0);
  await batch.getByRole('button', { name: `${applied} entries` }).click();
  await expect(page.getByTestId('audit-row')).toHaveCount(applied);
  await expect(page.getByTestId('audit-row').first()).toContainText('bead.change_priority');
});

test('a ready-made batch over the 12 stalled polecats of the 10k-bead town: count, typed count, each target as it completes, one batch row in the log', async ({
  page,
  baseURL,
}) => {
  // Seeding 10,000 beads takes a while on a busy machine; the run itself is quick.
  test.setTimeout(180_000);
  await seedLargeTown(baseURL);
  const inspector = new TownInspectorPage(page);
  await page.goto('/users/usr_be9c400000');
  await page.getByRole('link', { name: 'Open bench-monorepo in the Town Inspector' }).click();
  await inspector.openTab('Agents');
  await expect(page.getByRole('group', { name: 'Filter agents by status' }).getByRole('button', { name: /^stalled/ })).toHaveText(
    'stalled 12',
  );

  await page.getByRole('button', { name: 'Reset every stalled agent…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset every stalled agent' });
  await dialog.getByLabel(/Reason/).fill('after the OOM: restart every stalled polecat');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByTestId('bulk-count')).toHaveText('12 agents would be affected.');
  await expect(dialog.getByRole('list', { name: 'Warnings' })).toContainText('All 12 are stalled');

  const run = dialog.getByRole('button', { name: 'Run on 12 agents' });
  await expect(run).toBeDisabled();
  await dialog.getByLabel('Type 12 to confirm').fill('11');
  await expect(run).toBeDisabled();
  await dialog.getByLabel('Type 12 to confirm').fill('12');
  await run.click();
  await expect(dialog.getByTestId('bulk-progress')).toHaveText('12 of 12 done: 12 applied, 0 failed.');
  // Each target reported as it completed, with its own audit entry.
  const done = dialog.getByRole('list', { name: 'Targets done' }).getByRole('listitem');
  await expect(done).toHaveCount(12);
  for (const item of await done.all()) await expect(item).toHaveText(/^\S+ applied \(audit #\d+\)$/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  // The Agents tab no longer counts a stalled agent.
  await expect(page.getByRole('group', { name: 'Filter agents by status' }).getByRole('button', { name: /^stalled/ })).toHaveText(
    'stalled 0',
  );

  // The town's log: one row for the batch, opening into its 12 entries.
  await inspector.openTab('Audit');
  const batch = page.getByTestId('audit-batch');
  await expect(batch).toContainText('Batch of 12 agents');
  await batch.getByRole('button', { name: '12 entries' }).click();
  await expect(page.getByTestId('audit-row')).toHaveCount(12);
  await expect(page.getByTestId('audit-row').first()).toContainText('agent.force_reset');
});
