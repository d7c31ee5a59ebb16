// Dependency graph: town-shaped graphs of 500, 2,000 and 5,000 beads (~2 edges per bead) drawn by the
// Bead Inspector's graph view on the fixture page (mock build). Per size:
//   layout_ms        ELK time in the worker for the whole graph (all components)
//   interactive_ms   fixture start (graph generated in the page) → focus node drawn and clickable
//   full_ms          fixture start → whole graph laid out and drawn
//   longest_task_ms  longest main-thread task from fixture start until 1 s after the full graph is drawn
// Sizes run after one small warm-up visit (V8's code cache is warm, each page still starts its own worker).
// Figures only; never assertions.
import { adminPage, launchBrowser, startMockApp } from './lib.mjs';

const SIZES = [500, 2000, 5000];
const PORT = Number(process.env.BENCH_PORT ?? 5205);

async function measure(browser, baseURL, beads) {
  const page = await adminPage(browser);
  await page.addInitScript(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${baseURL}/__fixtures/graph?beads=${beads}`);
  const visibleFocus = () => {
    const state = document.querySelector('.graph-canvas')?.getAttribute('data-graph-state');
    const focus = document.querySelector('.react-flow__node.is-focus');
    return (state === 'preview' || state === 'ready') && focus && getComputedStyle(focus).visibility === 'visible'
      ? performance.now()
      : false;
  };
  const interactiveAt = await (await page.waitForFunction(visibleFocus, null, { polling: 'raf', timeout: 120_000 })).jsonValue();
  const readyAt = await (
    await page.waitForFunction(
      () => (document.querySelector('.graph-canvas')?.getAttribute('data-graph-state') === 'ready' ? performance.now() : false),
      null,
      { polling: 'raf', timeout: 300_000 },
    )
  ).jsonValue();
  await page.waitForTimeout(1000);
  // A click on a node focuses it: check the view answers.
  await page
    .locator('.react-flow__node')
    .filter({ hasNot: page.locator('.is-focus') })
    .first()
    .click({ timeout: 10_000 })
    .catch(() => undefined);
  const figures = await page.evaluate(
    ({ interactiveAt, readyAt }) => {
      const start = performance.getEntriesByName('graph-fixture-start')[0].startTime;
      const until = readyAt + 1000;
      const tasks = window.__tasks.filter((t) => t.start + t.duration >= start && t.start <= until);
      const canvas = document.querySelector('.graph-canvas');
      return {
        layout_ms: Number(canvas.getAttribute('data-layout-ms')),
        interactive_ms: Math.round(interactiveAt - start),
        full_ms: Math.round(readyAt - start),
        longest_task_ms: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
        tasks_over_50ms: tasks.length,
        drawn_nodes: Number(canvas.getAttribute('data-node-count')),
      };
    },
    { interactiveAt, readyAt },
  );
  const edges = await page.evaluate(() => document.querySelector('.graph-toolbar')?.textContent ?? '');
  await page.context().close();
  return { ...figures, summary: edges.trim() };
}

export default async function run() {
  const app = await startMockApp(PORT);
  const browser = await launchBrowser();
  const out = {};
  try {
    // One warm-up visit (20 beads) so every size meets compiled code, as an operator with the app open would.
    await measure(browser, app.baseURL, 20);
    for (const beads of SIZES) {
      const { summary, ...figures } = await measure(browser, app.baseURL, beads);
      console.log(`${beads} beads (${summary}):`, figures);
      out[String(beads)] = figures;
    }
  } finally {
    await browser.close();
    app.stop();
  }
  return out;
}
