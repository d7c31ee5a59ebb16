import { buildLargeTown, buildWorld, USERS } from '../../scenarios';
import type { Host } from '../host';
import { errorResponse, HttpError, json } from '../http/errors';
import { seedTown, seedWorld } from '../seed/seed-world';

/** Whether dev routes answer at all (never in a deploy), and the host's instance id for /api/dev/status. */
export interface DevOptions {
  enabled: boolean;
  instance?: string | undefined;
}

interface SeedRequest {
  /** `world`: the scenario towns and users; `large`: the 10k-bead benchmark town. */
  scope?: 'world' | 'large';
  /** Anchor time (epoch ms); defaults to now. */
  now?: number;
  /** Seed again even when already seeded. */
  force?: boolean;
  /**
   * Re-anchor the towns to now when the last seed's anchor is older than this, unless an admin has
   * acted on them (any audit entry): their failure evidence is relative to the anchor, so a day-old
   * seed shows every town as silent. State that holds interventions is never thrown away.
   */
  refreshAfterMs?: number;
}

/**
 * Dev-only routes, answered only when `DEV_ROUTES=on` (the local scripts pass it to `wrangler dev`;
 * the committed config never sets it). `POST /api/dev/seed` is idempotent: a second call is a no-op
 * (with `refreshAfterMs`, a stale seed nobody has acted on is re-anchored to now).
 */
export async function handleDev(request: Request, host: Host, url: URL, options: DevOptions): Promise<Response> {
  try {
    if (!options.enabled) throw new HttpError(404, 'not_found', 'No such route.');
    if (url.pathname === '/api/dev/status' && request.method === 'GET') {
      const directory = host.objects.directory();
      return json({
        instance: options.instance ?? null,
        world: await directory.getMeta('seeded:world'),
        large: await directory.getMeta('seeded:large'),
      });
    }
    if (url.pathname.startsWith('/api/dev/audit/') && request.method === 'POST')
      return json(
        await devAudit(host, url.pathname.slice('/api/dev/audit/'.length), (await request.json().catch(() => ({}))) as AuditDevRequest),
      );
    if (url.pathname !== '/api/dev/seed' || request.method !== 'POST') throw new HttpError(404, 'not_found', 'No such route.');
    const body = (await request.json().catch(() => ({}))) as SeedRequest;
    const scope = body.scope ?? 'world';
    if (scope !== 'world' && scope !== 'large') throw new HttpError(400, 'bad_request', 'scope: must be world or large');
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
    let result: { towns: number; events: number };
    if (scope === 'world') {
      result = await seedWorld(host, world);
    } else {
      await directory.upsert({ users: world.users, tokens: world.tokens, towns: [] });
      const town = buildLargeTown({ now, ownerId: USERS.bench.id });
      result = { towns: 1, ...(await seedTown(host, town)) };
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

async function townsWithInterventions(host: Host): Promise<number> {
  const counts = await Promise.all((await host.objects.directory().townIds()).map((id) => host.objects.town(id).auditCount()));
  return counts.filter((n) => n > 0).length;
}

interface AuditDevRequest {
  town_id?: string;
  /** `seed`: entries to append (≤ 200,000). */
  count?: number;
  /** `tamper`: the entry to rewrite and its new reason. */
  seq?: number;
  reason?: string;
}

/**
 * `POST /api/dev/audit/{seed,tamper,probe}` with `{ town_id, … }`: bulk-append chained entries (bench),
 * rewrite one entry behind the triggers' back (verification test), or report whether the append-only
 * triggers refuse UPDATE and DELETE. Only here, so only with DEV_ROUTES=on.
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
  throw new HttpError(404, 'not_found', 'No such route.');
}
