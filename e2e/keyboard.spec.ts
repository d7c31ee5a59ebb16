import { expect, test, type Page } from '@playwright/test';
import { signIn } from './pages/app';

const DANA = 'usr_2b7f1c9e4a';

test.beforeEach(async ({ page }) => signIn(page));

/** The palette's input (cmdk renders a combobox inside the dialog). */
const palette = (page: Page) => page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox');

test('keyboard only: palette jumps, tab keys, row keys, an action through the one dialog, the cheat sheet', async ({ page }) => {
  await page.goto(`/users/${DANA}`);
  // The first page of a run loads the app cold; a busy machine takes longer than the 10 s default.
  await expect(page.getByRole('heading', { name: 'Dana Whitfield' })).toBeVisible({ timeout: 30_000 });

  // Ctrl-K: the owner's towns are listed; type to narrow, Enter jumps.
  await page.keyboard.press('Control+k');
  await expect(palette(page)).toBeFocused();
  await page.keyboard.type('mobile-app');
  await expect(page.getByRole('option', { name: /mobile-app/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/towns\/[0-9a-f-]{36}\/state$/);
  await expect(page.getByRole('table', { name: 'Beads' })).toBeVisible();

  // `/` focuses the view's search; letters typed there stay text.
  await page.keyboard.press('/');
  const search = page.getByRole('searchbox', { name: 'Filter beads by text' });
  await expect(search).toBeFocused();
  await page.keyboard.type('ga');
  await expect(page).toHaveURL(/\/state\?q=ga$/);
  // Esc leaves the field and keeps the filter; then the keys work again.
  await page.keyboard.press('Escape');
  await expect(search).not.toBeFocused();
  await expect(search).toHaveValue('ga');

  // g a: the Agents tab; j/k walk its rows; Enter opens one.
  await page.keyboard.press('g');
  await page.keyboard.press('a');
  await expect(page).toHaveURL(/\/agents$/);
  const rows = page.getByRole('table', { name: 'Agents' }).locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('k');
  await expect(rows.nth(0)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/agents\/[0-9a-f-]{36}$/);
  // The new page's heading takes the focus, so the next Tab starts on this page, not at <body>.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  // A bead by title, then one of its actions, in the intervention dialog; Esc closes it.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('firebase');
  await expect(page.getByRole('option', { name: /Upgrade Firebase SDK to 11\.x/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/beads\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('group', { name: 'Admin actions' }).first()).toBeVisible();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('priority');
  await expect(page.getByRole('option', { name: /Change priority — bead/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /Change priority/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(/reason/i).first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The same action from its button: Esc closes the dialog and the focus is back on that button.
  const trigger = page.getByRole('group', { name: 'Admin actions' }).getByRole('button', { name: 'Change priority' }).first();
  await trigger.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();

  // ? shows every key; Esc closes it.
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByText('Focus this view’s search')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  // g i: the intervention log, from anywhere.
  await page.keyboard.press('g');
  await page.keyboard.press('i');
  await expect(page).toHaveURL(/\/audit$/);
});
