import { describe, expect, it } from 'vitest';
import { createApiClient } from '../client';
import { endpoints } from '../endpoints';
import { getStore } from '../../mocks/handlers';
import { tamperAudit } from '../../test/api';
import { describeInterventionContract } from './interventions.contract';
import { describeEveryAction } from './actions.contract';
import { describeLiveContract } from './live.contract';
import { DEV_TOKENS } from '../../test/tokens';

const client = (token: string) => createApiClient({ baseUrl: 'http://localhost', getToken: () => token });
const clients = () => ({ admin: client(DEV_TOKENS.admin), nonAdmin: client(DEV_TOKENS.nonAdmin) });

describeInterventionContract('MSW', clients);
describeEveryAction('MSW', clients);
describeLiveContract('MSW', () => ({
  baseUrl: 'http://localhost',
  fetch: (...args) => globalThis.fetch(...args),
  adminToken: DEV_TOKENS.admin,
  admin: clients().admin,
}));

describe('audit chain (MSW)', () => {
  it('detects a tampered row at that entry', async () => {
    const { admin } = clients();
    const town = getStore().world.towns.find((t) => t.town.name === 'storefront')!;
    const container = await admin.get(endpoints.container(town.town.id));
    let version = container.version;
    for (const minutes of [20, 40, 60]) {
      const result = await admin.act(
        town.town.id,
        'container.set_sleep_timeout',
        {
          target: { kind: 'container', id: town.town.id },
          params: { sleep_after_minutes: minutes },
          reason: 'tuning sleep for the nightly batch',
          dryRun: false,
        },
        { idempotencyKey: crypto.randomUUID(), ifMatch: version },
      );
      version = result.target_version!;
    }
    expect(await admin.get(endpoints.verifyAudit(town.town.id))).toMatchObject({ verified: true, verified_through: 3, entries: 3 });
    await tamperAudit(town.town.id, 2, 'nothing to see here');
    expect(await admin.get(endpoints.verifyAudit(town.town.id))).toMatchObject({ verified: false, verified_through: 1, broken_at: 2 });
  });
});
