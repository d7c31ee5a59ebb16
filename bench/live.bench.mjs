// The panel following the town, in Chromium against the reference worker serving the built app.
// 1. The live tail: Toast's viewer on the bench town holds 1,000,000 events; SDK events are written at
//    10/s (POST /api/dev/sdk-events, the container relay's path) and each is timed from the write until
//    its row is in the open viewer's DOM; long tasks on the main thread are recorded meanwhile, and the
//    town's other views are polled to count how many full answers (200s) those events cost them.
// 2. Town summary freshness: an intervention changes a town while its Town Inspector is open; timed
//    from the write until the page has received the changed summary (its 200 after the 304s).
// 3. What a poll costs: GET of the summary with and without a matching If-None-Match, from node.
import { execFileSync } from 'node:child_process';
import { adminPage, launchBrowser, percentile } from './lib.mjs';
import { ADMIN_TOKEN, sample, startSeededWorker } from './worker.mjs';

const RATE_PER_S = 10;
const TAIL_SECONDS = 30;
const FRESHNESS_WRITES = 20;

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

async function api(base, path, init = {}) {
  const res = await fetch(`${base}${path}`, { ...init, headers: { ...auth, ...(init.headers ?? {}) } });
  if (!res.ok && res.status !== 304) throw new Error(`${path}: ${res.status} ${(await res.text()).slice(0, 200)}`);
  return res;
}

export default async function run() {
  execFileSync('npx', ['vite', 'build'], { stdio: 'ignore' });
  const server = await startSeededWorker({ large: true, app: true });
  const base = server.base;
  const browser = await launchBrowser();
  try {
    const towns = await (await api(base, '/api/admin/users/usr_be9c400000/towns')).json();
    const benchTown = towns.items[0].id;
    const agents = await (await api(base, `/api/admin/towns/${benchTown}/agents`)).json();
    const toast = agents.items.find((a) => a.name === 'Toast').id;

    // ── 1. live tail on a million-event viewer ──
    const page = await adminPage(browser);
    for (let attempt = 0; ; attempt++) {
      try {
        await page.goto(`${base}/towns/${benchTown}/agents/${toast}`, { timeout: 30_000 });
        break;
      } catch (error) {
        if (attempt >= 5) throw error;
      }
    }
    await page.waitForSelector('[data-done="true"]', { timeout: 600_000 });
    const held = Number(await page.getAttribute('[data-done="true"]', 'data-loaded'));
    await page.evaluate(() => {
      const w = window;
      w.__seen = {};
      w.__longest = 0;
      w.__longTasks = 0;
      w.__po = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          w.__longest = Math.max(w.__longest, e.duration);
          if (e.duration > 50) w.__longTasks++;
        }
      });
      w.__po.observe({ type: 'longtask', buffered: false });
      const list = document.querySelector('[aria-label="SDK events, newest first"]');
      w.__mo = new MutationObserver(() => {
        for (const row of list.querySelectorAll('[data-event-row]')) {
          const id = row.getAttribute('data-event-row');
          if (!(id in w.__seen)) w.__seen[id] = Date.now();
        }
      });
      w.__mo.observe(list, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-event-row'] });
      for (const row of list.querySelectorAll('[data-event-row]')) w.__seen[row.getAttribute('data-event-row')] = 0;
    });
    // The town's other live views poll meanwhile as the panel does (tag, If-None-Match, every 1.5 s):
    // the beads table, the review queue, the timeline and another agent's page. Their 200s are the
    // work one agent's events cause elsewhere.
    const other = agents.items.find((a) => a.role === 'polecat' && a.id !== toast).id;
    const otherViews = [
      `/api/admin/towns/${benchTown}/beads?limit=50`,
      `/api/admin/towns/${benchTown}/review-queue`,
      `/api/admin/towns/${benchTown}/timeline`,
      `/api/admin/towns/${benchTown}/agents/${other}`,
    ];
    const otherTags = new Map();
    const otherPolls = { polls: 0, full: 0 };
    let tailing = true;
    const pollOthers = (async () => {
      while (tailing) {
        await Promise.all(
          otherViews.map(async (path) => {
            const tag = otherTags.get(path);
            const res = await api(base, path, tag ? { headers: { 'if-none-match': tag } } : {});
            await res.arrayBuffer();
            if (!tag) return otherTags.set(path, res.headers.get('etag'));
            otherPolls.polls++;
            if (res.status === 200) otherPolls.full++;
            otherTags.set(path, res.headers.get('etag'));
          }),
        );
        await new Promise((r) => setTimeout(r, 1_500));
      }
    })();
    const written = [];
    const started = Date.now();
    for (let i = 0; i < RATE_PER_S * TAIL_SECONDS; i++) {
      const due = started + (i * 1000) / RATE_PER_S;
      await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
      const at = Date.now();
      const res = await api(base, '/api/dev/sdk-events', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          town_id: benchTown,
          agent_id: toast,
          events: [{ type: 'message_part.updated', properties: { part: { type: 'text', text: `live bench event ${i}` } } }],
        }),
      });
      written.push({ id: (await res.json()).last_id, at });
    }
    await page.waitForTimeout(3_000);
    tailing = false;
    await pollOthers;
    const tail = await page.evaluate(() => {
      const w = window;
      w.__po.disconnect();
      w.__mo.disconnect();
      return { seen: w.__seen, longest: w.__longest, longTasks: w.__longTasks };
    });
    const latencies = written.map((e) => (tail.seen[e.id] ? tail.seen[e.id] - e.at : Number.POSITIVE_INFINITY));
    const shown = latencies.filter(Number.isFinite).length;

    // ── 2. town summary freshness ──
    const dana = await (await api(base, '/api/admin/users?q=dana.whitfield')).json();
    const userTowns = await (await api(base, `/api/admin/users/${dana.items[0].id}/towns`)).json();
    const town = userTowns.items.find((t) => t.name === 'mobile-app').id;
    const summaryPath = `/api/admin/towns/${town}`;
    const arrivals = [];
    page.on('response', (res) => {
      if (new URL(res.url()).pathname === summaryPath && res.status() === 200) arrivals.push(Date.now());
    });
    await page.goto(`${base}/towns/${town}/state`);
    await page.waitForSelector('text=mobile-app');
    await page.waitForTimeout(2_000);
    const beads = await (await api(base, `/api/admin/towns/${town}/beads?limit=20&sort=created_at`)).json();
    const freshness = [];
    for (let i = 0; i < FRESHNESS_WRITES; i++) {
      // Spread the writes over the polling phase.
      await page.waitForTimeout(1_000 + ((i * 373) % 1_500));
      const bead = (await (await api(base, `/api/admin/towns/${town}/beads/${beads.items[i % beads.items.length].id}`)).json()).bead;
      const before = arrivals.length;
      const at = Date.now();
      await api(base, `/api/admin/towns/${town}/actions/bead.change_priority`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), 'if-match': String(bead.version) },
        body: JSON.stringify({
          target: { kind: 'bead', id: bead.id },
          params: { priority: bead.priority === 'low' ? 'high' : 'low' },
          reason: 'live bench: freshness of the town summary',
          dryRun: false,
        }),
      });
      const deadline = Date.now() + 10_000;
      while (arrivals.length === before && Date.now() < deadline) await page.waitForTimeout(20);
      freshness.push(arrivals.length > before ? arrivals[before] - at : Number.POSITIVE_INFINITY);
    }

    // ── 3. what a poll costs ──
    const costOf = async (path) => {
      const first = await api(base, path);
      const etag = first.headers.get('etag');
      const bytes = (await first.text()).length;
      const full = await sample(async () => (await api(base, path)).text(), { warmup: 3, runs: 40 });
      const notModified = await sample(async () => (await api(base, path, { headers: { 'if-none-match': etag } })).text(), {
        warmup: 3,
        runs: 40,
      });
      return { bytes, full: percentile(full, 50), notModified: percentile(notModified, 50) };
    };
    const small = await costOf(summaryPath);
    const large = await costOf(`/api/admin/towns/${benchTown}`);

    return {
      viewer_events_held: held,
      tail_events_written: written.length,
      tail_events_shown: shown,
      tail_show_p50_ms: percentile(latencies.filter(Number.isFinite), 50),
      tail_show_p95_ms: shown === written.length ? percentile(latencies, 95) : -1,
      tail_longest_task_ms: Math.round(tail.longest),
      tail_tasks_over_50ms: tail.longTasks,
      tail_other_views_polls: otherPolls.polls,
      tail_other_views_200s: otherPolls.full,
      summary_freshness_p50_ms: percentile(freshness.filter(Number.isFinite), 50),
      summary_freshness_p95_ms: freshness.every(Number.isFinite) ? percentile(freshness, 95) : -1,
      summary_200_p50_ms: small.full,
      summary_304_p50_ms: small.notModified,
      summary_bytes: small.bytes,
      large_summary_200_p50_ms: large.full,
      large_summary_304_p50_ms: large.notModified,
      large_summary_bytes: large.bytes,
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
