// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { emptyAssetsDir, seed, startWranglerInRange, type LocalServer } from '../../../scripts/lib/wrangler.mjs';
import { server as mswServer } from '../../mocks/node';
import { buildWorld, DEV_TOKENS, type WorldSeed } from '../../mocks/scenarios';
import { defineContractSuite } from './suite';

/**
 * The same contract against the reference worker: `wrangler dev` on a free port (8790–8799) with a
 * throwaway state folder, seeded from the same scenario builders at the same anchor time.
 */
let local: LocalServer | null = null;
let stateDir = '';
let world: WorldSeed | null = null;
// Captured before MSW patches fetch in beforeAll, so these requests reach the real worker.
const realFetch = globalThis.fetch;

beforeAll(async () => {
  mswServer.close();
  stateDir = mkdtempSync(join(tmpdir(), 'gastown-contract-'));
  local = await startWranglerInRange(8790, 8799, { persistTo: stateDir, assets: emptyAssetsDir() });
  const now = Date.now();
  await seed(local.base, { now });
  world = buildWorld({ now });
}, 120_000);

afterAll(async () => {
  await local?.stop();
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

defineContractSuite('reference worker (wrangler dev)', () => ({
  baseUrl: local!.base,
  fetch: (...args) => realFetch(...args),
  world: world!,
  adminToken: DEV_TOKENS.admin,
  nonAdminToken: DEV_TOKENS.nonAdmin,
}));
