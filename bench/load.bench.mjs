// Load (issue 17): 60 s against the 10,000-bead bench town on the reference worker (loopback only).
// 20 simulated admins keep the town's Events tab open with live refresh: every 1.5 s (LIVE_REFRESH_MS)
// each asks for the town summary and the timeline's first page exactly as the panel does, with the
// ETag of its last answer in If-None-Match. Five of them also act continuously: each changes the
// priority of its own beads back to back, with a reason, an Idempotency-Key and the If-Match version.
// Then every applied action's audit entry is looked up in the town's log and the chain is verified.
// Bounded: LOAD_SECONDS (default 60) of load, 25 connections, one town. LOAD_THINK_MS puts a pause
// between one admin's actions (0 by default).
import { percentile } from './lib.mjs';
import { ADMIN_TOKEN, adminGet, startSeededWorker } from './worker.mjs';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
/** Pause between one acting admin's actions (LOAD_THINK_MS; default 0: back to back, the issue's "continuously"). */
const THINK_MS = Number(process.env.LOAD_THINK_MS ?? 0);
const ADMINS = 20;
const ACTORS = 5;
/** src/lib/live-refresh.ts LIVE_REFRESH_MS: how often a live view asks again. */
const POLL_MS = 1_500;
/** The Events tab's query (TIMELINE_PAGE_SIZE, default view: no filter). */
const TIMELINE_QUERY = 'limit=1000';
const BEADS_PER_ACTOR = 20;
const PRIORITIES = ['low', 'medium', 'high', 'critical'];

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
const sleep = (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

export default async function load() {
  const server = await startSeededWorker({ large: true });
  const base = server.base;
  try {
    const town = (await adminGet(base, '/users/usr_be9c400000/towns')).items[0].id;
    const reads = { summary: `/api/admin/towns/${town}`, timeline: `/api/admin/towns/${town}/timeline?${TIMELINE_QUERY}` };
    const beads = (await adminGet(base, `/towns/${town}/beads?sort=created_at&limit=${ACTORS * BEADS_PER_ACTOR}`)).items;
    if (beads.length < ACTORS * BEADS_PER_ACTOR) throw new Error(`the bench town has ${beads.length} beads`);
    const headBefore = (await adminGet(base, `/towns/${town}/audit?limit=1`)).items[0]?.seq ?? 0;

    const samples = { summary: [], timeline: [] };
    const statuses = { 200: 0, 304: 0 };
    const errors = [];
    const acts = [];
    const applied = [];
    const started = Date.now();
    const end = started + SECONDS * 1000;

    /** One admin's open tab: both live queries every POLL_MS, each with its last ETag. */
    const admin = async (i) => {
      const tags = {};
      await sleep((i * POLL_MS) / ADMINS);
      for (let tick = 0; ; tick++) {
        const due = started + (i * POLL_MS) / ADMINS + tick * POLL_MS;
        if (due >= end) return;
        await sleep(due - Date.now());
        await Promise.all(
          Object.entries(reads).map(async ([name, path]) => {
            const t0 = performance.now();
            try {
              const res = await fetch(`${base}${path}`, { headers: { ...auth, ...(tags[name] ? { 'if-none-match': tags[name] } : {}) } });
              if (res.status === 200) {
                await res.arrayBuffer();
                tags[name] = res.headers.get('etag') ?? undefined;
              } else if (res.status === 304) await res.arrayBuffer();
              else throw new Error(`${res.status} ${(await res.text()).slice(0, 200)}`);
              samples[name].push(performance.now() - t0);
              statuses[res.status]++;
            } catch (error) {
              errors.push(`GET ${name}: ${error.message ?? error}`);
            }
          }),
        );
      }
    };

    /** One acting admin: its own beads' priorities, changed back to back until the time is up. */
    const actor = async (a) => {
      const mine = beads.slice(a * BEADS_PER_ACTOR, (a + 1) * BEADS_PER_ACTOR).map((b) => ({ ...b }));
      for (let n = 0; Date.now() < end; n++) {
        const bead = mine[n % mine.length];
        const priority = PRIORITIES[(PRIORITIES.indexOf(bead.priority) + 1) % PRIORITIES.length];
        const reason = `load bench: admin ${a} change ${n}, ${bead.priority} to ${priority}`;
        const t0 = performance.now();
        try {
          const res = await fetch(`${base}/api/admin/towns/${town}/actions/bead.change_priority`, {
            method: 'POST',
            headers: {
              ...auth,
              'content-type': 'application/json',
              'idempotency-key': `load-${started}-${a}-${n}`,
              'if-match': String(bead.version),
            },
            body: JSON.stringify({ target: { kind: 'bead', id: bead.id }, params: { priority }, reason, dryRun: false }),
          });
          const body = await res.json();
          if (!res.ok) throw new Error(`${res.status} ${body.error?.code ?? ''} ${body.error?.message ?? ''}`);
          acts.push(performance.now() - t0);
          applied.push({ id: body.audit_entry.id, seq: body.audit_entry.seq, reason });
          bead.version = body.target_version;
          bead.priority = priority;
        } catch (error) {
          errors.push(`POST bead.change_priority: ${error.message ?? error}`);
        }
        if (THINK_MS > 0) await sleep(THINK_MS);
      }
    };

    await Promise.all([...Array.from({ length: ADMINS }, (_, i) => admin(i)), ...Array.from({ length: ACTORS }, (_, a) => actor(a))]);
    const elapsed = (Date.now() - started) / 1000;

    // Every applied action has its entry, with the reason it was sent with; then the whole chain verifies.
    const logged = new Map();
    let cursor = null;
    for (;;) {
      const page = await adminGet(base, `/towns/${town}/audit?limit=1000${cursor ? `&before=${encodeURIComponent(cursor)}` : ''}`);
      for (const e of page.items) logged.set(e.id, e);
      cursor = page.next_cursor;
      if (!cursor || page.items.length === 0 || page.items.at(-1).seq <= headBefore) break;
    }
    const missing = applied.filter((a) => logged.get(a.id)?.reason !== a.reason);
    const verifyStarted = performance.now();
    const verification = await adminGet(base, `/towns/${town}/audit/verify`);
    const verifyMs = performance.now() - verifyStarted;
    if (errors.length) console.log(`  errors (first 5):\n    ${errors.slice(0, 5).join('\n    ')}`);
    if (!verification.verified) console.log(`  chain broken at ${verification.broken_at}: ${verification.problem}`);

    const allReads = [...samples.summary, ...samples.timeline];
    return {
      seconds: Math.round(elapsed),
      admins: ADMINS,
      acting_admins: ACTORS,
      poll_ms: POLL_MS,
      think_ms: THINK_MS,
      reads: allReads.length,
      reads_per_s: Math.round(allReads.length / elapsed),
      reads_304: statuses[304],
      reads_200: statuses[200],
      read_p50_ms: percentile(allReads, 50),
      read_p95_ms: percentile(allReads, 95),
      read_p99_ms: percentile(allReads, 99),
      summary_p95_ms: percentile(samples.summary, 95),
      timeline_p95_ms: percentile(samples.timeline, 95),
      acts: acts.length,
      acts_per_s: Math.round((acts.length / elapsed) * 10) / 10,
      act_p50_ms: percentile(acts, 50),
      act_p95_ms: percentile(acts, 95),
      errors: errors.length,
      audit_missing: missing.length,
      audit_entries: verification.entries,
      chain_verified: verification.verified ? 1 : 0,
      verify_ms: Math.round(verifyMs),
    };
  } finally {
    await server.stop();
  }
}
