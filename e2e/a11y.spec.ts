import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { buildWorld } from '../scenarios';
import { signIn } from './pages/app';
import { TOWN_TABS } from './pages/town-inspector';

/** Scenario ids come from fixed seeds: any anchor time names the same towns, beads and agents. */
const world = buildWorld({ now: Date.parse('2026-01-01T00:00:00Z') });
const DANA = 'usr_2b7f1c9e4a';
const payments = world.towns.find((t) => t.town.name === 'payments-api')!;
const toast = payments.agents.find((a) => a.name === 'Toast')!;
const mayor = payments.agents.find((a) => a.role === 'mayor') ?? payments.agents[0]!;
const bead = payments.beads[0]!;
// A merge request's own page (its entry as facts) and the page of the bead it merges (Related merge requests).
const review = payments.reviews.find((r) => r.source_bead_id)!;

/** Every route of the router (src/app/router.tsx) with scenario data behind it. */
const ROUTES = [
  '/users',
  `/users/${DANA}`,
  ...TOWN_TABS.map((t) => `/towns/${payments.town.id}/${t.path}`),
  `/towns/${payments.town.id}/beads/${bead.id}`,
  `/towns/${payments.town.id}/beads/${review.bead_id}`,
  `/towns/${payments.town.id}/beads/${review.source_bead_id}`,
  `/towns/${payments.town.id}/agents/${toast.id}`,
  `/towns/${payments.town.id}/agents/${mayor.id}`,
  '/audit',
  '/no-such-page',
];

/** Opens a route and waits until its heading is shown and nothing is still loading. */
async function open(page: Page, route: string) {
  await page.goto(route);
  // A page's heading, or the not-found page's alert.
  await expect(page.locator('main h1, main [role="alert"]').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.state-loading')).toHaveCount(0, { timeout: 20_000 });
}

test('axe: every route, light and dark, has no serious or critical violation', async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page);
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const route of ROUTES) {
      await open(page, route);
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      for (const v of violations.filter((x) => x.impact === 'serious' || x.impact === 'critical'))
        found.push(
          `${scheme} ${route}: ${v.id} (${v.impact}) on ${v.nodes.length}: ${v.nodes[0]?.target.join(' ')} ${v.nodes[0]?.failureSummary ?? ''}`,
        );
    }
  }
  expect(found).toEqual([]);
});
