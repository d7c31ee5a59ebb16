import { expect, test, type Page } from '@playwright/test';
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

test('at 390 px the cost panel stays readable: the total and every number whole, the costliest agent’s cost in view', async ({ page }) => {
  const inspector = new TownInspectorPage(page);
  await inspector.openFromUser(DANA, 'data-warehouse');
  await page.setViewportSize({ width: 390, height: 900 });
  await inspector.openTab('Agents');
  const cost = page.getByRole('region', { name: 'Cost, last 24 h' });
  const agents = cost.getByRole('table', { name: 'Cost per agent' });
  await expect(agents.getByRole('row').nth(1)).toContainText('$');
  // No sideways scroll of the page itself: the tables scroll inside their own box.
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
  const inView = async (el: ReturnType<Page['locator']>, what: string) => {
    await el.scrollIntoViewIfNeeded();
    const box = (await el.boundingBox())!;
    expect(box.x, `${what} starts inside the 390 px viewport`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${what} ends inside the 390 px viewport`).toBeLessThanOrEqual(390);
  };
  await inView(cost.locator('.panel-head strong'), 'the total cost');
  await inView(agents.getByRole('row').nth(1).getByRole('cell').nth(2), 'the costliest agent’s cost');
  // Every number cell shows its whole text (nothing cut by its own box).
  const cut = await cost
    .locator('td.num')
    .evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent));
  expect(cut, 'number cells whose text is cut').toEqual([]);
});
