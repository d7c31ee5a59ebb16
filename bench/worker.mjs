// Benches against the reference worker: a seeded local `wrangler dev` whose state is kept between runs
// (the million-event town is written once), an admin GET, and a timing sampler. Browser benches pass
// `app: true` to serve the built SPA (./dist) from the same origin and drive it with bench/lib.mjs.
import { join } from 'node:path';
import { DEV_TOKENS } from '../scripts/lib/tokens.mjs';
import { emptyAssetsDir, ROOT, seed, startWranglerInRange } from '../scripts/lib/wrangler.mjs';

/** Bench state lives apart from `npm start`'s, so benches never disturb a demo (and vice versa). */
export const BENCH_STATE = join(ROOT, '.wrangler/bench-state');
/** A signed dev admin token (12 h), minted for this bench run. */
export const ADMIN_TOKEN = DEV_TOKENS.admin;

/** Starts the worker on a free port in 8796–8799 with the scenario world and, when `large`, the bench town. */
export async function startSeededWorker({ large = false, app = false } = {}) {
  const server = await startWranglerInRange(8796, 8799, {
    persistTo: BENCH_STATE,
    testHooks: true,
    ...(app ? {} : { assets: emptyAssetsDir() }),
  });
  await seed(server.base, { scope: 'world' });
  if (large) {
    const result = await seed(server.base, { scope: 'large' });
    if (result.seeded) console.log(`  seeded the large town (${result.events} events, ${result.ms} ms)`);
    // Once, after rewriting an old state's million-event stream, the first read hung for minutes while
    // workerd settled: ask with a short timeout until it answers, so no bench times that.
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await fetch(`${server.base}/api/admin/users/usr_be9c400000/towns`, {
          headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
          signal: AbortSignal.timeout(20_000),
        });
        if (res.ok) break;
      } catch (error) {
        if (attempt >= 10) throw error;
        console.log(`  the worker is still settling after seeding (attempt ${attempt})`);
      }
    }
  }
  return server;
}

/** GET an admin API path with the admin token; returns the parsed body. */
export async function adminGet(base, path) {
  const res = await fetch(`${base}/api/admin${path}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${(await res.text()).slice(0, 200)}`);
  return res.json();
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times; returns the durations in ms. */
export async function sample(fn, { warmup = 5, runs = 50 } = {}) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
  }
  return times;
}

/** The 50-agent search town (seeded once into the bench state), its id and agents. */
export async function searchTown(base) {
  const seeded = await seed(base, { scope: 'search' });
  if (seeded.seeded) console.log(`  seeded the search town (${seeded.events} events, ${seeded.ms} ms)`);
  const towns = await adminGet(base, '/users/usr_be9c400000/towns');
  const town = towns.items.find((t) => t.name === 'bench-search');
  if (!town) throw new Error('the search town is not seeded');
  const agents = (await adminGet(base, `/towns/${town.id}/agents`)).items;
  return { town, agents };
}
