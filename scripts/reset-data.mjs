// `npm run reset-data`: delete the local state and seed the scenario towns afresh.
// The state folder is in use while `npm start` runs, so this refuses to run alongside it.
import { rmSync } from 'node:fs';
import { DEFAULT_STATE, emptyAssetsDir, isListening, seed, startWrangler } from './lib/wrangler.mjs';

if (await isListening(8787)) {
  console.error('npm start is running on :8787 — stop it first (Ctrl-C), then run npm run reset-data.');
  process.exit(1);
}
rmSync(DEFAULT_STATE, { recursive: true, force: true });
console.log(`Deleted ${DEFAULT_STATE}; seeding the scenario towns…`);
const server = await startWrangler({ port: 8787, assets: emptyAssetsDir() });
try {
  const result = await seed(server.base, { force: true });
  console.log(`Seeded ${result.towns} towns (${result.events} SDK events) in ${result.ms} ms. npm start serves them.`);
} finally {
  await server.stop();
}
