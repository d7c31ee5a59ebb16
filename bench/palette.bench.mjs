// Command palette on the 10k-bead benchmark town (MSW in the browser): Ctrl-K until the palette's
// input is on screen, then a bead's title (or its short id) typed until that bead is listed.
// `npm run bench -- palette`.
import { adminPage, launchBrowser, percentile, startMockApp } from './lib.mjs';

const BENCH_USER = 'usr_be9c400000';
const PORT = Number(process.env.BENCH_PORT ?? 5194);
const RUNS = 12;

/**
 * In the page: Ctrl-K, wait for the input (painted), set the query as typing would, wait until an
 * option naming `expect` is painted. Returns { open_ms, find_ms }.
 */
function openAndFind({ query, expect }) {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const until = async (ok) => {
    while (!ok()) await frame();
    await frame();
  };
  return (async () => {
    // The buffer holds 250 entries, and a live page fills it: start each run empty.
    performance.clearResourceTimings();
    const t0 = performance.now();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, bubbles: true, cancelable: true }));
    let input = null;
    await until(() => (input = document.querySelector('[role="dialog"] [cmdk-input]')) !== null);
    const opened = performance.now();
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    setValue.call(input, query);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await until(() => [...document.querySelectorAll('[cmdk-item]')].some((o) => o.textContent.includes(expect)));
    const found = performance.now();
    // The bead search's own request (MSW's service worker answering from SQLite), for where time goes.
    const request = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/beads?') && e.startTime >= opened)
      .at(-1);
    return { open_ms: opened - t0, find_ms: found - opened, total_ms: found - t0, request_ms: request ? request.duration : 0 };
  })();
}

export default async function run() {
  const app = await startMockApp(PORT);
  const browser = await launchBrowser();
  try {
    const page = await adminPage(browser);
    await page.goto(`${app.baseURL}/users/${BENCH_USER}`);
    await page.getByRole('link', { name: 'Open bench-monorepo in the Town Inspector' }).click();
    await page.waitForURL(/\/towns\/[0-9a-f-]{36}\/state$/);
    const townId = page.url().match(/towns\/([0-9a-f-]{36})/)[1];
    await page.getByRole('button', { name: 'Pause' }).click();
    // Beads spread over the town, read from the API the page talks to (MSW's service worker).
    const beads = await page.evaluate(async (townId) => {
      const res = await fetch(`/api/admin/towns/${townId}/beads?limit=1000&sort=title`, {
        headers: { authorization: `Bearer ${sessionStorage.getItem('gastown-admin.token')}` },
      });
      const body = await res.json();
      return body.items.filter((_, i) => i % 40 === 7).map((b) => ({ id: b.id, title: b.title }));
    }, townId);
    const total = await page.evaluate(async (townId) => {
      const res = await fetch(`/api/admin/towns/${townId}/beads?limit=1`, {
        headers: { authorization: `Bearer ${sessionStorage.getItem('gastown-admin.token')}` },
      });
      return (await res.json()).total;
    }, townId);

    // Warm: on the State tab once it holds the whole town (the palette matches those beads at once).
    await page.waitForFunction(
      () => /^([\d,]+) of \1 beads$/.test(document.querySelector('[data-testid="beads-progress"]')?.textContent ?? ''),
      null,
      { timeout: 120_000 },
    );
    const warm = await runs(page, beads);
    // Cold: a fresh load of the Agents tab, no bead in the page's cache: the server search answers.
    await page.goto(page.url().replace(/\/state$/, '/agents'));
    await page.getByRole('table', { name: 'Agents' }).waitFor();
    const cold = await runs(page, beads);
    return { beads: total, runs_each: warm.all.length, ...figures('state_tab', warm), ...figures('cold', cold) };
  } finally {
    await browser.close();
    app.stop();
  }
}

async function runs(page, beads) {
  const byTitle = [];
  const byId = [];
  // A different bead for each search, so no run finds what an earlier one left in the cache.
  for (let i = 0; i < RUNS; i++) {
    const [one, other] = [beads[(2 * i) % beads.length], beads[(2 * i + 1) % beads.length]];
    byTitle.push(await page.evaluate(openAndFind, { query: one.title, expect: one.title }));
    await page.keyboard.press('Escape');
    await page.waitForSelector('[cmdk-input]', { state: 'detached' });
    byId.push(await page.evaluate(openAndFind, { query: other.id.slice(0, 8), expect: other.title }));
    await page.keyboard.press('Escape');
    await page.waitForSelector('[cmdk-input]', { state: 'detached' });
  }
  return { byTitle, byId, all: [...byTitle, ...byId] };
}

function figures(prefix, { byTitle, byId, all }) {
  const p = (list, key, n) =>
    percentile(
      list.map((r) => r[key]),
      n,
    );
  return {
    [`${prefix}_open_p50_ms`]: p(all, 'open_ms', 50),
    [`${prefix}_find_by_title_p50_ms`]: p(byTitle, 'find_ms', 50),
    [`${prefix}_find_by_short_id_p50_ms`]: p(byId, 'find_ms', 50),
    [`${prefix}_bead_request_p50_ms`]: p(all, 'request_ms', 50),
    [`${prefix}_open_and_find_p50_ms`]: p(all, 'total_ms', 50),
    [`${prefix}_open_and_find_p95_ms`]: p(all, 'total_ms', 95),
  };
}
