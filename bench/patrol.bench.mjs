// The patrol's cost per tick in the 10k-bead benchmark town (issue 13: p95 < 20 ms, `patrol_tick_p95_ms`).
// Each sample moves that town's clock by one active interval through the dev clock route, which runs
// exactly one tick (dispatch, container, work, GUPP, refinery, convoys, credentials, Mayor) inside its
// transaction on the reference worker; the time is the whole round trip (HTTP, Durable Object RPC, the
// outbox delivery of the tick's SDK events), so it bounds the tick's own cost from above; the same round
// trip with no tick is reported beside it. (Inside workerd the clock does not advance while code runs,
// so the tick cannot time itself there.) The first samples catch up on ticks that fell due since the
// last run (the bench state is kept): they are the warm-up.
import { devPost } from '../scripts/lib/wrangler.mjs';
import { percentile } from './lib.mjs';
import { adminGet, sample, startSeededWorker } from './worker.mjs';

const BENCH_USER = 'usr_be9c400000';
const TICK_MS = 60_000;

export default async function patrol() {
  const server = await startSeededWorker({ large: true });
  try {
    const town = (await adminGet(server.base, `/users/${BENCH_USER}/towns`)).items[0];
    if (!town) throw new Error('no benchmark town');
    const beads = (await adminGet(server.base, `/towns/${town.id}`)).beads.total;
    let ran = 0;
    const times = await sample(
      async () => {
        ran += (await devPost(server.base, 'clock', { advanceMs: TICK_MS, town_id: town.id })).ticks;
      },
      { warmup: 5, runs: 200 },
    );
    if (ran < 200) throw new Error(`expected a tick per sample, ran ${ran} in 205 samples`);
    // The same round trip running no tick: what of the figure is HTTP, RPC and the clock route itself.
    const idle = await sample(() => devPost(server.base, 'clock', { advanceMs: 0, town_id: town.id }), { warmup: 5, runs: 100 });
    return {
      beads,
      ticks: ran,
      patrol_tick_p50_ms: percentile(times, 50),
      patrol_tick_p95_ms: percentile(times, 95),
      patrol_tick_max_ms: Math.round(Math.max(...times)),
      dev_clock_no_tick_p50_ms: percentile(idle, 50),
      dev_clock_no_tick_p95_ms: percentile(idle, 95),
    };
  } finally {
    await server.stop();
  }
}
