import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { emptyAssetsDir, seed, startWranglerInRange, type LocalServer } from '../../../scripts/lib/wrangler.mjs';
import { server as mswServer } from '../../mocks/node';
import { buildWorld, type WorldSeed } from '../../../scenarios';

/**
 * Registers beforeAll/afterAll that run the reference worker for one test file: `wrangler dev` on a
 * free port (8790–8799) with a throwaway state folder, seeded from the scenario builders at the same
 * anchor time as the returned `world`. MSW is closed so requests reach the real worker. The test hooks
 * (TEST_HOOKS: audit tamper, reseeding intervened towns) are on unless `testHooks: false` asks for the
 * worker exactly as `npm start` runs it.
 */
export function runSeededWorker(
  stateFolderPrefix: string,
  {
    testHooks = true,
    corsOrigins = '',
    profile = 'reference',
  }: { testHooks?: boolean; corsOrigins?: string; profile?: 'reference' | 'production-today' } = {},
) {
  let local: LocalServer | null = null;
  let stateDir = '';
  let world: WorldSeed | null = null;
  let now = 0;
  // Captured before MSW could patch fetch, so these requests reach the real worker.
  const realFetch = globalThis.fetch;

  beforeAll(async () => {
    mswServer.close();
    stateDir = mkdtempSync(join(tmpdir(), stateFolderPrefix));
    local = await startWranglerInRange(8790, 8799, { persistTo: stateDir, assets: emptyAssetsDir(), testHooks, corsOrigins, profile });
    now = Date.now();
    await seed(local.base, { now });
    world = buildWorld({ now });
  }, 120_000);

  afterAll(async () => {
    await local?.stop();
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  });

  return {
    base: () => local!.base,
    world: () => world!,
    fetch: ((...args: Parameters<typeof fetch>) => realFetch(...args)) as typeof fetch,
    /** Seeds the same world again (same anchor time, so `world` still describes it): every town as built, no audit entries or idempotency keys. */
    reseed: async () => {
      await seed(local!.base, { now, force: true });
    },
  };
}
