import { chromium, type FullConfig } from '@playwright/test';
import { mintDevToken } from '../scripts/lib/tokens.mjs';

/**
 * Opens the app once before the specs run. Under load, the very first document request Chromium
 * makes to a freshly started workerd can stall for tens of seconds (seen here on a busy 2-core
 * machine; never after the first). The specs measure behaviour, not cold start, so it is paid here.
 */
export default async function globalSetup(config: FullConfig) {
  // Signed dev tokens for the specs (e2e/pages/app.ts), valid for the run; workers inherit the env.
  process.env.E2E_ADMIN_TOKEN = await mintDevToken({ expiresInS: 4 * 3600 });
  process.env.E2E_NON_ADMIN_TOKEN = await mintDevToken({ admin: false, expiresInS: 4 * 3600 });
  const project = config.projects[0]!;
  const browser = await chromium.launch(project.use.launchOptions);
  const page = await browser.newPage();
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      await page.goto(`${project.use.baseURL}/users`, { timeout: 30_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  await browser.close();
}
