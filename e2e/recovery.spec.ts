import { expect, test, type Page } from '@playwright/test';
import { DEV_ADMIN_TOKEN, reseed, shoot, signIn } from './pages/app';
import { InterventionDialog } from './pages/interventions';
import { TownInspectorPage } from './pages/town-inspector';

/**
 * The recovery walk (issue 13): open a failing town, apply the right fix from the recovery contract
 * (src/api/contract/recovery.contract.ts) through the intervention dialog, move the town's simulated
 * time on with the dev clock, and watch the result dialog's recovery expectations turn ✓ and the
 * town's health badge, open in another tab, turn green by live refresh alone (no reload). And one wrong
 * fix, which past its deadline reads "did not recover" with the evidence while the town stays red.
 */

const DANA = 'usr_2b7f1c9e4a';
const MINUTE = 60_000;

// Every scenario town as built, whatever ran before; and left as the other specs expect it.
test.beforeAll(async ({ baseURL }) => reseed(baseURL));
test.afterAll(async ({ baseURL }) => reseed(baseURL));

/** Moves one town's clock forward (dev route: same origin, JSON, admin token), running its due patrol ticks. */
async function advanceTown(baseURL: string | undefined, townId: string, ms: number) {
  const res = await fetch(`${baseURL}/api/dev/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${DEV_ADMIN_TOKEN}` },
    body: JSON.stringify({ advanceMs: ms, town_id: townId }),
  });
  if (!res.ok) throw new Error(`advancing the town clock failed: HTTP ${res.status}`);
}

function healthBadge(page: Page) {
  return page.locator('.page-header-meta .status-dot');
}

/** A tab on the town's State tab, kept open to watch its health; returns the town id. */
async function watchTown(page: Page, town: string): Promise<string> {
  await signIn(page);
  await new TownInspectorPage(page).openFromUser(DANA, town);
  await expect(healthBadge(page)).toHaveText('Failing');
  return page.url().split('/towns/')[1]!.split('/')[0]!;
}

async function openAgent(page: Page, townId: string, name: string) {
  await page.goto(`/towns/${townId}/agents`);
  await page.getByRole('table', { name: 'Agents' }).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${name}`) })).toBeVisible();
}

function recovery(dialog: InterventionDialog) {
  return dialog.dialog.getByRole('region', { name: 'Recovery' });
}

function check(dialog: InterventionDialog, id: string) {
  return recovery(dialog).locator(`li[data-check="${id}"]`);
}

test('support-bot: restart the looping Mayor, the Mayor-ready expectation turns ✓ and the town goes green live', async ({
  page,
  context,
  baseURL,
}) => {
  const townId = await watchTown(page, 'support-bot');

  const actions = await context.newPage();
  await signIn(actions);
  await openAgent(actions, townId, 'Mayor');
  const dialog = new InterventionDialog(actions);
  await dialog.open('Force-restart Mayor');
  await dialog.confirm('Force-restart Mayor', 'Mayor loops on the same tool call; a fresh session should break it');
  await expect(dialog.dialog).toContainText(/Recorded as audit entry #\d+ \(success\)/);
  await expect(check(dialog, 'mayor_ready')).toContainText('Mayor session ready');
  await expect(check(dialog, 'mayor_ready')).toHaveAttribute('data-met', 'false');
  await expect(check(dialog, 'mayor_ready')).toContainText('not yet');

  await advanceTown(baseURL, townId, 10 * MINUTE);

  await expect(check(dialog, 'mayor_ready')).toHaveAttribute('data-met', 'true');
  await expect(check(dialog, 'mayor_ready').locator('.recovery-mark')).toHaveText('✓');
  await expect(recovery(dialog).locator('[data-verdict="recovered"]')).toBeVisible();
  await shoot(actions, 'recovery-panel-mayor-restart');
  // The first tab was never reloaded: its live refresh brings the badge to green.
  await expect(healthBadge(page)).toHaveText('Healthy');
  // The loop stays listed for a while as resolved (a new session answered since), and nothing else.
  const findings = page.getByRole('list', { name: 'Health findings' }).getByRole('listitem');
  await expect(findings).toHaveCount(1);
  await expect(findings.first()).toHaveAttribute('data-resolved', 'true');
  await expect(findings.first()).toContainText('a new session answered since');
  await shoot(page, 'resolved-finding-support-bot');
});

test('data-warehouse: force-kill both zombies, each token-rate expectation turns ✓ and the town goes green live', async ({
  page,
  context,
  baseURL,
}) => {
  const townId = await watchTown(page, 'data-warehouse');
  // The finding names the zombies: polecats burning tokens with no hooked bead.
  const finding = page.getByRole('list', { name: 'Health findings' }).getByText(/used .* tokens in the last hour with no hooked bead/);
  await expect(finding).toBeVisible();
  const [, first, second] = (await finding.textContent())!.match(/(\S+) and (\S+) used/)!;
  const zombies = [first!, second!];

  const actions = await context.newPage();
  await signIn(actions);
  for (const zombie of zombies) {
    await openAgent(actions, townId, zombie);
    const dialog = new InterventionDialog(actions);
    await dialog.open('Force-kill process');
    await dialog.confirm('Force-kill process', `${zombie} burns tokens with nothing hooked: a zombie session`);
    await expect(dialog.dialog).toContainText(/Recorded as audit entry #\d+ \(success\)/);
    await expect(check(dialog, 'tokens_stopped')).toContainText('Its token rate at zero');
    await expect(check(dialog, 'tokens_stopped')).toHaveAttribute('data-met', 'false');

    // Past the 5-minute deadline and the next patrol tick: the verdict is given at the deadline.
    await advanceTown(baseURL, townId, 10 * MINUTE);

    await expect(check(dialog, 'tokens_stopped')).toHaveAttribute('data-met', 'true');
    await expect(check(dialog, 'tokens_stopped').locator('.recovery-mark')).toHaveText('✓');
    await expect(recovery(dialog).locator('[data-verdict="recovered"]')).toBeVisible();
    await dialog.dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog.dialog).toHaveCount(0);
  }

  // The contract's 30 simulated minutes after the last kill (10 of them already passed).
  await advanceTown(baseURL, townId, 20 * MINUTE);
  await expect(healthBadge(page)).toHaveText('Healthy');
  await expect(page.getByRole('list', { name: 'Health findings' })).toHaveCount(0);
});

test('ml-pipeline, the wrong fix: a restart without fixing the heap reads "did not recover" with the OOM as evidence, and the town stays red', async ({
  page,
  context,
  baseURL,
}) => {
  const townId = await watchTown(page, 'ml-pipeline');

  const actions = await context.newPage();
  await signIn(actions);
  await actions.goto(`/towns/${townId}/container`);
  const dialog = new InterventionDialog(actions);
  await dialog.open('Force-restart container');
  await dialog.confirm('Force-restart container', 'OOM loop: a clean restart should clear it');
  await expect(dialog.dialog).toContainText(/Recorded as audit entry #\d+ \(success\)/);
  await expect(recovery(dialog)).toContainText('watching until');

  // Past the restart's 10-minute deadline: node still asks for more heap than the container has.
  await advanceTown(baseURL, townId, 12 * MINUTE);

  await expect(recovery(dialog).locator('[data-verdict="did_not_recover"]')).toHaveText('Did not recover');
  const open = recovery(dialog).locator('li[data-met="false"]');
  await expect(open.first()).toBeVisible();
  await expect(recovery(dialog).locator('.recovery-evidence')).toContainText([/OOM/]);
  // The evidence links to where it happened.
  await recovery(dialog).getByRole('link', { name: 'see it' }).first().click();
  await expect(actions).toHaveURL(new RegExp(`/towns/${townId}/`));

  // The tab watching the town never turned green, and the town's log says so beside the untouched entry.
  await expect(healthBadge(page)).toHaveText('Failing');
  await actions.goto(`/towns/${townId}/audit`);
  const row = actions.getByTestId('audit-row').filter({ hasText: 'OOM loop: a clean restart should clear it' });
  await expect(row.locator('[data-verdict="did_not_recover"]')).toBeVisible();
  await expect(row).toContainText('success');
});
