// The SDK event viewer on the bench town's Toast (1,000,000 events), in Chromium.
// Backend: the reference worker serving the built app (default), or MSW with BENCH_BACKEND=mock
// (MSW answers in the page's main thread, so loading competes with rendering there).
// Figures: first rows after navigation, every event loaded, search p95 over the loaded events
// (end to end: input → worker → count rendered), scroll frame p95, main-thread JS heap.
import { execFileSync } from 'node:child_process';
import { adminPage, launchBrowser, measureFrames, percentile, startMockApp } from './lib.mjs';
import { startSeededWorker } from './worker.mjs';
import { DEV_TOKENS } from '../scripts/lib/tokens.mjs';

const QUERIES = [
  'bash',
  'read',
  'error',
  'heartbeat',
  'tokens',
  'session busy',
  'src/',
  'npm test',
  'retry',
  'git status',
  'ENOENT',
  'noemit',
  'lint',
  'message',
  'readme',
  'zzz-no-such-term',
  'edit',
  'grep',
  'completed',
  'call',
];

async function openBackend() {
  if (process.env.BENCH_BACKEND === 'mock') {
    const app = await startMockApp(Number(process.env.BENCH_PORT ?? 5214));
    return { backend: 'msw', baseURL: app.baseURL, stop: app.stop };
  }
  execFileSync('npx', ['vite', 'build'], { stdio: 'ignore' });
  const server = await startSeededWorker({ large: true, app: true });
  return { backend: 'worker', baseURL: server.base, stop: () => server.stop() };
}

export default async function run() {
  const backend = await openBackend();
  const browser = await launchBrowser();
  try {
    const page = await adminPage(browser);
    // Find the bench town's Toast through the UI's own API (same ids on both backends).
    // The local worker's first page load can stall while it settles after seeding: retry it.
    for (let attempt = 0; ; attempt++) {
      try {
        await page.goto(`${backend.baseURL}/users`, { timeout: 20_000 });
        break;
      } catch (error) {
        if (attempt >= 5) throw error;
      }
    }
    const ids = await page.evaluate(async (token) => {
      const h = { authorization: `Bearer ${token}` };
      const towns = await (await fetch('/api/admin/users/usr_be9c400000/towns', { headers: h })).json();
      const town = towns.items[0];
      const agents = await (await fetch(`/api/admin/towns/${town.id}/agents`, { headers: h })).json();
      return { town: town.id, agent: agents.items.find((a) => a.name === 'Toast').id };
    }, DEV_TOKENS.admin);
    const url = `${backend.baseURL}/towns/${ids.town}/agents/${ids.agent}`;
    // Warm navigation (caches, lazy town build in MSW), then the measured one.
    await page.goto(url);
    await page.waitForSelector('[data-event-row]', { timeout: 60_000 });
    await page.goto('about:blank');
    const started = Date.now();
    await page.goto(url);
    await page.waitForSelector('[data-event-row]', { timeout: 60_000 });
    const firstRows = Date.now() - started;
    await page.waitForSelector('[data-done="true"]', { timeout: 600_000 });
    const loadAll = Date.now() - started;
    const events = Number(await page.getAttribute('[data-done="true"]', 'data-loaded'));

    const times = [];
    for (const q of [...QUERIES, ...QUERIES]) {
      const ms = await page.evaluate(async (query) => {
        const input = document.querySelector('input[aria-label="Search loaded events"]');
        const status = document.querySelector('[data-search-query]');
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
        // Clear first so every query is a fresh search.
        setter.call(input, '');
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => setTimeout(r, 30));
        const t0 = performance.now();
        return new Promise((resolve) => {
          const done = () => status.getAttribute('data-search-query') === query && status.getAttribute('data-search-state') === 'done';
          const observer = new MutationObserver(() => {
            if (done()) {
              observer.disconnect();
              resolve(performance.now() - t0);
            }
          });
          observer.observe(status, { attributes: true, childList: true, subtree: true });
          setter.call(input, query);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        });
      }, q);
      times.push(ms);
    }
    await page.fill('input[aria-label="Search loaded events"]', '');

    const list = page.getByRole('list', { name: 'SDK events, newest first' });
    const box = await list.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const frames = await measureFrames(page, async () => {
      for (let i = 0; i < 120; i++) {
        await page.mouse.wheel(0, i % 40 < 30 ? 900 : -700);
        await page.waitForTimeout(16);
      }
    });
    const heap = await page.evaluate(() => {
      globalThis.gc?.();
      return performance.memory ? performance.memory.usedJSHeapSize : 0;
    });
    return {
      backend_is_worker: backend.backend === 'worker' ? 1 : 0,
      events,
      first_rows_ms: firstRows,
      all_loaded_ms: loadAll,
      search_p50_ms: percentile(times, 50),
      search_p95_ms: percentile(times, 95),
      scroll_frame_p95_ms: frames.frame_p95_ms,
      scroll_longest_task_ms: frames.longest_task_ms,
      heap_mb: Math.round(heap / 2 ** 20),
    };
  } finally {
    await browser.close();
    await backend.stop();
  }
}
