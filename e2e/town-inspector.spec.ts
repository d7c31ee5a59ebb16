import { expect, test } from '@playwright/test';
import { signIn } from './pages/app';
import { TownInspectorPage, TOWN_TABS } from './pages/town-inspector';

const DANA = 'usr_2b7f1c9e4a';

test.beforeEach(async ({ page }) => signIn(page));

test('walk every tab of a failing town; each deep link survives a reload', async ({ page }) => {
  const inspector = new TownInspectorPage(page);
  await inspector.openFromUser(DANA, 'ml-pipeline');
  await expect(page).toHaveURL(/\/towns\/[0-9a-f-]{36}\/state$/);

  const expectations: Record<string, () => Promise<void>> = {
    state: async () => {
      await expect(inspector.beadsTable()).toBeVisible();
      await expect(page.getByTestId('beads-progress')).toHaveText(/\d+ of \d+ beads/);
    },
    agents: async () => expect(page.getByRole('table', { name: 'Agents' })).toBeVisible(),
    review: async () =>
      expect(page.getByRole('region', { name: 'Queue depth and processing rate' }).locator('svg.recharts-surface').first()).toBeVisible(),
    container: async () => {
      await expect(page.getByRole('list', { name: 'Lifecycle events' }).getByText('exit code 137').first()).toBeVisible();
      await expect(page.getByRole('region', { name: 'Memory' }).locator('svg.recharts-surface').first()).toBeVisible();
    },
    config: async () => expect(page.getByRole('table', { name: 'Credential status' })).toBeVisible(),
    events: async () => expect(inspector.timelineRows().first()).toBeVisible(),
    audit: async () => expect(page.getByRole('region', { name: 'Intervention log' })).toBeVisible(),
  };

  for (const tab of TOWN_TABS) {
    await inspector.openTab(tab.label);
    await expect(page).toHaveURL(new RegExp(`/${tab.path}$`));
    await expect(inspector.activeTab()).toHaveText(tab.label);
    await expectations[tab.path]!();
    await page.reload();
    await expect(inspector.activeTab()).toHaveText(tab.label);
    await expectations[tab.path]!();
  }

  // Back walks the tabs in reverse.
  await page.goBack();
  await expect(inspector.activeTab()).toHaveText('Events');
});

test('State filters and sort live in the URL and come back after a reload', async ({ page }) => {
  const inspector = new TownInspectorPage(page);
  await inspector.openFromUser(DANA, 'mobile-app');
  await inspector.statusChip('Failed').click();
  await inspector
    .beadsTable()
    .getByRole('button', { name: /Dispatches/ })
    .click();
  await expect(page).toHaveURL(/status=failed/);
  await expect(page).toHaveURL(/sort=-?dispatch_attempts/);
  await page.reload();
  await expect(inspector.statusChip('Failed')).toHaveAttribute('aria-pressed', 'true');
  await expect(inspector.beadsTable().getByRole('link', { name: 'Upgrade Firebase SDK to 11.x' })).toBeVisible();
  await inspector.beadsTable().getByRole('link', { name: 'Upgrade Firebase SDK to 11.x' }).click();
  await expect(page).toHaveURL(/\/beads\/[0-9a-f-]{36}$/);
});

test('Events: clicking an agent id filters to it, the filter is a deep link, and exports download', async ({ page }) => {
  const inspector = new TownInspectorPage(page);
  await inspector.openFromUser(DANA, 'payments-api');
  await inspector.openTab('Events');
  await page.getByRole('group', { name: 'Filter by kind' }).getByRole('button', { name: 'dispatch' }).click();
  await expect(page).toHaveURL(/kind=dispatch/);
  const agentFilter = inspector
    .timelineRows()
    .first()
    .getByRole('button', { name: /Show only events of agent/ });
  const agentLabel = (await agentFilter.getAttribute('aria-label'))!;
  await agentFilter.click();
  await expect(page).toHaveURL(/entity=[0-9a-f-]{36}/);
  const url = page.url();
  await page.reload();
  expect(page.url()).toBe(url);
  await expect(page.getByText('Only events of')).toBeVisible();
  // After the reload the rows come back filtered: every one is a dispatch of that same agent.
  await expect(inspector.timelineRows().first()).toBeVisible();
  const rows = inspector.timelineRows();
  const count = await rows.count();
  for (let i = 0; i < count; i++) {
    await expect(rows.nth(i).getByRole('button', { name: agentLabel, exact: true })).toBeVisible();
  }
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/^gastown-[0-9a-f]{8}-timeline-dispatch-[0-9a-f]{8}-.*\.csv$/);
});
