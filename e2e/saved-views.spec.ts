import { expect, test, type Page } from '@playwright/test';
import { signIn } from './pages/app';
import { TownInspectorPage } from './pages/town-inspector';

const DANA = 'usr_2b7f1c9e4a';

const agentNames = (page: Page) => page.getByTestId('agent-row').locator('a.strong').allTextContents();

/** Saves the current filter under `name` from the view's saved-views bar and returns the link it hands out. */
async function saveAndCopyLink(page: Page, scope: string, name: string): Promise<string> {
  const bar = page.getByRole('group', { name: `Saved ${scope} views` });
  await bar.getByRole('button', { name: 'Save view…' }).click();
  await bar.getByLabel('Name for this view').fill(name);
  await bar.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(bar.getByLabel('Saved view')).toHaveValue(/[0-9a-f-]{36}/);
  await bar.getByRole('button', { name: 'Copy link' }).click();
  return bar.getByLabel('Link to this view').inputValue();
}

test.beforeEach(async ({ page }) => signIn(page));

test('a saved agents view: the shared link opens the same rows in a new page, and the view comes back when the tab opens without filters', async ({
  page,
  context,
}) => {
  const inspector = new TownInspectorPage(page);
  await inspector.openFromUser(DANA, 'payments-api');
  await inspector.openTab('Agents');
  await page.getByLabel('Filter by role').selectOption('polecat');
  await page
    .getByRole('group', { name: 'Filter agents by status' })
    .getByRole('button', { name: /^stalled/ })
    .click();
  await expect.poll(() => agentNames(page)).toEqual(['Toast']);
  const link = await saveAndCopyLink(page, 'agents', 'stalled polecats');
  expect(link).toMatch(/\/agents\?role=polecat&status=stalled$/);

  const other = await context.newPage();
  await signIn(other);
  await other.goto(link);
  await expect.poll(() => agentNames(other)).toEqual(['Toast']);
  await expect(other.getByRole('group', { name: 'Saved agents views' }).getByLabel('Saved view')).toHaveValue(/[0-9a-f-]{36}/);

  // Opened without filters, the tab restores the view used last, and says so.
  await other.goto(link.replace(/\?.*$/, ''));
  await expect(other.getByText('Your last used view “stalled polecats” is applied.')).toBeVisible();
  await expect(other).toHaveURL(/role=polecat&status=stalled/);
  await expect.poll(() => agentNames(other)).toEqual(['Toast']);
  await other.getByRole('button', { name: 'Show all instead' }).click();
  await expect.poll(async () => (await agentNames(other)).length).toBeGreaterThan(1);

  // Deleting the view leaves its filter where it is applied.
  const bar = page.getByRole('group', { name: 'Saved agents views' });
  await bar.getByRole('button', { name: 'Delete…' }).click();
  await bar.getByRole('button', { name: 'Delete view' }).click();
  await expect(bar.getByRole('option', { name: 'stalled polecats' })).toHaveCount(0);
  await expect.poll(() => agentNames(page)).toEqual(['Toast']);
});

test('a saved beads view: the link shows the same beads in a new page', async ({ page, context }) => {
  const inspector = new TownInspectorPage(page);
  await inspector.openFromUser(DANA, 'mobile-app');
  await inspector.statusChip('Failed').click();
  await expect(page).toHaveURL(/status=failed/);
  const shown = page.getByTestId('beads-progress');
  await expect(shown).toHaveText(/^\d+ of \d+ beads$/);
  const link = await saveAndCopyLink(page, 'beads', 'failed beads');
  const firstRows = await inspector.beadsTable().getByRole('row').allTextContents();

  const other = await context.newPage();
  await signIn(other);
  await other.goto(link);
  await expect(other.getByTestId('beads-progress')).toHaveText((await shown.textContent())!);
  await expect(other.getByRole('group', { name: 'Filter by status' }).getByRole('button', { name: /^Failed/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  expect(await new TownInspectorPage(other).beadsTable().getByRole('row').allTextContents()).toEqual(firstRows);

  const bar = page.getByRole('group', { name: 'Saved beads views' });
  await bar.getByRole('button', { name: 'Delete…' }).click();
  await bar.getByRole('button', { name: 'Delete view' }).click();
  await expect(bar.getByRole('option', { name: 'failed beads' })).toHaveCount(0);
});
