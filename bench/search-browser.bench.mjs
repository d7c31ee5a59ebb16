// Town-wide search (issue 15) as the admin sees it: the built app served by the reference worker, the
// bench-search town (50 agents × 20,000 SDK events, seed scope `search`). Each run opens the town's Agents
// tab, types the text into the header's "Search this town" box and presses Enter; the time is from the key
// to the first painted frame that shows a result group holding a hit (a link), and to the status line
// saying every agent was searched. Target: first results < 500 ms (bench `search` reads the same stream
// in node, without the page). `npm run bench -- search-browser`.
import { execFileSync } from 'node:child_process';
import { adminPage, launchBrowser, percentile } from './lib.mjs';
import { searchTown, startSeededWorker } from './worker.mjs';

const QUERIES = { rare: 'ENOSPC: no space left', common: 'sessionID' };
const RUNS = 6;

/** One search from the header box; returns { first, complete } in ms from the Enter key. */
async function timedSearch(page, url, q) {
  await page.goto(url);
  const box = page.getByRole('searchbox', { name: 'Search this town' });
  await box.fill(q);
  await page.evaluate(() => {
    window.__searchT0 = undefined;
    window.__searchFirst = undefined;
    // Checked every frame: the first frame a group with a hit is in the page is the one it is painted in.
    const watch = () => {
      if (window.__searchT0 !== undefined && document.querySelector('.search-group a')) {
        window.__searchFirst = performance.now() - window.__searchT0;
        return;
      }
      requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  });
  await page.evaluate(() => {
    window.__searchT0 = performance.now();
  });
  await box.press('Enter');
  await page.waitForFunction(() => window.__searchFirst !== undefined, null, { timeout: 30_000 });
  await page
    .getByRole('status')
    .filter({ hasText: /Searched the town’s rows and (\d+) of \1 agents’ SDK events/ })
    .waitFor({ timeout: 30_000 });
  const complete = await page.evaluate(() => performance.now() - window.__searchT0);
  const first = await page.evaluate(() => window.__searchFirst);
  return { first, complete };
}

export default async function run() {
  execFileSync('npx', ['vite', 'build'], { stdio: 'ignore' });
  const server = await startSeededWorker({ app: true });
  const browser = await launchBrowser();
  try {
    const { town, agents } = await searchTown(server.base);
    const page = await adminPage(browser);
    const url = `${server.base}/towns/${town.id}/agents`;
    const figures = { agents: agents.length, events_per_agent: 20_000 };
    for (const [name, q] of Object.entries(QUERIES)) {
      await timedSearch(page, url, q); // warm-up: wakes every AgentDO, loads the search page's code
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await timedSearch(page, url, q));
      const measures = { first_group: runs.map((r) => r.first), complete: runs.map((r) => r.complete) };
      for (const [measure, values] of Object.entries(measures))
        for (const p of [50, 95]) figures[`${name}_${measure}_p${p}_ms`] = Math.round(percentile(values, p));
    }
    // The headline: the worse of the two kinds.
    figures.first_group_shown_ms = Math.max(figures.rare_first_group_p95_ms, figures.common_first_group_p95_ms);
    figures.complete_ms = Math.max(figures.rare_complete_p95_ms, figures.common_complete_p95_ms);
    return figures;
  } finally {
    await browser.close();
    await server.stop();
  }
}
