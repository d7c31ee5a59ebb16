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
