// `npm start`: build the SPA, serve it and the reference admin API from one local origin
// (Workers static assets + wrangler dev), seed the scenario towns on first run, print URL and tokens.
// `--api-only` skips the build (for `npm run dev`, where Vite serves the SPA and proxies /api here).
import { spawnSync } from 'node:child_process';
import { DEV_TOKENS } from './lib/tokens.mjs';
import { emptyAssetsDir, seed, startWrangler, ROOT } from './lib/wrangler.mjs';

const PORT = 8787;
const apiOnly = process.argv.includes('--api-only');

if (!apiOnly) {
  console.log('Building the SPA (vite build)…');
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log('Starting the reference admin API (wrangler dev, local mode)…');
const server = await startWrangler({ port: PORT, quiet: false, ...(apiOnly ? { assets: emptyAssetsDir() } : {}) });
const result = await seed(server.base);
console.log(result.seeded ? `Seeded ${result.towns} scenario towns (${result.events} SDK events) in ${result.ms} ms.` : `State already seeded (${result.previous.at}); npm run reset-data reseeds.`);

// The SPA takes a dev token from the URL fragment (never sent to the server), so the link signs in.
const appUrl = `${apiOnly ? 'http://127.0.0.1:5173' : server.base}/#token=${DEV_TOKENS.admin}${apiOnly ? '  (npm run dev)' : ''}`;
console.log(`
  Gastown Admin   ${appUrl}
  Admin API       ${server.base}/api/admin
  Admin token     ${DEV_TOKENS.admin}
  Non-admin token ${DEV_TOKENS.nonAdmin}   (gets 403)

  curl -H 'Authorization: Bearer ${DEV_TOKENS.admin}' ${server.base}/api/admin/session
  Ctrl-C stops the server; state stays in .wrangler/state.
`);

const shutdown = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
server.child.on('exit', (code) => process.exit(code ?? 0));
