import { expect, test } from '@playwright/test';
import { reseed, signIn } from './pages/app';
import { InterventionDialog } from './pages/interventions';
import { TownInspectorPage } from './pages/town-inspector';
import { UserPages } from './pages/user-pages';

test.beforeEach(async ({ page }) => signIn(page));
// This spec changes the towns: leave them as the other specs expect them.
test.afterAll(async ({ baseURL }) => reseed(baseURL));

test('force-reset the stuck agent with a reason, see the verified state, find it in the audit log with the chain verified', async ({
  page,
}) => {
  const users = new UserPages(page);
  await page.goto('/users/usr_2b7f1c9e4a');
  await users
    .townRow('payments-api')
    .getByRole('link', { name: /polecat Toast stalled/ })
    .click();
  await expect(page).toHaveURL(/\/towns\/[0-9a-f-]{36}\/agents\/[0-9a-f-]{36}$/);
  const townId = page.url().split('/towns/')[1]!.split('/')[0]!;

  const dialog = new InterventionDialog(page);
  await dialog.open('Force-reset to idle');
  await dialog.expectEffect('Toast → idle; bead “Add idempotency keys to the refund endpoint” unhooked and back to open.');
  await dialog.expectEffect(/statusstalled→idle/);
  await expect(dialog.dialog.getByRole('button', { name: 'Force-reset to idle', exact: true })).toBeDisabled();
  await dialog.confirm('Force-reset to idle', 'Support case #4812: process died mid-session, unstick the refund bead');
  await expect(dialog.dialog.getByRole('status')).toContainText('Verified: Toast is now idle, hooked to nothing');
  await expect(dialog.dialog).toContainText('Recorded as audit entry #1 (success)');
  await dialog.dialog.getByRole('button', { name: 'Done' }).click();

  await page.goto(`/audit?town_id=${townId}`);
  const row = page.getByTestId('audit-row').first();
  await expect(row).toContainText('agent.force_reset');
  await expect(row).toContainText('Support case #4812: process died mid-session, unstick the refund bead');
  await expect(row).toContainText('ops@kilocode.ai');
  await row.getByRole('button', { name: 'Details' }).click();
  await expect(page.locator('.audit-details')).toContainText('"Toast.status": "idle"');
  await expect(page.getByTestId('chain-status')).toContainText('Chain verified through entry 1');
  // The row names the agent (its id copyable beside it); the name opens the agent.
  await expect(row.getByRole('button', { name: /^Copy agent id / })).toBeVisible();
  await row.getByRole('link', { name: 'Toast' }).click();
  await expect(page).toHaveURL(/\/agents\//);
});

test('skip review and merge: the row turns "merged" behind the dialog, which keeps the verified state', async ({ page }) => {
  const town = new TownInspectorPage(page);
  await town.openFromUser('usr_2b7f1c9e4a', 'docs-site');
  await town.openTab('Review queue');
  const row = page.getByTestId('review-row').filter({ hasText: 'Merge: Add versioned docs sidebar' });
  await row.getByRole('button', { name: 'Skip review and merge' }).click();
  const dialog = new InterventionDialog(page);
  await dialog.expectEffect(/skipping review and gates/);
  await dialog.confirm('Skip review and merge', 'Docs fix is urgent; the conflict was resolved by hand');
  await expect(dialog.dialog.getByRole('status')).toContainText('Verified: “Merge: Add versioned docs sidebar” is now merged');
  // The refetch swaps the row's actions for "merged" (CSS locators: the modal hides the page from the
  // accessibility tree); the dialog, hosted above the tab, stays.
  await expect(row.locator('button', { hasText: 'Skip review and merge' })).toHaveCount(0);
  await expect(row.locator('td span.muted', { hasText: /^merged$/ })).toHaveCount(1);
  await expect(dialog.dialog.getByRole('status')).toContainText('Verified');
  await expect(dialog.dialog).toContainText(/Recorded as audit entry #\d+ \(success\)/);
});
