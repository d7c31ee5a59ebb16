// Takes a screenshot of a page in Debian's Chromium: node scripts/screenshot.mjs <url> <out.png> [width] [token]
import { chromium } from '@playwright/test';
import { DEV_TOKENS } from './lib/tokens.mjs';

const [url, out, width = '1280', token = DEV_TOKENS.admin] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node scripts/screenshot.mjs <url> <out.png> [width] [token]');
  process.exit(2);
}
const browser = await chromium.launch({
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
});
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
if (token !== 'none') await page.addInitScript((t) => sessionStorage.setItem('gastown-admin.token', t), token);
await page.goto(url, { waitUntil: 'networkidle' });
await page.waitForTimeout(Number(process.env.SCREENSHOT_WAIT ?? 300));
await page.screenshot({ path: out, fullPage: true });
await browser.close();
console.log(`wrote ${out}`);
