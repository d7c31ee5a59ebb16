import { defineConfig } from '@playwright/test';
import { DEMO_HOST_PORT, DEMO_PANEL_PORT, HOST_ORIGIN } from './e2e/pages/demo-host';

/**
 * e2e: the built app in Debian's Chromium against the reference worker, seeded with the scenario towns.
 * E2E_PORT lets parallel checkouts run side by side; the demo dashboard (embedding specs, panel on MSW) takes the next two ports.
 */
const port = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  timeout: 45_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    {
      // The built app served with the reference worker (wrangler dev, seeded afresh) on one origin.
      command: `npx vite build --outDir dist-e2e && node scripts/serve-e2e.mjs --port ${port}`,
      url: baseURL,
      // The assets answer before seeding is done; start only once the scenario towns are in.
      wait: { stdout: /e2e backend on/ },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      command: 'node demo/host/serve.mjs',
      env: { DEMO_PANEL_PORT: String(DEMO_PANEL_PORT), DEMO_HOST_PORT: String(DEMO_HOST_PORT) },
      url: `${HOST_ORIGIN}/admin/users/usr_2b7f1c9e4a`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
