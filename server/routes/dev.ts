import { buildIntegrations, buildLargeTown, buildSearchTown, buildWorld, LARGE_AGENT_EVENTS, USERS } from '../../scenarios';
import type { Host } from '../host';
import { TOWN_FAULTS, type PatrolMode } from '../town/town';
import { errorResponse, HttpError, json } from '../http/errors';
import { seedTown, seedWorld } from '../seed/seed-world';
import { parseHostileText, plantHostileText } from '../seed/hostile-text';
import { checkDevOrigin, guardDevRequest } from './dev-gate';
import { devSdkEvents } from './dev-events';
import { mintAdminToken, MAX_LIFETIME_S, type AdminTokenConfig } from '../auth/admin-token';

/** Whether dev routes answer at all (never in a deploy), and the host's instance id for /api/dev/status. */
export interface DevOptions {
  enabled: boolean;
  instance?: string | undefined;
  /**
   * The test-only hooks (`TEST_HOOKS=on`, passed by the test and bench harness only, never by `npm start`):
   * rewriting or bulk-appending audit entries, and reseeding towns that hold interventions.
   */
  testHooks?: boolean | undefined;
  /**
   * The key (`kid`, one of the auth keys) `POST /api/dev/token` signs with, standing in for the
   * dashboard that mints admin tokens in production; without it that route does not exist.
   */
  signingKid?: string | undefined;
}

interface SeedRequest {
  /** `world`: the scenario towns and users; `large`: the 10k-bead benchmark town; `search`: 50 agents × 20k SDK events. */
  scope?: 'world' | 'large' | 'search';
  /** Anchor time (epoch ms); defaults to now. */
  now?: number;
  /**
   * `large` only: how many SDK events the busiest agent's stream holds (default LARGE_AGENT_EVENTS, a
   * million); the e2e specs that need the town's 10k beads and stalled polecats seed fewer to start fast.
   */
  events?: number;
  /** Seed again even when already seeded. */
  force?: boolean;
  /** How the seeded towns' patrol runs: `live` on the host's alarms (npm start), `manual` by the dev clock only (tests). */
  patrol?: PatrolMode;
  /**
   * Re-anchor the towns to now when the last seed's anchor is older than this, unless an admin has
   * acted on them (any audit entry): their failure evidence is relative to the anchor, so a day-old
   * seed shows every town as silent. State that holds interventions is never thrown away.
   */
  refreshAfterMs?: number;
  /** Test hooks only: replace the world's free text with a hostile corpus (server/seed/hostile-text.ts). */
  hostile?: unknown;
}

/**
 * Dev-only routes, answered only when `DEV_ROUTES=on` (the local scripts pass it to `wrangler dev`;
 * the committed config never sets it), and only to a same-origin JSON request with the admin token
 * (dev-gate.ts). `POST /api/dev/seed` is idempotent: a second call is a no-op (with `refreshAfterMs`,
 * a stale seed nobody has acted on is re-anchored to now), and it never replaces a town that holds
 * interventions: that is `npm run reset-data`'s job, which says what it wipes.
 */
export async function handleDev(request: Request, host: Host, url: URL, options: DevOptions, auth: AdminTokenConfig): Promise<Response> {
  try {
    if (!options.enabled) throw new HttpError(404, 'not_found', 'No such route.');
    if (url.pathname === '/api/dev/token' && request.method === 'POST') {
      checkDevOrigin(request, url);
      return json(await devToken(request, options, auth));
    }
    await guardDevRequest(request, host, url, auth);
    if (url.pathname === '/api/dev/status' && request.method === 'GET') {
      const directory = host.objects.directory();
      return json({
        instance: options.instance ?? null,
        world: await directory.getMeta('seeded:world'),
        large: await directory.getMeta('seeded:large'),
      });
    }
    if (url.pathname === '/api/dev/clock') return json(await devClock(request, host, url));
    if (url.pathname === '/api/dev/patrol' && request.method === 'POST') return json(await devPatrol(request, host));
    if (url.pathname === '/api/dev/interventions' && request.method === 'GET') return json(await interventions(host));
    if (url.pathname === '/api/dev/sdk-events' && request.method === 'POST') {
      if (!options.testHooks)
        throw new HttpError(404, 'not_found', 'No such route: SDK event writes exist only under the test harness (TEST_HOOKS).');
      return json(await devSdkEvents(host, await readBody(request)));
    }
    if (url.pathname === '/api/dev/fault' && request.method === 'POST') {
      if (!options.testHooks)
        throw new HttpError(404, 'not_found', 'No such route: fault injection exists only under the test harness (TEST_HOOKS).');
      return json(await devFault(host, await readBody(request)));
    }
    if (url.pathname.startsWith('/api/dev/audit/') && request.method === 'POST') {
      if (!options.testHooks)
        throw new HttpError(404, 'not_found', 'No such route: audit test hooks exist only under the test harness (TEST_HOOKS).');
      return json(await devAudit(host, url.pathname.slice('/api/dev/audit/'.length), (await readBody(request)) as AuditDevRequest));
    }
    if (url.pathname !== '/api/dev/seed' || request.method !== 'POST') throw new HttpError(404, 'not_found', 'No such route.');
    const body = (await readBody(request)) as SeedRequest;
    const scope = body.scope ?? 'world';
    if (scope !== 'world' && scope !== 'large' && scope !== 'search')
      throw new HttpError(400, 'bad_request', 'scope: must be world, large or search');
    const directory = host.objects.directory();
    const key = `seeded:${scope}`;
    const previous = await directory.getMeta(key);
    let refreshed: { age_ms: number } | null = null;
    if (previous && !body.force) {
      const record = JSON.parse(previous) as { now: string };
      const age = host.clock.now() - Date.parse(record.now);
      if (scope !== 'world' || typeof body.refreshAfterMs !== 'number' || !(age > body.refreshAfterMs))
        return json({ seeded: false, scope, previous: record });
      const audited = await townsWithInterventions(host);
      if (audited > 0) return json({ seeded: false, scope, previous: record, stale: { age_ms: age, towns_with_interventions: audited } });
      refreshed = { age_ms: age };
    }
    const now = typeof body.now === 'number' ? body.now : host.clock.now();
    const started = host.clock.now();
    const world = buildWorld({ now });
    if (body.hostile !== undefined) {
      if (!options.testHooks)
        throw new HttpError(404, 'not_found', 'No such route: hostile text exists only under the test harness (TEST_HOOKS).');
      if (scope !== 'world') throw new HttpError(400, 'bad_request', 'hostile: only with scope world', { parameter: 'hostile' });
      plantHostileText(world, parseHostileText(body.hostile));
    }
    const large =
      scope === 'large'
        ? buildLargeTown({ now, ownerId: USERS.bench.id, events: seedEvents(body.events) })
        : scope === 'search'
          ? buildSearchTown({ now, ownerId: USERS.bench.id })
          : null;
    if (!options.testHooks)
      await refuseIfIntervened(
        host,
        (large ? [large] : world.towns).map((t) => t.town.id),
      );
    let result: { towns: number; events: number };
    // The reseeded towns start with empty logs: their old signed heads would call those truncated.
    await directory.clearAuditAnchors((large ? [large] : world.towns).map((t) => t.town.id));
    if (!large) {
      result = await seedWorld(host, world, body.patrol ?? 'manual');
      await directory.setMeta(CLOCK_OFFSET, '0');
    } else {
      await directory.upsert({ users: world.users, towns: [], integrations: buildIntegrations([large]) });
      result = { towns: 1, ...(await seedTown(host, large, body.patrol ?? 'manual')) };
    }
    const record = {
      at: new Date(host.clock.now()).toISOString(),
      now: new Date(now).toISOString(),
      ...result,
      ms: host.clock.now() - started,
    };
    await directory.setMeta(key, JSON.stringify(record));
    return json({ seeded: true, scope, ...record, ...(refreshed ? { refreshed } : {}) });
  } catch (error) {
    return errorResponse(error);
  }
}

function seedEvents(events: unknown): number | undefined {
  if (events === undefined) return undefined;
  if (typeof events !== 'number' || !Number.isInteger(events) || events < 0 || events > LARGE_AGENT_EVENTS)
    throw new HttpError(400, 'bad_request', `events: a whole number from 0 to ${LARGE_AGENT_EVENTS}`);
  return events;
}

/** Each registered town's audit entry count: `GET /api/dev/interventions` (what `npm run reset-data` would wipe). */
async function interventions(host: Host): Promise<{ towns: { town_id: string; entries: number }[] }> {
  const ids = await host.objects.directory().townIds();
  const counts = await Promise.all(ids.map((id) => host.objects.town(id).auditCount()));
  return { towns: ids.map((town_id, i) => ({ town_id, entries: counts[i]! })) };
}

async function townsWithInterventions(host: Host, only?: Set<string>): Promise<number> {
  const { towns } = await interventions(host);
  return towns.filter((t) => t.entries > 0 && (!only || only.has(t.town_id))).length;
}

/**
 * Seeding replaces a town's whole database, audit log included, so a town that holds interventions is
 * never reseeded by a route: the operator wipes the local state deliberately with `npm run reset-data`.
 */
async function refuseIfIntervened(host: Host, townIds: string[]): Promise<void> {
  const held = await townsWithInterventions(host, new Set(townIds));
  if (held > 0)
    throw new HttpError(
      409,
      'interventions_present',
      `${held} town(s) hold interventions: reseeding would delete their audit log, so it is refused. To start over, stop npm start and run npm run reset-data (it lists what it wipes and asks first).`,
      { towns_with_interventions: held },
    );
}

interface AuditDevRequest {
  town_id?: string;
  /** `seed`: entries to append (≤ 200,000). */
  count?: number;
  /** `tamper`: the entry to rewrite and its new reason. */
  seq?: number;
  reason?: string;
  /** `truncate`: how many entries stay (the newer ones are deleted behind the triggers). */
  keep?: number;
}

/**
 * `POST /api/dev/audit/{seed,tamper,truncate,probe}` with `{ town_id, … }`: bulk-append chained entries
 * (bench), rewrite one entry or delete the newest ones behind the triggers' back (verification tests),
 * or report whether the append-only triggers refuse UPDATE and DELETE. Test hooks only (TEST_HOOKS).
 */
async function devAudit(host: Host, op: string, body: AuditDevRequest): Promise<unknown> {
  const townId = String(body.town_id ?? '');
  if (!(await host.objects.directory().townIds()).includes(townId))
    throw new HttpError(404, 'not_found', `No town ${townId.slice(0, 80)}.`);
  const town = host.objects.town(townId);
  if (op === 'seed') {
    const count = Number(body.count);
    if (!Number.isInteger(count) || count < 1 || count > 200_000)
      throw new HttpError(400, 'bad_request', 'count: an integer from 1 to 200000');
    return town.devSeedAudit(count);
  }
  if (op === 'tamper') {
    const seq = Number(body.seq);
    if (!Number.isInteger(seq) || seq < 1) throw new HttpError(400, 'bad_request', 'seq: a positive integer');
    return town.devTamperAudit(seq, String(body.reason ?? 'tampered'));
  }
  if (op === 'probe') return town.devProbeAuditTriggers();
  if (op === 'truncate') {
    const keep = Number(body.keep);
    if (!Number.isInteger(keep) || keep < 0) throw new HttpError(400, 'bad_request', 'keep: the number of entries to keep (0 or more)');
    return town.devTruncateAudit(keep);
  }
  throw new HttpError(404, 'not_found', 'No such route.');
}

/** `POST /api/dev/fault` with `{ town_id, fault }`: the town crashes the next time it reaches that point (test hook). */
async function devFault(host: Host, body: Record<string, unknown>): Promise<unknown> {
  const townId = String(body.town_id ?? '');
  if (!(await host.objects.directory().townIds()).includes(townId))
    throw new HttpError(404, 'not_found', `No town ${townId.slice(0, 80)}.`);
  const fault = TOWN_FAULTS.find((f) => f === body.fault);
  if (!fault) throw new HttpError(400, 'bad_request', `fault: one of ${TOWN_FAULTS.join(', ')}`, { parameter: 'fault' });
  return host.objects.town(townId).devArmFault(fault);
}

/** The deployment-wide dev clock offset, kept by the directory (each town keeps its own copy). */
const CLOCK_OFFSET = 'dev_clock_offset_ms';
/** One advance moves at most a week: ticks are run, not skipped. */
const MAX_ADVANCE_MS = 7 * 24 * 3600_000;

async function readBody(request: Request): Promise<Record<string, unknown>> {
  try {
    const body = (await request.json()) as unknown;
    return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  } catch {
    throw new HttpError(400, 'bad_request', 'The request body is not JSON.', { parameter: 'body' });
  }
}

/**
 * `GET /api/dev/clock` → `{ now }`; `POST` with `{ advanceMs, town_id? }` moves the clock forward and runs
 * every patrol tick that falls due, town by town, in order → `{ now, ticks }`. With `town_id`, only that
 * town moves (a test that follows one town need not run the others' ticks). `tick_ms`: how long the ticks
 * themselves took inside the town objects (host clock), without the route's HTTP, RPC and outbox delivery.
 */
async function devClock(request: Request, host: Host, url: URL): Promise<{ now: string; ticks?: number; tick_ms?: number }> {
  const directory = host.objects.directory();
  if (request.method === 'GET') {
    const townId = url.searchParams.get('town_id');
    if (townId && (await directory.townIds()).includes(townId)) return { now: (await host.objects.town(townId).clockNow()).now };
    const offset = Number((await directory.getMeta(CLOCK_OFFSET)) ?? 0);
    return { now: new Date(host.clock.now() + offset).toISOString() };
  }
  if (request.method !== 'POST') throw new HttpError(405, 'method_not_allowed', 'Use GET or POST on /api/dev/clock.');
  const body = await readBody(request);
  const advanceMs = body.advanceMs;
  if (typeof advanceMs !== 'number' || !Number.isInteger(advanceMs) || advanceMs < 0 || advanceMs > MAX_ADVANCE_MS)
    throw new HttpError(400, 'bad_request', `advanceMs: an integer from 0 to ${MAX_ADVANCE_MS}`, { parameter: 'advanceMs' });
  const known = await directory.townIds();
  const only = typeof body.town_id === 'string' ? body.town_id : null;
  if (only && !known.includes(only)) throw new HttpError(404, 'not_found', `No town ${only.slice(0, 80)}.`, { resource: 'town' });
  // The answer waits for the ticks, not for their outbox delivery to the AgentDOs (it follows at once,
  // retried by alarm): a town's time moves at the cost of its ticks plus one RPC.
  if (only) {
    const moved = await host.objects.town(only).advanceClock(advanceMs, 'after');
    return { now: moved.now, ticks: moved.ticks, tick_ms: moved.tick_ms };
  }
  const offset = Number((await directory.getMeta(CLOCK_OFFSET)) ?? 0);
  let ticks = 0;
  let tickMs = 0;
  for (const townId of known) {
    const moved = await host.objects.town(townId).advanceClock(advanceMs, 'after');
    ticks += moved.ticks;
    tickMs += moved.tick_ms;
  }
  await directory.setMeta(CLOCK_OFFSET, String(offset + advanceMs));
  return { now: new Date(host.clock.now() + offset + advanceMs).toISOString(), ticks, tick_ms: tickMs };
}

/** `POST /api/dev/patrol` with `{ mode: 'live' | 'manual', rate? }`: how every town's patrol runs (npm start sets live). */
async function devPatrol(request: Request, host: Host): Promise<{ towns: number; mode: PatrolMode; rate: number }> {
  const body = await readBody(request);
  const mode = body.mode;
  if (mode !== 'live' && mode !== 'manual') throw new HttpError(400, 'bad_request', 'mode: live or manual', { parameter: 'mode' });
  const rate = body.rate === undefined ? 1 : body.rate;
  if (typeof rate !== 'number' || !(rate >= 1 && rate <= 600))
    throw new HttpError(400, 'bad_request', 'rate: a number from 1 to 600', { parameter: 'rate' });
  const towns = await host.objects.directory().townIds();
  for (const townId of towns) await host.objects.town(townId).setPatrol(mode, rate);
  return { towns: towns.length, mode, rate };
}

/**
 * `POST /api/dev/token` `{ admin?: boolean, expires_in_s?: number }`: a signed token for the scenario
 * admin (Alex Ops) or, with `admin: false`, the support operator (Jamie Ortega, 403 everywhere) — the
 * dev stand-in for the dashboard that mints admin tokens, so the sign-in screen and a renewal after
 * expiry need no secret in the page. Same origin and JSON only, like every dev route; no token needed.
 */
async function devToken(request: Request, options: DevOptions, auth: AdminTokenConfig) {
  const kid = options.signingKid;
  const secret = kid === undefined ? undefined : auth.keys[kid];
  if (kid === undefined || secret === undefined)
    throw new HttpError(404, 'not_found', 'No such route: this deployment has no dev signing key.');
  const body = ((await readBody(request)) ?? {}) as { admin?: unknown; expires_in_s?: unknown };
  const admin = body.admin !== false;
  const expiresInS = typeof body.expires_in_s === 'number' ? body.expires_in_s : 60 * 60;
  if (!Number.isInteger(expiresInS) || expiresInS < 1 || expiresInS > MAX_LIFETIME_S)
    throw new HttpError(400, 'bad_request', `expires_in_s: a whole number of seconds from 1 to ${MAX_LIFETIME_S}`, {
      parameter: 'expires_in_s',
    });
  const user = admin ? USERS.admin : USERS.support;
  const now = auth.now();
  const token = await mintAdminToken({
    user_id: user.id,
    email: user.email,
    name: user.name,
    is_admin: admin,
    kid,
    secret,
    issuer: auth.issuer,
    audience: auth.audience,
    now,
    expiresInS,
  });
  return { token, user_id: user.id, is_admin: admin, expires_at: new Date(now + expiresInS * 1000).toISOString() };
}
