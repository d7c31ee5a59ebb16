import { expect, test } from '@playwright/test';
import { signIn } from './pages/app';
import { InterventionDialog } from './pages/interventions';
import { TownInspectorPage } from './pages/town-inspector';

const DANA = 'usr_2b7f1c9e4a';

test.beforeEach(async ({ page }) => signIn(page));

test('town cost on the worker: per hour, per agent and bead; a threshold set in the config raises a finding naming who merged nothing', async ({
  page,
}) => {
  const inspector = new TownInspectorPage(page);
  await inspector.openFromUser(DANA, 'data-warehouse');
  await inspector.openTab('Agents');
  const cost = page.getByRole('region', { name: 'Cost, last 24 h' });
  await expect(cost.getByRole('img', { name: 'Tokens and cost per hour' }).locator('svg.recharts-surface').first()).toBeVisible();
  await expect(cost.getByRole('table', { name: 'Cost per agent' }).getByRole('row').nth(1)).toContainText('$');
  await expect(cost.getByRole('table', { name: 'Cost per bead' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Health findings' })).not.toContainText('threshold');

  await inspector.openTab('Config');
  await page.getByRole('button', { name: 'Edit town config' }).click();
  const form = page.getByRole('form', { name: 'Edit town config' });
  await form.getByLabel('Cost threshold, $ per 24 h (empty: none)').fill('0.01');
  await form.getByRole('button', { name: 'Review 1 change' }).click();
  const dialog = new InterventionDialog(page);
  await dialog.expectEffect('cost_threshold_microdollars_24h');
  await dialog.confirm('Edit town config', 'Alert when this town spends more than a cent a day');
  await expect(dialog.dialog).toContainText(/Recorded as audit entry #\d+ \(success\)/);
  await dialog.dialog.getByRole('button', { name: 'Done' }).click();

  const findings = page.getByRole('list', { name: 'Health findings' });
  await expect(findings).toContainText(/over the \$0\.01 threshold — spending with nothing merged: \w+/);
});
