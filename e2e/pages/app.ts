import type { Page } from '@playwright/test';

/** Signed dev tokens minted by the global setup (e2e/global-setup.ts) for this run. */
export const DEV_ADMIN_TOKEN = process.env.E2E_ADMIN_TOKEN ?? '';
export const DEV_NON_ADMIN_TOKEN = process.env.E2E_NON_ADMIN_TOKEN ?? '';

/** Signs the tab in with a token before any page script runs (as the sign-in screen would). */
export async function signIn(page: Page, token: string = DEV_ADMIN_TOKEN) {
  await page.addInitScript((t) => sessionStorage.setItem('gastown-admin.token', t), token);
}

/**
 * Seeds the scenario towns afresh on the e2e backend (dev route, local only). Specs that change
 * state (interventions) call it when done, so every spec starts from the same towns (the e2e backend
 * runs with test hooks, so towns that hold interventions may be reseeded there).
 */
export async function reseed(baseURL: string | undefined) {
  const res = await fetch(`${baseURL}/api/dev/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${DEV_ADMIN_TOKEN}` },
    body: JSON.stringify({ force: true }),
  });
  if (!res.ok) throw new Error(`reseeding the e2e backend failed: HTTP ${res.status}`);
}

/**
 * Seeds (again) the 10k-bead benchmark town, owned by the bench user, with a short SDK stream for its
 * busiest agent (the million-event stream is the benches' business): the specs that need more than 10
 * targets of one kind use it — its OOM left 12 polecats stalled.
 */
export async function seedLargeTown(baseURL: string | undefined) {
  const res = await fetch(`${baseURL}/api/dev/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${DEV_ADMIN_TOKEN}` },
    body: JSON.stringify({ scope: 'large', force: true, events: 200 }),
  });
  if (!res.ok) throw new Error(`seeding the large town failed: HTTP ${res.status} ${await res.text()}`);
}

/** Full-page screenshots at 1440 and 390 px into SHOTS_DIR, when it is set (to look at, not to compare). */
export async function shoot(page: Page, name: string) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  const size = page.viewportSize()!;
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize(size);
}
