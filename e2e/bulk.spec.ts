import { expect, test } from '@playwright/test';
import { reseed, signIn } from './pages/app';
import { TownInspectorPage } from './pages/town-inspector';

test.beforeEach(async ({ page }) => signIn(page));
// This spec changes a town: leave it as the other specs expect it.
test.afterAll(async ({ baseURL }) => reseed(baseURL));

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
