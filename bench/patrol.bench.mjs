// The patrol's cost per tick in the 10k-bead benchmark town (issue 13: p95 < 20 ms, `patrol_tick_p95_ms`).
// Each sample moves that town's clock by one active interval through the dev clock route, which runs
// exactly one tick (dispatch, container, work, GUPP, refinery, convoys, credentials, Mayor) inside its
// transaction on the reference worker. Two figures per sample:
//   patrol_tick_*        the tick itself inside the TownDO (the route's `tick_ms`: the tick's transaction
//                        on the host clock; workerd's clock has millisecond resolution);
//   patrol_round_trip_*  the whole dev-clock round trip (HTTP, Durable Object RPC, the tick, the outbox
//                        delivery of its SDK events to the AgentDOs); the same round trip with no tick is
//                        reported beside it (dev_clock_no_tick_*).
// The first samples catch up on ticks that fell due since the last run (the bench state is kept): they are
// the warm-up.
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
    let warm = 0;
    const inside = [];
    const times = await sample(
      async () => {
        const moved = await devPost(server.base, 'clock', { advanceMs: TICK_MS, town_id: town.id });
        ran += moved.ticks;
        if (++warm > 5) inside.push(moved.tick_ms);
      },
      { warmup: 5, runs: 200 },
    );
    if (ran < 200) throw new Error(`expected a tick per sample, ran ${ran} in 205 samples`);
    // The same round trip running no tick: what of the figure is HTTP, RPC and the clock route itself.
    const idle = await sample(() => devPost(server.base, 'clock', { advanceMs: 0, town_id: town.id }), { warmup: 5, runs: 100 });
    return {
      beads,
      ticks: ran,
      patrol_tick_p50_ms: percentile(inside, 50),
      patrol_tick_p95_ms: percentile(inside, 95),
      patrol_tick_max_ms: Math.max(...inside),
      patrol_round_trip_p50_ms: percentile(times, 50),
      patrol_round_trip_p95_ms: percentile(times, 95),
      patrol_round_trip_max_ms: Math.round(Math.max(...times)),
      dev_clock_no_tick_p50_ms: percentile(idle, 50),
      dev_clock_no_tick_p95_ms: percentile(idle, 95),
    };
  } finally {
    await server.stop();
  }
}
