// Bulk actions on the 10k-bead benchmark town over HTTP to the local worker (issue 15): a dry run of
// "all beads matching status = failed" (~1,100 targets), then the run of that batch over
// /run in steps of 25 targets a request, each target with its own audit entry; then the same filter again
// over the stream route the panel uses (one NDJSON line per target as it completes). `npm run bench -- bulk`.
import { ADMIN_TOKEN, adminGet, startSeededWorker } from './worker.mjs';

const STEP = 25;

async function adminPost(base, path, body) {
  const res = await fetch(`${base}/api/admin${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${(await res.text()).slice(0, 300)}`);
  return res.json();
}

export default async function bulk() {
  const server = await startSeededWorker({ large: true });
  try {
    const towns = await adminGet(server.base, '/users/usr_be9c400000/towns');
    const town = towns.items.find((t) => t.beads.total >= 10_000);
    if (!town) throw new Error('the large town is not seeded');
    // The bench state is kept between runs: move the failed beads to the priority the first of them is not at.
    const first = await adminGet(server.base, `/towns/${town.id}/beads?status=failed&limit=1&sort=created_at`);
    const priority = first.items[0]?.priority === 'critical' ? 'low' : 'critical';
    const key = crypto.randomUUID();

    const t0 = performance.now();
    const preview = await adminPost(server.base, `/towns/${town.id}/batches`, {
      batch_key: key,
      action: 'bead.change_priority',
      selection: { by: 'filter', kind: 'bead', filter: { status: ['failed'] } },
      params: { priority },
      reason: 'bench: bulk priority change over every failed bead',
    });
    const dryRunMs = performance.now() - t0;

    const t1 = performance.now();
    let page;
    let requests = 0;
    do {
      page = await adminPost(server.base, `/towns/${town.id}/batches/${key}/run`, { confirm_count: preview.count, limit: STEP });
      requests++;
    } while (page.pending > 0 && page.results.length > 0);
    const runMs = performance.now() - t1;

    // One audit entry per applied bead, all under the batch's id.
    let entries = 0;
    let before = null;
    for (;;) {
      const audit = await adminGet(
        server.base,
        `/towns/${town.id}/audit?limit=1000${before ? `&before=${encodeURIComponent(before)}` : ''}`,
      );
      entries += audit.items.filter((e) => e.request_id === preview.batch_id).length;
      if (!audit.next_cursor || audit.items.every((e) => e.request_id !== preview.batch_id)) break;
      before = audit.next_cursor;
    }

    // The panel's way: the same filter again (back to the other priority) over the stream route, one
    // NDJSON line per target as it completes.
    const streamKey = crypto.randomUUID();
    const again = await adminPost(server.base, `/towns/${town.id}/batches`, {
      batch_key: streamKey,
      action: 'bead.change_priority',
      selection: { by: 'filter', kind: 'bead', filter: { status: ['failed'] } },
      params: { priority: priority === 'critical' ? 'low' : 'critical' },
      reason: 'bench: the same batch over the stream, target by target',
    });
    const t2 = performance.now();
    const res = await fetch(`${server.base}/api/admin/towns/${town.id}/batches/${streamKey}/stream`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json', accept: 'application/x-ndjson' },
      body: JSON.stringify({ confirm_count: again.count }),
    });
    if (!res.ok) throw new Error(`stream: ${res.status} ${(await res.text()).slice(0, 300)}`);
    let firstTargetMs = null;
    let targetLines = 0;
    let last = null;
    let buffered = '';
    for await (const chunk of res.body.pipeThrough(new TextDecoderStream())) {
      buffered += chunk;
      let nl;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = JSON.parse(buffered.slice(0, nl));
        buffered = buffered.slice(nl + 1);
        if (line.type === 'target') {
          targetLines++;
          firstTargetMs ??= performance.now() - t2;
        }
        last = line;
      }
    }
    const streamMs = performance.now() - t2;
    if (last?.type !== 'done') throw new Error(`the stream ended without done: ${JSON.stringify(last)}`);

    return {
      town_beads: town.beads.total,
      targets: preview.count,
      dry_run_ms: Math.round(dryRunMs),
      run_ms: Math.round(runMs),
      run_requests: requests,
      applied: page.applied,
      failed: page.failed,
      audit_entries_in_batch: entries,
      stream_targets: again.count,
      stream_target_lines: targetLines,
      stream_first_target_ms: Math.round(firstTargetMs ?? -1),
      stream_run_ms: Math.round(streamMs),
      stream_applied: last.page.applied,
    };
  } finally {
    await server.stop();
  }
}
