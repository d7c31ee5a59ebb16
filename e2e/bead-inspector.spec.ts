import { expect, test } from '@playwright/test';
import { signIn } from './pages/app';
import { BeadInspectorPage, scenarioBead } from './pages/bead-inspector';

test.beforeEach(async ({ page }) => signIn(page));

const STUCK = 'Migrate push notifications to FCM HTTP v1';
const BLOCKER = 'Upgrade Firebase SDK to 11.x';

test('a stuck bead: see its graph, click the failed blocker, land on its focus URL, reload to the same view', async ({ page }) => {
  const inspector = new BeadInspectorPage(page);
  await inspector.open('mobile-app', STUCK);
  await expect(inspector.blockedChains()).toContainText(`${BLOCKER} failed → blocks ${STUCK} (focus)`);
  await inspector.waitForGraph();
  await expect(inspector.focusedNode()).toContainText(STUCK);
  await expect(inspector.graphNode(BLOCKER)).toBeVisible();
  await expect(inspector.graphNode(BLOCKER).locator('.gnode')).toHaveClass(/status-failed/);

  await inspector.graphNode(BLOCKER).click();
  const { beadId: blockerId } = scenarioBead('mobile-app', BLOCKER);
  await expect(page).toHaveURL(new RegExp(`focus=${blockerId}`));
  await expect(page).toHaveURL(/depth=2/);
  await expect(inspector.focusedNode()).toContainText(BLOCKER);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: STUCK })).toBeVisible();
  await inspector.waitForGraph();
  await expect(inspector.focusedNode()).toContainText(BLOCKER);
  await expect(inspector.graphNode(STUCK)).toBeVisible();
  await expect(page.getByRole('button', { name: 'depth 2' })).toHaveAttribute('aria-pressed', 'true');
});

test('double-clicking a graph node opens that bead’s inspector', async ({ page }) => {
  const inspector = new BeadInspectorPage(page);
  await inspector.open('mobile-app', STUCK, '?depth=1');
  await inspector.waitForGraph();
  await inspector.graphNode(BLOCKER).dblclick();
  const { beadId } = scenarioBead('mobile-app', BLOCKER);
  await expect(page).toHaveURL(new RegExp(`/beads/${beadId}\\?depth=1$`));
  await expect(page.getByRole('heading', { level: 1, name: BLOCKER })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Dispatch attempts' }).locator('..').locator('..')).toContainText(
    'dispatch budget exhausted (5 of 5 attempts)',
  );
});

test('a stalled convoy names its missing tracked bead', async ({ page }) => {
  const inspector = new BeadInspectorPage(page);
  await inspector.open('design-system', 'Convoy: Design tokens v2 rollout');
  await expect(page.getByRole('note', { name: 'Counter mismatch' })).toContainText('deleted instead of closed');
  await inspector.waitForGraph();
  await expect(inspector.focusedNode()).toContainText('Convoy: Design tokens v2 rollout');
});
