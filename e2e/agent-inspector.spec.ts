import { expect, test } from '@playwright/test';
import { AgentInspectorPage } from './pages/agent-inspector';
import { signIn } from './pages/app';
import { UserPages } from './pages/user-pages';

test.beforeEach(async ({ page }) => signIn(page));

test('open a stuck agent, search its events, follow a match, copy the link and open it: the same event is selected', async ({
  page,
  context,
}) => {
  // The first spec of the run can meet the e2e backend while it is still seeding.
  test.setTimeout(120_000);
  const users = new UserPages(page);
  await expect(async () => {
    await page.goto('/users/usr_2b7f1c9e4a', { timeout: 15_000 });
  }).toPass({ timeout: 100_000 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await users.townRow('payments-api').getByRole('link', { name: 'Open payments-api in the Town Inspector' }).click();
  await page
    .getByRole('list', { name: 'Health findings' })
    .getByRole('link', { name: /Toast stalled/ })
    .click();
  await expect(page).toHaveURL(/\/towns\/[0-9a-f-]{36}\/agents\/[0-9a-f-]{36}$/);

  const agent = new AgentInspectorPage(page);
  await expect(agent.heading('Toast')).toBeVisible();
  await expect(agent.findings()).toContainText('exit code 137');
  await expect(agent.eventRow(1).or(agent.eventList().locator('[data-event-row]').first())).toBeVisible();
  await agent.waitAllLoaded();

  await agent.search('refunds.spec');
  await expect(agent.matchCount()).toHaveText(/^\d+ match(es)?$/);
  await agent.nextMatch();
  await expect(page).toHaveURL(/[?&]event=\d+/);
  await expect(page).toHaveURL(/[?&]q=refunds\.spec/);
  const selected = await agent.expandedRow().getAttribute('data-event-row');
  expect(selected).toMatch(/^\d+$/);
  await expect(agent.expandedRow()).toContainText('refunds.spec');
  await expect(page.getByLabel(`Payload of event ${selected}`)).toContainText('npm test -- --run test/refunds.spec.ts');

  const link = await agent.copyLinkToSelectedEvent();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  expect(link).toContain(`event=${selected}`);

  // A new tab has its own session storage: it signs in as the host dashboard would.
  const second = await context.newPage();
  await signIn(second);
  await second.goto(link);
  const again = new AgentInspectorPage(second);
  await expect(again.expandedRow()).toHaveAttribute('data-event-row', selected!);
  await expect(again.searchBox()).toHaveValue('refunds.spec');
  await expect(second.getByLabel(`Payload of event ${selected}`)).toContainText('refunds.spec.ts');
  await expect(again.matchCount()).toHaveText(/^1 of \d+ match(es)?$/);
});

test('the Mayor view shows the errored session, the tool-call loop and the rendered prompt', async ({ page }) => {
  const users = new UserPages(page);
  await page.goto('/users/usr_2b7f1c9e4a');
  await users.townRow('support-bot').getByRole('link', { name: 'Open support-bot in the Town Inspector' }).click();
  await page
    .getByRole('list', { name: 'Health findings' })
    .getByRole('link', { name: /[Mm]ayor/ })
    .first()
    .click();
  const agent = new AgentInspectorPage(page);
  await expect(agent.heading('Mayor')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Mayor session' })).toContainText('errored');
  await expect(page.getByRole('region', { name: 'Recent conversation' })).toContainText('identical calls');
  await expect(page.getByLabel('Rendered system prompt')).toContainText('support-bot');
});
