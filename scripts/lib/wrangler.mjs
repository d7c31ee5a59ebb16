// Starting and stopping a local `wrangler dev` (workerd, SQLite Durable Objects) for scripts, tests
// and benches. Local mode only: no Cloudflare login, no network, metrics off.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEV_AUTH_VARS, DEV_TOKENS } from './tokens.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Where `npm start` keeps its state (wrangler's default, so `wrangler dev` by hand sees the same data). */
export const DEFAULT_STATE = join(ROOT, '.wrangler/state');

/**
 * Starts `wrangler dev` and resolves once it answers. `assets` overrides the SPA folder (tests and
 * benches that need no SPA pass an empty one, so they do not depend on `vite build`). `detached` puts
 * wrangler in its own process group so `stop()` ends it with its workerd children; a caller whose own
 * supervisor kills its whole group (Playwright's webServer) passes `detached: false` instead.
 * `testHooks` turns on the test-only dev hooks (TEST_HOOKS: audit tamper and bulk append, reseeding
 * towns that hold interventions): tests and benches pass it, `npm start` and the data scripts never do.
 */
export async function startWrangler({
  port,
  persistTo = DEFAULT_STATE,
  assets,
  quiet = true,
  timeoutMs = 60_000,
  detached = true,
  testHooks = false,
  profile = 'reference',
  corsOrigins = process.env.VITE_EMBED_ALLOWED_ORIGINS ?? '',
}) {
  // Our own id, answered by /api/dev/status: a server some other run left on this port is never
  // mistaken for ours.
  const instance = randomUUID();
  const args = [
    'wrangler',
    'dev',
    '--local',
    '--port',
    String(port),
    '--ip',
    '127.0.0.1',
    '--persist-to',
    persistTo,
    '--var',
    'DEV_ROUTES:on',
    '--var',
    `DEV_INSTANCE:${instance}`,
    // The dev token keys: wrangler dev verifies (and its dev route mints) the tokens scripts/lib/tokens.mjs signs.
    ...Object.entries(DEV_AUTH_VARS).flatMap(([name, value]) => ['--var', `${name}:${value}`]),
    ...(testHooks ? ['--var', 'TEST_HOOKS:on'] : []),
    // Which deployment the backend plays (server/capabilities.ts): `production-today` records only what production records.
    ...(profile !== 'reference' ? ['--var', `PROFILE:${profile}`] : []),
    // The dashboards that embed the panel get CORS on the admin API (server/http/cors.ts).
    ...(corsOrigins
      ? [
          '--var',
          `EMBED_ALLOWED_ORIGINS:${corsOrigins
            .split(/[\s,]+/)
            .filter(Boolean)
            .join(',')}`,
        ]
      : []),
    '--var',
    `AUDIT_ANCHOR_KEY:${anchorKey(persistTo)}`,
    '--show-interactive-dev-session=false',
    '--log-level',
    'warn',
  ];
  if (assets) args.push('--assets', assets);
  const child = spawn('npx', args, {
    cwd: ROOT,
    // No network here: without this, miniflare tries to fetch Request.cf data and the first requests can hang on it.
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', CI: '1' },
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
    detached,
  });
  let output = '';
  child.stdout?.on('data', (d) => (output = (output + d).slice(-4000)));
  child.stderr?.on('data', (d) => (output = (output + d).slice(-4000)));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await (detached ? stopProcessGroup(child) : stopChild(child));
    releasePort(port);
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${base}/api/dev/status`, { headers: DEV_HEADERS });
      if (res.ok && (await res.json()).instance === instance) return { base, stop, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`wrangler dev did not answer on ${base} within ${timeoutMs} ms:\n${output}`);
}

/**
 * The key that signs this state's audit chain heads: made once per state folder and kept beside (not
 * inside) the objects' databases, so a state keeps verifying across restarts. A deploy sets its own as a
 * Worker secret (`wrangler secret put AUDIT_ANCHOR_KEY`).
 */
function anchorKey(persistTo) {
  const file = join(persistTo, 'audit-anchor.key');
  if (!existsSync(file)) {
    mkdirSync(persistTo, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/** Whether the process has ended: a signal's end leaves `exitCode` null and sets `signalCode`. */
const hasExited = (child) => child.exitCode !== null || child.signalCode !== null;

async function stopChild(child) {
  if (hasExited(child)) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** Stops wrangler and the workerd it started (they share the detached process group). */
export async function stopProcessGroup(child) {
  if (hasExited(child) || child.pid === undefined) return;
  const exited = new Promise((r) => child.once('exit', r));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 5000);
  await exited;
  clearTimeout(timer);
}

/** What every dev route asks for: the admin token and a JSON body (server/routes/dev-gate.ts). */
export const DEV_HEADERS = { authorization: `Bearer ${DEV_TOKENS.admin}`, 'content-type': 'application/json' };

/** POSTs a JSON body to a dev route (`/api/dev/…`) with the admin token; the parsed answer, or an error naming the status. */
export async function devPost(base, path, body) {
  const res = await fetch(`${base}/api/dev/${path}`, { method: 'POST', headers: DEV_HEADERS, body: JSON.stringify(body) });
  const answer = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`POST /api/dev/${path}: ${res.status} ${JSON.stringify(answer)}`);
  return answer;
}

/**
 * Seeds through the dev route (idempotent unless `force`). A town that holds interventions is never
 * reseeded unless the server runs with test hooks: the route answers 409 pointing to `npm run reset-data`.
 */
export async function seed(base, { scope = 'world', now, force = false, refreshAfterMs } = {}) {
  const res = await fetch(`${base}/api/dev/seed`, {
    method: 'POST',
    headers: DEV_HEADERS,
    body: JSON.stringify({
      scope,
      force,
      ...(now === undefined ? {} : { now }),
      ...(refreshAfterMs === undefined ? {} : { refreshAfterMs }),
    }),
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`seeding ${scope} failed: ${res.status} ${body?.error?.message ?? JSON.stringify(body)}`);
  return body;
}

/** Sets how every town's patrol runs: `live` on the worker's alarms at `rate` × real time, or `manual` (dev clock only). */
export async function setPatrol(base, { mode, rate = 1 }) {
  const res = await fetch(`${base}/api/dev/patrol`, {
    method: 'POST',
    headers: DEV_HEADERS,
    body: JSON.stringify({ mode, rate }),
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`setting the patrol failed: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** An assets folder with a placeholder page, for runs that serve only the API. */
export function emptyAssetsDir() {
  const dir = join(ROOT, '.wrangler/empty-assets');
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Gastown Admin API</title><p>API only: run npm start for the app.</p>');
  return dir;
}

/** True when something already answers on the port (e.g. `npm start` is running). */
export async function isListening(port) {
  try {
    await fetch(`http://127.0.0.1:${port}/api/dev/status`, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

const PORT_LOCKS = join(tmpdir(), 'gastown-admin-ports');

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
};

/**
 * Claims a port for this process with an exclusive lock file, so two runs (or two test files in one
 * run) probing the same range at once never pick the same port. A lock whose process died is taken over.
 */
function claimPort(port) {
  mkdirSync(PORT_LOCKS, { recursive: true });
  const lock = join(PORT_LOCKS, `${port}.lock`);
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
    return true;
  } catch {
    const owner = Number(readFileSync(lock, 'utf8').trim() || 0);
    if (owner && alive(owner)) return false;
    rmSync(lock, { force: true });
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return true;
    } catch {
      return false;
    }
  }
}

/** Gives a port claimed by `freePort` back (called by `stop()`; also on exit for anything left). */
export function releasePort(port) {
  if (claimed.delete(port)) rmSync(join(PORT_LOCKS, `${port}.lock`), { force: true });
}

const claimed = new Set();
process.once('exit', () => {
  for (const port of [...claimed]) releasePort(port);
});

/**
 * The first port in [from, to] that this process could claim and nothing listens on (tests and
 * benches each take one of their range). The claim holds until `releasePort` or the process ends.
 */
export async function freePort(from, to) {
  const { createServer } = await import('node:net');
  for (let port = from; port <= to; port++) {
    if (!claimPort(port)) continue;
    claimed.add(port);
    const free = await new Promise((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
    releasePort(port);
  }
  throw new Error(`no free port in ${from}–${to}`);
}

/**
 * `startWrangler` on the first claimable free port in [from, to]. Runs of other checkouts may probe the
 * same range without our locks and bind a port between our probe and wrangler's bind: when wrangler
 * exits at start, the next port is tried.
 */
export async function startWranglerInRange(from, to, options = {}) {
  let lastError = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort(from, to);
    try {
      return await startWrangler({ ...options, port });
    } catch (error) {
      releasePort(port);
      lastError = error;
      if (!String(error?.message).startsWith('wrangler dev exited')) throw error;
    }
  }
  throw lastError;
}
