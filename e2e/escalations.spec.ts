import { expect, test } from '@playwright/test';
import { DEV_ADMIN_TOKEN, reseed, signIn } from './pages/app';
import { InterventionDialog } from './pages/interventions';
import { TownInspectorPage } from './pages/town-inspector';

/**
 * An escalation the patrol raises live (issue 13 with issue 16's escalation beads): storefront's
 * container is kept from starting (node waits for a debugger), so its working polecats go silent; two
 * simulated hours on, GUPP force-stops them and raises an escalation bead for each. The operator opens
 * one from the town's escalations panel, acknowledges it through the intervention dialog, and the panel
 * reads it acknowledged.
 */

const DANA = 'usr_2b7f1c9e4a';
const MINUTE = 60_000;
const HEADERS = { 'content-type': 'application/json', authorization: `Bearer ${DEV_ADMIN_TOKEN}` };

test.beforeAll(async ({ baseURL }) => reseed(baseURL));
test.afterAll(async ({ baseURL }) => reseed(baseURL));

/** One action on the town's container through the API (the setup, not what the test is about). */
async function containerAction(baseURL: string | undefined, townId: string, action: string, params: Record<string, unknown>) {
  const container = await (await fetch(`${baseURL}/api/admin/towns/${townId}/container`, { headers: HEADERS })).json();
  const res = await fetch(`${baseURL}/api/admin/towns/${townId}/actions/${action}`, {
    method: 'POST',
    headers: { ...HEADERS, 'idempotency-key': crypto.randomUUID(), 'if-match': String(container.version) },
    body: JSON.stringify({
      target: { kind: 'container', id: townId },
      params,
      reason: 'e2e: keep the container from starting',
      dryRun: false,
    }),
  });
  expect(res.status, `${action} answered`).toBe(200);
}

async function advanceTown(baseURL: string | undefined, townId: string, ms: number) {
  const res = await fetch(`${baseURL}/api/dev/clock`, {
    method: 'POST',
    headers: HEADERS,
    body: JSON.stringify({ advanceMs: ms, town_id: townId }),
  });
  expect(res.status, 'the dev clock answered').toBe(200);
}

test('storefront: an escalation GUPP raised for a silent polecat is acknowledged from the escalations panel', async ({ page, baseURL }) => {
  await signIn(page);
  await new TownInspectorPage(page).openFromUser(DANA, 'storefront');
  const townId = page.url().split('/towns/')[1]!.split('/')[0]!;
  await page.goto(`/towns/${townId}/state`);
  const panel = page.getByRole('region', { name: 'Escalations' });
  await expect(panel).toContainText('No escalation beads in this town');

  await containerAction(baseURL, townId, 'container.update_env', {
    changes: [{ key: 'NODE_OPTIONS', value: '--inspect-brk=0.0.0.0:9229', secret: false }],
  });
  await containerAction(baseURL, townId, 'container.force_restart', {});
  for (let m = 0; m < 130; m += 10) await advanceTown(baseURL, townId, 10 * MINUTE);

  // The panel refreshes live: the patrol's escalations appear without a reload.
  const rows = panel.getByTestId('escalation-row').filter({ hasText: ' stalled on “' });
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  await expect(panel).toContainText(`${count} open · ${count} unacknowledged`);
  const row = rows.first();
  await expect(row).toContainText('high');
  await expect(row.getByRole('cell').nth(3)).toHaveText('no');
  const title = (await row.getByRole('link').textContent())!;

  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const dialog = new InterventionDialog(page);
  await dialog.open('Acknowledge escalation');
  await expect(dialog.dialog).toContainText('Acknowledge the high escalation');
  await dialog.confirm('Acknowledge escalation', 'Seen: storefront waits for a debugger, NODE_OPTIONS is being fixed');
  await expect(dialog.dialog).toContainText(/Recorded as audit entry #\d+ \(success\)/);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('escalation-ack')).toContainText('yes, by');

  await page.goto(`/towns/${townId}/state`);
  const acknowledged = panel.getByTestId('escalation-row').filter({ has: page.getByRole('link', { name: title, exact: true }) });
  await expect(acknowledged.getByRole('cell').nth(3)).toHaveText(/^yes/);
  await expect(panel).toContainText(`${count} open · ${count - 1} unacknowledged`);
});
