// `npm run reset-data`: delete the local state and seed the scenario towns afresh — the only way to throw
// away interventions (the dev seed route refuses to reseed a town that holds any). It first says what it
// will wipe (the state folder, and each town whose audit log would go) and asks; `--yes` skips the question.
// The state folder is in use while `npm start` runs, so this refuses to run alongside it.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import { DEFAULT_STATE, DEV_HEADERS, emptyAssetsDir, isListening, seed, startWrangler } from './lib/wrangler.mjs';

const yes = process.argv.includes('--yes') || process.argv.includes('-y');

if (await isListening(8787)) {
  console.error('npm start is running on :8787 — stop it first (Ctrl-C), then run npm run reset-data.');
  process.exit(1);
}

if (existsSync(DEFAULT_STATE)) {
  console.log(`Reading what ${DEFAULT_STATE} holds…`);
  const lines = await describeState();
  console.log(`npm run reset-data will delete ${DEFAULT_STATE}:`);
  for (const line of lines) console.log(`  - ${line}`);
  if (!yes && !(await confirm())) {
    console.log('Nothing deleted.');
    process.exit(1);
  }
  await rm(DEFAULT_STATE, { recursive: true, force: true });
  console.log(`Deleted ${DEFAULT_STATE}; seeding the scenario towns…`);
} else {
  console.log(`No local state at ${DEFAULT_STATE}; seeding the scenario towns…`);
}
const server = await startWrangler({ port: 8787, assets: emptyAssetsDir() });
try {
  const result = await seed(server.base);
  console.log(`Seeded ${result.towns} towns (${result.events} SDK events) in ${result.ms} ms. npm start serves them.`);
} finally {
  await server.stop();
}

/** The seeds and every town with interventions in the current state, read through the worker itself. */
async function describeState() {
  const server = await startWrangler({ port: 8787, assets: emptyAssetsDir() });
  try {
    const get = async (path) => {
      const res = await fetch(`${server.base}${path}`, { headers: DEV_HEADERS });
      if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
      return res.json();
    };
    const status = await get('/api/dev/status');
    const lines = [];
    const seededAt = (record) => (record ? `seeded ${JSON.parse(record).at}` : 'not seeded');
    lines.push(`the scenario towns (${seededAt(status.world)})`);
    if (status.large) lines.push(`the 10k-bead benchmark town (${seededAt(status.large)}; npm run seed:large adds it back)`);
    const { towns } = await get('/api/dev/interventions');
    const held = towns.filter((t) => t.entries > 0);
    for (const town of held) {
      const detail = await get(`/api/admin/towns/${town.town_id}`).catch(() => null);
      const name = detail?.name ?? town.town_id;
      lines.push(`${name}: ${town.entries} audit entr${town.entries === 1 ? 'y' : 'ies'} (interventions), gone for good`);
    }
    if (held.length === 0) lines.push('no interventions (no town has audit entries)');
    return lines;
  } catch (error) {
    return [`(could not read it: ${error instanceof Error ? error.message : String(error)}) — everything in it`];
  } finally {
    await server.stop();
  }
}

async function confirm() {
  if (!process.stdin.isTTY) {
    console.error('Not a terminal: rerun with --yes (npm run reset-data -- --yes) to delete it.');
    return false;
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question('Delete it? Type "yes" to continue: ');
  rl.close();
  return answer.trim().toLowerCase() === 'yes';
}
