// Admin API latency on the benchmark town (10k beads, one agent with 1M SDK events), over HTTP to
// the local worker. Targets (issue 4): town and first beads page p95 < 100 ms; a 500-event page after
// a cursor p95 < 50 ms.
import { percentile } from './lib.mjs';
import { adminGet, sample, startSeededWorker } from './worker.mjs';

export default async function api() {
  const server = await startSeededWorker({ large: true });
  try {
    const owner = 'usr_be9c400000';
    const towns = await adminGet(server.base, `/users/${owner}/towns`);
    const town = towns.items.find((t) => t.beads.total >= 10_000);
    if (!town) throw new Error('the large town is not seeded');
    const agents = await adminGet(server.base, `/towns/${town.id}/agents`);
    const agent = agents.items.reduce((a, b) => ((b.last_sdk_event_at ?? '') > (a.last_sdk_event_at ?? '') ? b : a));
    const { total } = await adminGet(server.base, `/towns/${town.id}/agents/${agent.id}/events?limit=1`);

    const townMs = await sample(() => adminGet(server.base, `/towns/${town.id}`));
    const beadsMs = await sample(() => adminGet(server.base, `/towns/${town.id}/beads`));
    // Cursors spread over the whole stream (deterministic), so no page is served from a warm neighbour.
    const eventsMs = await sample(
      (i) =>
        adminGet(
          server.base,
          `/towns/${town.id}/agents/${agent.id}/events?after=${Math.floor((((i * 7919) % 1000) / 1000) * (total - 500))}&limit=500`,
        ),
      { runs: 100 },
    );
    const indexMs = await sample(
      (i) => adminGet(server.base, `/towns/${town.id}/agents/${agent.id}/event-index?after=${i * 20_000}&limit=20000`),
      { warmup: 1, runs: 20 },
    );

    return {
      town_p95_ms: percentile(townMs, 95),
      beads_page_p95_ms: percentile(beadsMs, 95),
      events_page_p95_ms: percentile(eventsMs, 95),
      event_index_20k_p95_ms: percentile(indexMs, 95),
      town_beads: town.beads.total,
      agent_events: total,
    };
  } finally {
    await server.stop();
  }
}
