import { expect, test } from '@playwright/test';
import { signIn } from './pages/app';
import { BeadInspectorPage } from './pages/bead-inspector';

const REFUND = 'Add idempotency keys to the refund endpoint';

test.beforeEach(async ({ page }) => signIn(page));

test('compare on the worker: two dispatch attempts picked on the bead page, the link reopened, then two sessions from the agent page', async ({
  page,
}) => {
  const bead = new BeadInspectorPage(page);
  await bead.open('payments-api', REFUND);
  const picker = page.getByRole('group', { name: 'Compare two dispatch attempts' });
  await picker.getByLabel('Compare A').selectOption({ label: 'Attempt 1 · success · Toast' });
  await picker.getByLabel('with B').selectOption({ label: 'Attempt 2 · failed · Toast' });
  await picker.getByRole('link', { name: 'Compare' }).click();
  await expect(page).toHaveURL(/\/towns\/[0-9a-f-]{36}\/compare\?kind=attempt&a=[0-9a-f-]{36}&b=[0-9a-f-]{36}$/);

  // The link holds both sides: opened afresh it shows the same comparison.
  await page.goto(page.url());
  const a = page.getByRole('region', { name: 'A: Attempt 1 of 5' });
  const b = page.getByRole('region', { name: 'B: Attempt 2 of 5' });
  await expect(a).toBeVisible();
  await expect(b).toBeVisible();
  await expect(a.getByRole('link', { name: 'Toast' })).toBeVisible();
  await expect(b.getByRole('list', { name: 'Errors of B' })).toContainText(
    'container returned 404: session ses_… not found for agent Toast',
  );
  const measures = page.getByRole('table', { name: 'Measures of A and B' });
  await expect(measures.getByRole('row', { name: /^Duration 21 min 2 min/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Tool calls by name' }).getByRole('row', { name: /^bash/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Line diff of the last messages' })).toBeVisible();

  // From A's agent to its sessions: the picker offers another agent's session beside Toast's.
  await a.getByRole('link', { name: 'Toast' }).click();
  const sessions = page.getByRole('region', { name: 'Sessions' });
  await expect(sessions.getByRole('table', { name: 'The agent’s sessions' })).toContainText('exit 137');
  await sessions.getByRole('link', { name: 'Compare' }).click();
  await expect(page).toHaveURL(/\/compare\?kind=session&a=proc_[0-9a-f]+&b=proc_[0-9a-f]+$/);
  await expect(page.getByRole('region', { name: /^B: Session of Toast \(exit 137\)$/ })).toBeVisible();
  await expect(page.getByRole('region', { name: /^A: Session of / })).toBeVisible();
  const diff = page.getByRole('table', { name: 'Line diff of the last messages' });
  await expect(diff.getByRole('row').nth(1)).toBeVisible();
});
