import { expect, test, type Page } from '@playwright/test';
import { DEV_ADMIN_TOKEN, reseed, shoot, signIn } from './pages/app';
import { InterventionDialog } from './pages/interventions';
import { TownInspectorPage } from './pages/town-inspector';

/**
 * Interventions that tell the truth (issue 14), walked as an operator would: clearing the Mayor's
 * conversation keeps the unanswered message pending and resend answers it after; re-link offers only the
 * owner's integrations (a made-up one is refused by name); the pickers find agents and beads by name or
 * short id; and the audit log tells the story of all of it. With SHOTS_DIR set, each step is also
 * photographed at 1440 and 390 px for the closing note.
 */

const DANA = 'usr_2b7f1c9e4a';
const REASON = 'Support case #4812: walked through the truth checks';

test.beforeAll(async ({ baseURL }) => reseed(baseURL));
test.afterAll(async ({ baseURL }) => reseed(baseURL));
test.beforeEach(async ({ page }) => signIn(page));

async function openTown(page: Page, name: string): Promise<string> {
  await new TownInspectorPage(page).openFromUser(DANA, name);
  return page.url().split('/towns/')[1]!.split('/')[0]!;
}

async function openAgent(page: Page, townId: string, name: string) {
  await page.goto(`/towns/${townId}/agents`);
  await page.getByRole('table', { name: 'Agents' }).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${name}`) })).toBeVisible();
}

test('clear the Mayor’s conversation: the unanswered message stays pending, resend answers it after', async ({ page }) => {
  const townId = await openTown(page, 'support-bot');
  await openAgent(page, townId, 'Mayor');
  const session = page.getByRole('region', { name: 'Mayor session' });
  await expect(session).toContainText('unanswered');

  const dialog = new InterventionDialog(page);
  await dialog.open('Clear conversation');
  // The preview says what would be lost and what is kept instead.
  await expect(dialog.dialog).toContainText("The user's unanswered message is kept, not dropped");
  await shoot(page, 'clear-conversation-preview');
  await dialog.confirm('Clear conversation', REASON);
  await expect(dialog.dialog.getByRole('status')).toContainText('Verified');
  await expect(dialog.dialog).toContainText('kept, not dropped');
  await shoot(page, 'clear-conversation-result');
  await dialog.dialog.getByRole('button', { name: 'Done' }).click();

  // Still pending, so resend is offered and answers it.
  await expect(session).toContainText('unanswered');
  await dialog.open('Resend last user message');
  await dialog.confirm('Resend last user message', REASON);
  await expect(dialog.dialog.getByRole('status')).toContainText('Verified');
  await dialog.dialog.getByRole('button', { name: 'Done' }).click();

  // The town's log tells it: both actions on the Mayor, by name, in order.
  await page.goto(`/towns/${townId}/audit`);
  const rows = page.getByTestId('audit-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('mayor.resend_last_message');
  await expect(rows.nth(1)).toContainText('mayor.clear_conversation');
  await expect(rows.nth(0).getByRole('link', { name: 'Mayor', exact: true })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'When (UTC)' })).toBeVisible();
  await shoot(page, 'audit-town');
});

test('re-link offers the owner’s integrations; a made-up one is refused by name', async ({ page, baseURL }) => {
  const townId = await openTown(page, 'infra-terraform');
  await new TownInspectorPage(page).openTab('Config');
  const dialog = new InterventionDialog(page);
  await page.getByRole('button', { name: 'Re-link integration' }).first().click();
  await expect(dialog.dialog).toBeVisible();
  const select = dialog.dialog.getByRole('combobox', { name: /Integration \(the owner’s active ones/ });
  const values = (await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).filter(Boolean);
  expect(values.length).toBeGreaterThan(0);
  expect(values).not.toContain('ghi_00000000');
  await select.selectOption(values[0]!);
  await shoot(page, 'relink-preview');
  await dialog.confirm('Re-link integration', REASON);
  await expect(dialog.dialog.getByRole('status')).toContainText('Verified');
  await dialog.dialog.getByRole('button', { name: 'Done' }).click();

  // What the picker never offers, the server refuses by name (a client that types ids gets the same; a
  // dry run is enough: the preview refuses it too).
  const rigs = await (
    await fetch(`${baseURL}/api/admin/towns/${townId}`, { headers: { authorization: `Bearer ${DEV_ADMIN_TOKEN}` } })
  ).json();
  const rig = rigs.rigs[0];
  const res = await fetch(`${baseURL}/api/admin/towns/${townId}/actions/credential.relink_integration`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${DEV_ADMIN_TOKEN}`,
      'idempotency-key': crypto.randomUUID(),
    },
    body: JSON.stringify({
      target: { kind: 'rig', id: rig.id },
      params: { integration_id: 'ghi_00000000' },
      reason: REASON,
      dryRun: true,
    }),
  });
  expect(res.status).toBe(422);
  const body = await res.json();
  expect(body.error.code).toBe('unknown_integration');
  expect(body.error.message).toContain('ghi_00000000');
});

test('pickers: the new polecat by name, the tracked bead by short id; the global log names both', async ({ page }) => {
  // Reassign: type part of a polecat's name, pick it from the list.
  const payments = await openTown(page, 'payments-api');
  await openAgent(page, payments, 'Toast');
  await page.getByRole('link', { name: 'Add idempotency keys to the refund endpoint' }).first().click();
  const dialog = new InterventionDialog(page);
  await dialog.open('Reassign');
  const polecat = dialog.dialog.getByLabel('New polecat');
  await polecat.fill('zzzz');
  await expect(dialog.dialog).toContainText('No single match for “zzzz”');
  // The list reads "Birch · 10158faf · working, hooked elsewhere": take a free one and type its name.
  const offered = await dialog.dialog.locator('datalist option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const names = offered.filter((o) => !o.includes('hooked elsewhere')).map((o) => o.split(' · ')[0]!);
  expect(names.length).toBeGreaterThan(0);
  await polecat.fill(names[0]!);
  await expect(dialog.dialog).toContainText(`Picked: ${names[0]}`);
  await shoot(page, 'reassign-picker');
  await dialog.confirm('Reassign', REASON);
  await expect(dialog.dialog.getByRole('status')).toContainText('Verified');
  await dialog.dialog.getByRole('button', { name: 'Done' }).click();

  // Add tracked bead: by the short id the tables show.
  const design = await openTown(page, 'design-system');
  await page.goto(`/towns/${design}/state`);
  const beads = await (
    await fetch(`${new URL(page.url()).origin}/api/admin/towns/${design}/beads?q=Introduce%20a%20typed%20config%20loader`, {
      headers: { authorization: `Bearer ${DEV_ADMIN_TOKEN}` },
    })
  ).json();
  const loader = beads.items.find((b: { title: string }) => b.title === 'Introduce a typed config loader');
  const convoys = await (
    await fetch(`${new URL(page.url()).origin}/api/admin/towns/${design}/beads?q=Design%20tokens%20v2&type=convoy`, {
      headers: { authorization: `Bearer ${DEV_ADMIN_TOKEN}` },
    })
  ).json();
  await page.goto(`/towns/${design}/beads/${convoys.items[0].id}`);
  await dialog.open('Add tracked bead');
  await dialog.dialog.getByLabel('Bead to track').fill(loader.id.slice(0, 8));
  await expect(dialog.dialog).toContainText(`Picked: ${loader.title}`);
  await shoot(page, 'add-tracked-picker');
  await dialog.confirm('Add tracked bead', REASON);
  await expect(dialog.dialog.getByRole('status')).toContainText('Verified');
  await dialog.dialog.getByRole('button', { name: 'Done' }).click();

  // Across towns: each row names its town and what it was about; the tracked bead is named too.
  await page.goto('/audit');
  const tracked = page.getByTestId('audit-row').filter({ hasText: 'convoy.add_tracked' });
  await expect(tracked.getByRole('link', { name: 'design-system' })).toBeVisible();
  await expect(tracked.getByRole('link', { name: 'Introduce a typed config loader' })).toBeVisible();
  const reassigned = page.getByTestId('audit-row').filter({ hasText: 'bead.reassign' });
  await expect(reassigned.getByRole('link', { name: 'Add idempotency keys to the refund endpoint' })).toBeVisible();
  await expect(reassigned.getByRole('link', { name: names[0]!, exact: true })).toBeVisible();
  await shoot(page, 'audit-global');
});

test('the status Changes list shows every number whole, "10." and up, at 1440 and 390 px', async ({ page }) => {
  const townId = await openTown(page, 'payments-api');
  await openAgent(page, townId, 'Refinery');
  await page.getByText(/^Changes \(\d+\)$/).click();
  const list = page.locator('ol.ai-changes');
  await expect(list.locator('li')).not.toHaveCount(0);
  expect(await list.locator('li').count()).toBeGreaterThanOrEqual(10);
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const number = list.locator('li').nth(9).locator('.ai-change-n');
    await number.scrollIntoViewIfNeeded();
    await expect(number).toHaveText('10.');
    // The scroll box clips whatever lies outside it: the number's box must lie within the list's.
    const [n, box] = [await number.boundingBox(), await list.boundingBox()];
    expect(n!.x, `"10." starts inside the list at ${width} px`).toBeGreaterThanOrEqual(box!.x);
    expect(n!.x + n!.width).toBeLessThanOrEqual(box!.x + box!.width);
  }
  await shoot(page, 'changes-list');
});

test('at 390 px each row’s actions are in reach without a sideways scroll: review queue, credentials, audit log', async ({
  page,
  baseURL,
}) => {
  await page.setViewportSize({ width: 390, height: 900 });
  const inView = async (button: ReturnType<Page['getByRole']>) => {
    await button.scrollIntoViewIfNeeded();
    const box = (await button.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, 'the button ends inside the 390 px viewport').toBeLessThanOrEqual(390);
    // Reaching it scrolled nothing sideways: the table still shows its first column.
    expect(await button.evaluate((el) => el.closest('.table-scroll')!.scrollLeft)).toBe(0);
  };
  const docs = await openTown(page, 'docs-site');
  await page.goto(`/towns/${docs}/review`);
  const failed = page
    .getByTestId('review-row')
    .filter({ has: page.getByText('failed', { exact: true }) })
    .first();
  await inView(failed.getByRole('button', { name: 'Skip review and merge' }));
  await inView(failed.getByRole('button', { name: 'Force-close MR' }));
  await shoot(page, 'review-actions-390');

  const infra = await openTown(page, 'infra-terraform');
  await page.goto(`/towns/${infra}/config`);
  await inView(page.getByTestId('credential-row').first().getByRole('button', { name: 'Force-refresh credentials' }));

  // One entry to show (the walk's other tests may not have run): a sleep timeout set through the API.
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${DEV_ADMIN_TOKEN}` };
  const container = await (await fetch(`${baseURL}/api/admin/towns/${infra}/container`, { headers })).json();
  const res = await fetch(`${baseURL}/api/admin/towns/${infra}/actions/container.set_sleep_timeout`, {
    method: 'POST',
    headers: { ...headers, 'idempotency-key': crypto.randomUUID(), 'if-match': String(container.version) },
    body: JSON.stringify({
      target: { kind: 'container', id: infra },
      params: { sleep_after_minutes: container.sleep_after_minutes === 45 ? 50 : 45 },
      reason: REASON,
      dryRun: false,
    }),
  });
  expect(res.status).toBe(200);
  await page.goto('/audit');
  await inView(page.getByTestId('audit-row').first().getByRole('button', { name: 'Details' }));
  await shoot(page, 'audit-actions-390');
});
