import { expect, test } from '@playwright/test';
import { DEV_NON_ADMIN_TOKEN, signIn } from './pages/app';
import { UserPages } from './pages/user-pages';

test.beforeEach(async ({ page }) => signIn(page));

test('search a user by email, open them, see nine towns with health, follow a town into its inspector', async ({ page }) => {
  const users = new UserPages(page);
  await users.search('dana.whitfield@acme');
  await users.resultLink('Dana Whitfield').click();
  await expect(page).toHaveURL(/\/users\/usr_2b7f1c9e4a$/);
  await expect(page.getByRole('heading', { name: 'Dana Whitfield' })).toBeVisible();
  await expect(users.townRows()).toHaveCount(9);
  await expect(users.townRow('storefront')).toHaveAttribute('data-health', 'green');
  await expect(users.townRow('payments-api')).toHaveAttribute('data-health', 'red');
  await expect(users.townRow('payments-api')).toContainText('polecat Toast stalled');
  await users.townRow('payments-api').getByRole('link', { name: 'Open payments-api in the Town Inspector' }).click();
  await expect(page).toHaveURL(/\/towns\/[0-9a-f-]{36}\/state$/);
  await expect(page.getByRole('heading', { name: 'payments-api' })).toBeVisible();
});

test('a user without towns gets a clear empty state', async ({ page }) => {
  const users = new UserPages(page);
  await users.search('marco');
  await users.resultLink('Marco Bellini').click();
  await expect(page.getByText('Marco Bellini has no Gastown towns')).toBeVisible();
});

test('an unknown user id in the URL names what was looked up', async ({ page }) => {
  await page.goto('/users/usr_does_not_exist');
  await expect(page.getByRole('alert')).toContainText('Not found: user usr_does_not_exist');
  await page.getByRole('link', { name: 'Back to user search' }).click();
  await expect(page).toHaveURL(/\/users$/);
});

test('a non-admin token sees "admins only" and no data', async ({ page }) => {
  await signIn(page, DEV_NON_ADMIN_TOKEN);
  await page.goto('/users/usr_2b7f1c9e4a');
  await expect(page.getByRole('heading', { name: 'Admins only' })).toBeVisible();
  await expect(page.getByText('Dana Whitfield')).toHaveCount(0);
});

test('the panel served by the reference worker refuses to be framed by pages not on its list (CSP)', async ({ page }) => {
  const response = await page.goto('/users');
  // dist/_headers, applied by the worker's static assets; no dashboard origin is configured for this build.
  expect(response!.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  await expect(page.getByRole('searchbox')).toBeVisible();
});
