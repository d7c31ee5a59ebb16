// Verifying a town's hash-chained audit log of 100,000 entries through the API (issue 8: < 1 s).
// Entries are appended once through the dev route (batched inside transactionSync, chained like real
// ones) into the bench state, which is kept between runs; each run then times `GET …/audit/verify`,
// which streams the log in seq order in pages and recomputes every hash.
import { percentile } from './lib.mjs';
import { devPost } from '../scripts/lib/wrangler.mjs';
import { adminGet, sample, startSeededWorker } from './worker.mjs';

const ENTRIES = 100_000;
const SEED_CHUNK = 20_000;
const TOWN = 'data-warehouse';

export default async function auditChain() {
  const server = await startSeededWorker();
  try {
    const [owner] = (await adminGet(server.base, '/users?q=dana.whitfield')).items;
    const town = (await adminGet(server.base, `/users/${owner.id}/towns`)).items.find((t) => t.name === TOWN);
    if (!town) throw new Error(`no ${TOWN} town`);
    let { entries } = await adminGet(server.base, `/towns/${town.id}/audit/verify`);
    if (entries < ENTRIES) {
      const started = Date.now();
      while (entries < ENTRIES) {
        const count = Math.min(SEED_CHUNK, ENTRIES - entries);
        entries = (await devPost(server.base, 'audit/seed', { town_id: town.id, count })).head;
      }
      console.log(`  appended audit entries up to ${entries} in ${Date.now() - started} ms`);
    }
    let result = null;
    const times = await sample(
      async () => {
        result = await adminGet(server.base, `/towns/${town.id}/audit/verify`);
      },
      { warmup: 1, runs: 7 },
    );
    if (!result.verified) throw new Error(`the chain does not verify: ${result.problem}`);
    return {
      entries: result.entries,
      verify_ms: percentile(times, 50),
      verify_max_ms: Math.round(Math.max(...times)),
    };
  } finally {
    await server.stop();
  }
}
