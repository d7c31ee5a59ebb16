import type { Page } from '@playwright/test';

export const DEV_ADMIN_TOKEN = 'dev-admin-token';
export const DEV_NON_ADMIN_TOKEN = 'dev-support-token';

/** Signs the tab in with a token before any page script runs (as the sign-in screen would). */
export async function signIn(page: Page, token: string = DEV_ADMIN_TOKEN) {
  await page.addInitScript((t) => sessionStorage.setItem('gastown-admin.token', t), token);
}
