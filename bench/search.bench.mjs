// Town-wide search (issue 15) on the reference worker: the bench-search town, 50 agents × 20,000 SDK events
// (seed scope `search`, written once into the bench state). One NDJSON request per search, read as it
// streams, as the panel reads it. Targets: first results < 500 ms, complete < 3 s.
// Figures per query kind: `rare` (a needle in a few agents' streams: every stream is scanned to its end),
// `common` (a term in most events: each agent stops at the count cap), `none` (no match anywhere).
import { percentile } from './lib.mjs';
import { ADMIN_TOKEN, searchTown, startSeededWorker } from './worker.mjs';

const QUERIES = {
  rare: 'ENOSPC: no space left',
  common: 'sessionID',
  none: 'zzq-no-such-text-anywhere',
};
const RUNS = 8;

/** One search, timed from the request to its first `hits` line and to its `done` line. */
async function timedSearch(base, townId, q) {
  const started = performance.now();
  const res = await fetch(`${base}/api/admin/towns/${townId}/search?q=${encodeURIComponent(q)}`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, accept: 'application/x-ndjson' },
  });
  if (!res.ok) throw new Error(`search ${q}: ${res.status} ${(await res.text()).slice(0, 200)}`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  let firstLine = null;
  let firstHits = null;
  let done = null;
  let hits = 0;
  let agents = 0;
  for (;;) {
    const { value, done: end } = await reader.read();
    if (end) break;
    buffered += value;
    let nl;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = JSON.parse(buffered.slice(0, nl));
      buffered = buffered.slice(nl + 1);
      const at = performance.now() - started;
      firstLine ??= at;
      if (line.type === 'hits') {
        firstHits ??= at;
        hits += line.total;
      }
      if (line.type === 'done') {
        done = at;
        agents = line.agents_done;
      }
    }
  }
  if (done === null) throw new Error(`search ${q} ended without its done line`);
  return { firstLine, firstHits, done, hits, agents };
}

export default async function search() {
  const server = await startSeededWorker();
  try {
    const { town, agents } = await searchTown(server.base);
    const figures = { agents: agents.length };
    for (const [name, q] of Object.entries(QUERIES)) {
      await timedSearch(server.base, town.id, q); // warm-up: wakes every AgentDO
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await timedSearch(server.base, town.id, q));
      figures[`${name}_first_line_p50_ms`] = percentile(
        runs.map((r) => r.firstLine),
        50,
      );
      if (name !== 'none') {
        figures[`${name}_first_result_p50_ms`] = percentile(
          runs.map((r) => r.firstHits),
          50,
        );
        figures[`${name}_first_result_p95_ms`] = percentile(
          runs.map((r) => r.firstHits),
          95,
        );
      }
      figures[`${name}_complete_p50_ms`] = percentile(
        runs.map((r) => r.done),
        50,
      );
      figures[`${name}_complete_p95_ms`] = percentile(
        runs.map((r) => r.done),
        95,
      );
      figures[`${name}_matches`] = runs[0].hits;
      figures[`${name}_agents_searched`] = runs[0].agents;
    }
    // The headline keys: the worst of the kinds that find something.
    figures.first_result_ms = Math.max(figures.rare_first_result_p95_ms, figures.common_first_result_p95_ms);
    figures.complete_ms = Math.max(figures.rare_complete_p95_ms, figures.common_complete_p95_ms, figures.none_complete_p95_ms);
    figures.events_per_agent = 20_000;
    return figures;
  } finally {
    await server.stop();
  }
}
