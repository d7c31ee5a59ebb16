// `npm start`: build the SPA, serve it and the reference admin API from one local origin
// (Workers static assets + wrangler dev), seed the scenario towns on first run, print URL and tokens.
// `--api-only` skips the build (for `npm run dev`, where Vite serves the SPA and proxies /api here).
// The towns live: their patrol runs on the worker's alarms in real time; `--speed N` (or GASTOWN_SPEED=N)
// runs their clocks N times faster (`npm start -- --speed 10`: a 60-s patrol tick every 6 s).
import { spawnSync } from 'node:child_process';
import { mintDevToken } from './lib/tokens.mjs';
import { emptyAssetsDir, seed, setPatrol, startWrangler, ROOT } from './lib/wrangler.mjs';

const PORT = 8787;
const apiOnly = process.argv.includes('--api-only');
// `--profile production-today`: the backend records only what production's Gastown records today and
// supports only its admin procedures (server/capabilities.ts, docs/production-mapping.md).
const profileArg = process.argv.indexOf('--profile');
const profile = profileArg > 0 ? process.argv[profileArg + 1] : 'reference';
if (profile !== 'reference' && profile !== 'production-today') {
  console.error('--profile takes reference (default) or production-today.');
  process.exit(2);
}
const speedArg = process.argv.indexOf('--speed');
const speed = Number(speedArg > 0 ? process.argv[speedArg + 1] : (process.env.GASTOWN_SPEED ?? 1));
if (!(speed >= 1 && speed <= 600)) {
  console.error('--speed takes a number from 1 to 600 (how many times faster than real time the towns run).');
  process.exit(2);
}

if (!apiOnly) {
  console.log('Building the SPA (vite build)…');
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log('Starting the reference admin API (wrangler dev, local mode)…');
const server = await startWrangler({ port: PORT, quiet: false, profile, ...(apiOnly ? { assets: emptyAssetsDir() } : {}) });
// The scenario evidence is relative to its seed time: a seed older than this is re-anchored to now,
// unless an admin has acted on it (the worker keeps any state with audit entries).
const REFRESH_AFTER_MS = 30 * 60_000;
const result = await seed(server.base, { refreshAfterMs: REFRESH_AFTER_MS });
const age = (ms) =>
  ms >= 86_400_000
    ? `${Math.round(ms / 86_400_000)} d`
    : ms >= 3_600_000
      ? `${Math.round(ms / 3_600_000)} h`
      : `${Math.round(ms / 60_000)} min`;
if (result.seeded && result.refreshed)
  console.log(
    `Re-anchored the scenario towns to now: the last seed was ${age(result.refreshed.age_ms)} old and nobody had acted on it (${result.towns} towns, ${result.events} SDK events, ${result.ms} ms).`,
  );
else if (result.seeded) console.log(`Seeded ${result.towns} scenario towns (${result.events} SDK events) in ${result.ms} ms.`);
else if (result.stale)
  console.log(
    `Kept the local state: ${result.stale.towns_with_interventions} town(s) hold interventions. It was seeded ${age(result.stale.age_ms)} ago, so the scenario towns' evidence has aged (health findings drift with time); npm run reset-data re-anchors it and wipes the interventions.`,
  );
else console.log(`State already seeded (${result.previous.at}); npm run reset-data reseeds.`);
const patrol = await setPatrol(server.base, { mode: 'live', rate: speed });
console.log(
  `The ${patrol.towns} towns patrol live${speed > 1 ? `, ${speed}× faster than real time` : ' (npm start -- --speed 10 runs them 10× faster)'}.`,
);

// Short-lived like production's: the panel asks for a fresh one when it expires (the sign-in screen's
// dev buttons mint one through POST /api/dev/token), and npm run mint-token prints more.
const DEV_TOKENS = { admin: await mintDevToken({ expiresInS: 3600 }), nonAdmin: await mintDevToken({ admin: false, expiresInS: 3600 }) };
// The SPA takes a dev token from the URL fragment (never sent to the server), so the link signs in.
const appUrl = `${apiOnly ? 'http://127.0.0.1:5173' : server.base}/#token=${DEV_TOKENS.admin}${apiOnly ? '  (npm run dev)' : ''}`;
console.log(`
  Gastown Admin   ${appUrl}
  Admin API       ${server.base}/api/admin
  Admin token     ${DEV_TOKENS.admin}
                  (signed JWT for Alex Ops, valid 1 h; npm run mint-token -- --help for more)
  Non-admin token ${DEV_TOKENS.nonAdmin}
                  (Jamie Ortega, is_admin false: gets 403)

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
