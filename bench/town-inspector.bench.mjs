// Town Inspector on the 10k-bead benchmark town (MSW in the browser): State tab load, filter,
// sort and scroll; Events tab with 50k timeline rows. `npm run bench -- town-inspector`.
import { adminPage, launchBrowser, measureFrames, percentile, startMockApp } from './lib.mjs';

const BENCH_USER = 'usr_be9c400000';
const PORT = Number(process.env.BENCH_PORT ?? 5192);

/** Scrolls a scroll box by `step` px per animation frame for `frames` frames (in the page). */
async function scrollBox(page, testId, frames = 240, step = 180) {
  await page.evaluate(
    ({ testId, frames, step }) =>
      new Promise((resolve) => {
        const box = document.querySelector(`[data-testid="${testId}"]`);
        let n = 0;
        const tick = () => {
          box.scrollTop += step;
          if (++n < frames) requestAnimationFrame(tick);
          else resolve();
        };
        requestAnimationFrame(tick);
      }),
    { testId, frames, step },
  );
}

/** Runs `act` in the page and resolves after `done` holds and the next frame has painted; returns ms. */
async function timeInPage(page, act, done) {
  return page.evaluate(
    async ({ act, done }) => {
      const run = new Function(act);
      const ok = new Function(done);
      const t0 = performance.now();
      run();
      await new Promise((resolve) => {
        const check = () => (ok() ? requestAnimationFrame(() => resolve()) : requestAnimationFrame(check));
        check();
      });
      return performance.now() - t0;
    },
    { act, done },
  );
}

const median = (xs) => percentile(xs, 50);

export default async function run() {
  const app = await startMockApp(PORT);
  const browser = await launchBrowser();
  try {
    const page = await adminPage(browser);
    await page.goto(`${app.baseURL}/users/${BENCH_USER}`);
    await page.getByRole('link', { name: 'Open bench-monorepo in the Town Inspector' }).click();
    await page.waitForURL(/\/towns\/[0-9a-f-]{36}\/state$/);
    const stateUrl = page.url();

    // Fresh load of the State tab (town already built in the service worker by the visit above).
    await page.goto(stateUrl);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.waitForFunction(
      () => /^[\d,]+ of [\d,]+ beads$/.test(document.querySelector('[data-testid="beads-progress"]')?.textContent ?? ''),
      null,
      { timeout: 120_000 },
    );
    const load = await page.evaluate(() => {
      const beads = performance.getEntriesByType('resource').filter((e) => e.name.includes('/beads?'));
      const lastResponse = Math.max(...beads.map((e) => e.responseEnd));
      const firstRequest = Math.min(...beads.map((e) => e.startTime));
      return {
        pages: beads.length,
        lastResponse,
        firstRequest,
        total: document.querySelector('[data-testid="beads-progress"]').textContent,
      };
    });
    // The moment the table showed every bead, next frame included.
    const shownAt = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(performance.now()))));
    const rows = Number(load.total.split(' of ')[1].replace(/[^\d]/g, ''));

    const filterStatus = [];
    const filterText = [];
    const sort = [];
    for (let i = 0; i < 5; i++) {
      filterStatus.push(
        await timeInPage(
          page,
          `document.querySelector('[aria-label="Filter by status"] .chip-failed').click()`,
          `const b = document.querySelector('[aria-label="Filter by status"] .chip-failed'); const first = document.querySelector('table[aria-label="Beads"] tbody tr:not([aria-hidden]) td:nth-child(2)'); return b.getAttribute('aria-pressed') === 'true' && first && first.textContent === 'failed';`,
        ),
      );
      filterStatus.push(
        await timeInPage(
          page,
          `document.querySelector('[aria-label="Filter by status"] .chip-failed').click()`,
          `return document.querySelector('[aria-label="Filter by status"] .chip-failed').getAttribute('aria-pressed') === 'false' && [...document.querySelectorAll('table[aria-label="Beads"] tbody tr:not([aria-hidden]) td:nth-child(2)')].some((td) => td.textContent !== 'failed');`,
        ),
      );
      sort.push(
        await timeInPage(
          page,
          `[...document.querySelectorAll('table[aria-label="Beads"] th button')].find((b) => b.textContent.startsWith('Bead')).click()`,
          `const th = [...document.querySelectorAll('table[aria-label="Beads"] th')].find((t) => t.textContent.startsWith('Bead')); return th.getAttribute('aria-sort') !== 'none';`,
        ),
      );
      sort.push(
        await timeInPage(
          page,
          `[...document.querySelectorAll('table[aria-label="Beads"] th button')].find((b) => b.textContent.startsWith('Updated')).click()`,
          `const th = [...document.querySelectorAll('table[aria-label="Beads"] th')].find((t) => t.textContent.startsWith('Updated')); return th.getAttribute('aria-sort') !== 'none';`,
        ),
      );
    }
    // Text filter, as the other filters: one input event carrying the word (a paste, or the last
    // keystroke) → the filtered table painted.
    const filterTextOnce = [];
    for (let i = 0; i < 5; i++) {
      await page.getByRole('searchbox', { name: 'Filter beads by text' }).fill('');
      await page.waitForFunction(
        (n) => document.querySelector('[data-testid="beads-progress"]').textContent.endsWith(`of ${n} beads`),
        rows.toLocaleString('en'),
      );
      await page.waitForTimeout(200);
      filterTextOnce.push(
        await timeInPage(
          page,
          `const box = document.querySelector('input[aria-label="Filter beads by text"]'); Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(box, 'convoy'); box.dispatchEvent(new Event('input', { bubbles: true }));`,
          `return !document.querySelector('[data-testid="beads-progress"]').textContent.startsWith('${rows.toLocaleString('en')} of');`,
        ),
      );
    }
    // Typing the word key by key through the test driver (each key a round trip to the browser).
    for (let i = 0; i < 3; i++) {
      const box = page.getByRole('searchbox', { name: 'Filter beads by text' });
      await box.fill('');
      await page.waitForFunction(
        (n) => document.querySelector('[data-testid="beads-progress"]').textContent.endsWith(`of ${n} beads`) && !/^[\d,]+ of/.test('x'),
        rows.toLocaleString('en'),
      );
      await page.waitForTimeout(200);
      const t0 = await page.evaluate(() => performance.now());
      await box.pressSequentially('convoy', { delay: 0 });
      await page.waitForFunction((n) => {
        const text = document.querySelector('[data-testid="beads-progress"]').textContent;
        return !text.startsWith(`${n} of`);
      }, rows.toLocaleString('en'));
      const t1 = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(performance.now()))));
      filterText.push(t1 - t0);
    }
    await page.getByRole('searchbox', { name: 'Filter beads by text' }).fill('');
    await page.waitForTimeout(300);

    const beadScroll = await measureFrames(page, () => scrollBox(page, 'beads-scroll'));

    // Events: 50k timeline rows loaded with "Load all", then scrolled.
    await page.goto(stateUrl.replace(/\/state$/, '/events'));
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByTestId('timeline-row').first().waitFor();
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Load all' }).click();
    await page.waitForFunction(
      () => /^([\d,]+) of \1 events/.test(document.querySelector('[data-testid="timeline-count"]')?.textContent ?? ''),
      null,
      { timeout: 300_000 },
    );
    const timelineLoadAll = Date.now() - t0;
    const timelineRows = await page.evaluate(() =>
      Number(document.querySelector('[data-testid="timeline-count"]').textContent.split(' of ')[0].replace(/,/g, '')),
    );
    await page.waitForTimeout(300);
    const timelineScroll = await measureFrames(page, () => scrollBox(page, 'timeline-scroll'));
    const kindFilter = await timeInPage(
      page,
      `[...document.querySelectorAll('[aria-label="Filter by kind"] button')].find((b) => b.textContent === 'agent').click()`,
      `return /^[\\d,]+ of [\\d,]+ events/.test(document.querySelector('[data-testid="timeline-count"]')?.textContent ?? '') && document.querySelector('[aria-label="Filter by kind"] button[aria-pressed="true"]') !== null && [...document.querySelectorAll('[data-testid="timeline-row"] td:nth-child(2)')].every((td) => td.textContent === 'agent');`,
    );

    return {
      beads_rows: rows,
      beads_pages: load.pages,
      beads_all_loaded_ms: Math.round(load.lastResponse - load.firstRequest),
      beads_table_interactive_ms: Math.round(shownAt - load.lastResponse),
      beads_filter_ms: median(filterStatus),
      beads_filter_max_ms: Math.round(Math.max(...filterStatus)),
      beads_text_filter_ms: median(filterTextOnce),
      beads_text_filter_max_ms: Math.round(Math.max(...filterTextOnce)),
      beads_text_typing_ms: median(filterText),
      beads_sort_ms: median(sort),
      beads_sort_max_ms: Math.round(Math.max(...sort)),
      beads_scroll_frame_p95_ms: beadScroll.frame_p95_ms,
      beads_scroll_longest_task_ms: beadScroll.longest_task_ms,
      timeline_rows: timelineRows,
      timeline_load_all_ms: timelineLoadAll,
      timeline_kind_filter_ms: Math.round(kindFilter),
      timeline_scroll_frame_p95_ms: timelineScroll.frame_p95_ms,
      timeline_scroll_longest_task_ms: timelineScroll.longest_task_ms,
    };
  } finally {
    await browser.close();
    app.stop();
  }
}
