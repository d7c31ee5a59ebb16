// The e2e backend: the built app (dist-e2e) and the reference worker on one origin, seeded afresh in
// its own state folder (wiped at start: Playwright may end this process before any cleanup runs).
// Playwright ends the webServer's whole process group, so wrangler stays in it (not detached). Test hooks
// are on: specs that act reseed the towns afterwards (e2e/pages/app.ts).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, seed, startWrangler } from './lib/wrangler.mjs';

const port = Number(process.argv[process.argv.indexOf('--port') + 1]);
if (!Number.isInteger(port)) throw new Error('usage: serve-e2e.mjs --port <port>');
const state = join(ROOT, '.wrangler/e2e-state');
rmSync(state, { recursive: true, force: true });
const server = await startWrangler({ port, persistTo: state, assets: join(ROOT, 'dist-e2e'), detached: false, testHooks: true });
await seed(server.base);
console.log(`e2e backend on ${server.base}`);

const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
