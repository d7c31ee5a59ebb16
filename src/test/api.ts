import { createApiClient, endpoints } from '../api';
import { getStore } from '../mocks/handlers';
import { DEV_TOKENS } from './tokens';

/**
 * The typed client against the MSW host (the reference admin API in-process): model tests read what the
 * server answers instead of re-deriving it, so there is one reading of each fact.
 */
export const testApi = createApiClient({ baseUrl: 'http://localhost', getToken: () => DEV_TOKENS.admin, timeoutMs: 10_000 });

export { endpoints };

/** A scenario town of the MSW backend's world, by scenario name or town name. */
export function worldTown(name: string) {
  const town = getStore().world.towns.find((t) => t.scenario === name || t.town.name === name);
  if (!town) throw new Error(`no scenario town ${name}`);
  return town;
}

/** A town's audit log as the server holds it, oldest first (seq order). */
export async function auditOf(townId: string) {
  const page = await testApi.get(endpoints.townAudit(townId, { limit: 1000 }));
  return [...page.items].sort((a, b) => a.seq - b.seq);
}

/**
 * What an attacker with database access would do, through the MSW host's dev route: rewrite one audit
 * entry's reason behind the append-only triggers. Verification must then break at that entry.
 */
export async function tamperAudit(townId: string, seq: number, reason: string) {
  const res = await fetch('http://localhost/api/dev/audit/tamper', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${DEV_TOKENS.admin}` },
    body: JSON.stringify({ town_id: townId, seq, reason }),
  });
  if (!res.ok) throw new Error(`tamper: ${res.status} ${await res.text()}`);
}

/** The other attack with database access, through the MSW host's test hook: delete every entry after `keep`. */
export async function truncateAudit(townId: string, keep: number) {
  const res = await fetch('http://localhost/api/dev/audit/truncate', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${DEV_TOKENS.admin}` },
    body: JSON.stringify({ town_id: townId, keep }),
  });
  if (!res.ok) throw new Error(`truncate: ${res.status} ${await res.text()}`);
}

/** Writes SDK events to an agent's stream at the town's time, as the container's event relay does. */
export async function writeSdkEvents(townId: string, agentId: string, events: { type: string; properties?: Record<string, unknown> }[]) {
  const res = await fetch('http://localhost/api/dev/sdk-events', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${DEV_TOKENS.admin}` },
    body: JSON.stringify({ town_id: townId, agent_id: agentId, events }),
  });
  if (!res.ok) throw new Error(`sdk-events: ${res.status} ${await res.text()}`);
  return (await res.json()) as { appended: number; last_id: number };
}
