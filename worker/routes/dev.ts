import { buildLargeTown, buildWorld, USERS } from '../../src/mocks/scenarios';
import { directoryOf, type Env } from '../env';
import { errorResponse, HttpError, json } from '../http/errors';
import { seedTown, seedWorld } from '../seed/seed-world';

interface SeedRequest {
  /** `world`: the scenario towns and users; `large`: the 10k-bead benchmark town. */
  scope?: 'world' | 'large';
  /** Anchor time (epoch ms); defaults to now. */
  now?: number;
  /** Seed again even when already seeded. */
  force?: boolean;
}

/**
 * Dev-only routes, answered only when `DEV_ROUTES=on` (the local scripts pass it to `wrangler dev`;
 * the committed config never sets it). `POST /api/dev/seed` is idempotent: a second call is a no-op.
 */
export async function handleDev(request: Request, env: Env, url: URL): Promise<Response> {
  try {
    if (env.DEV_ROUTES !== 'on') throw new HttpError(404, 'not_found', 'No such route.');
    if (url.pathname === '/api/dev/status' && request.method === 'GET') {
      const directory = directoryOf(env);
      return json({ world: await directory.getMeta('seeded:world'), large: await directory.getMeta('seeded:large') });
    }
    if (url.pathname !== '/api/dev/seed' || request.method !== 'POST') throw new HttpError(404, 'not_found', 'No such route.');
    const body = (await request.json().catch(() => ({}))) as SeedRequest;
    const scope = body.scope ?? 'world';
    if (scope !== 'world' && scope !== 'large') throw new HttpError(400, 'bad_request', 'scope: must be world or large');
    const directory = directoryOf(env);
    const key = `seeded:${scope}`;
    const previous = await directory.getMeta(key);
    if (previous && !body.force) return json({ seeded: false, scope, previous: JSON.parse(previous) as unknown });
    const now = typeof body.now === 'number' ? body.now : Date.now();
    const started = Date.now();
    const world = buildWorld({ now });
    let result: { towns: number; events: number };
    if (scope === 'world') {
      result = await seedWorld(env, world);
    } else {
      await directory.upsert({ users: world.users, tokens: world.tokens, towns: [] });
      const town = buildLargeTown({ now, ownerId: USERS.bench.id });
      result = { towns: 1, ...(await seedTown(env, town)) };
    }
    const record = { at: new Date().toISOString(), now: new Date(now).toISOString(), ...result, ms: Date.now() - started };
    await directory.setMeta(key, JSON.stringify(record));
    return json({ seeded: true, scope, ...record });
  } catch (error) {
    return errorResponse(error);
  }
}
