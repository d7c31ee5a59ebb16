import { expect, test } from '@playwright/test';
import { DEV_ADMIN_TOKEN, signIn } from './pages/app';

const DANA = 'usr_2b7f1c9e4a';

test('a deep link opened in a new tab is signed in already; signing out in one tab signs out all', async ({ context }) => {
  const first = await context.newPage();
  await signIn(first);
  await first.goto('/users');
  await expect(first.getByLabel('Find a user')).toBeVisible();

  // A second tab of the same browser, with no token of its own (a pasted link, not a copy of the first tab).
  const second = await context.newPage();
  await second.goto(`/users/${DANA}`);
  await expect(second.getByRole('heading', { name: 'Dana Whitfield' })).toBeVisible();
  await expect(second.getByLabel('Admin token')).toHaveCount(0);

  await second.getByRole('button', { name: 'Sign out' }).click();
  await expect(second.getByLabel('Admin token')).toBeVisible();
  await expect(first.getByLabel('Admin token')).toBeVisible();

  // Signing in again on one tab's form signs in the other, still at its form.
  await first.getByLabel('Admin token').fill(DEV_ADMIN_TOKEN);
  await first.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(second.getByRole('heading', { name: 'Dana Whitfield' })).toBeVisible();
});

test('a tab alone in its browser shows the sign-in form after asking', async ({ page }) => {
  await page.goto(`/users/${DANA}`);
  await expect(page.getByLabel('Admin token')).toBeVisible();
});
