import { expect, test } from '@playwright/test';
import { signIn } from './pages/app';
import { TownInspectorPage } from './pages/town-inspector';

const DANA = 'usr_2b7f1c9e4a';

test.beforeEach(async ({ page }) => signIn(page));

test('town-wide search on the worker: the header box streams results by kind, a hit opens the exact row or event', async ({ page }) => {
  const inspector = new TownInspectorPage(page);
  await inspector.openFromUser(DANA, 'infra-terraform');
  const box = page.getByRole('searchbox', { name: 'Search this town' });
  await box.fill('denied to kilo-gastown');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/towns\/[0-9a-f-]{36}\/search\?q=denied\+to\+kilo-gastown$/);
  await expect(page.getByRole('status').filter({ hasText: /Searched the town’s rows and (\d+) of \1 agents’ SDK events/ })).toBeVisible();

  const git = page.getByRole('region', { name: 'Git stderr' });
  await expect(git.locator('mark').first()).toHaveText(/denied to kilo-gastown/i);
  await git.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/events\?kind=git&event=git%3A[^&]+&to=/);
  const selected = page.getByRole('row', { selected: true });
  await expect(selected).toBeVisible();
  await expect(page.getByText('denied to kilo-gastown', { exact: false }).first()).toBeVisible();

  // The same box from the Events tab, now for an agent's SDK events: the Mayor's loop in support-bot.
  await inspector.openFromUser(DANA, 'support-bot');
  await page.getByRole('searchbox', { name: 'Search this town' }).fill('tool call loop detected');
  await page.getByRole('searchbox', { name: 'Search this town' }).press('Enter');
  const sdk = page.getByRole('region', { name: 'SDK events' });
  await expect(sdk.getByText('Mayor', { exact: true })).toBeVisible();
  await sdk.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/agents\/[0-9a-f-]{36}\?event=\d+&q=tool\+call\+loop\+detected$/);
  // The event viewer opens at that event, expanded.
  await expect(page.locator('.ev-item-selected')).toBeVisible();
  await expect(page.locator('.ev-item-selected')).toContainText(/tool call loop detected/i);
});
