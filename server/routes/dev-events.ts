import type { Host } from '../host';
import { badParam, notFound } from '../http/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_EVENTS = 1_000;

/**
 * `POST /api/dev/sdk-events` `{ town_id, agent_id, events: [{ type, properties? }] }` (test hooks only):
 * what the container's event relay does for a working agent, at the town's time: append to the AgentDO,
 * then tell the town. Tests and the `live` bench write events with it to watch the viewer's live tail.
 */
export async function devSdkEvents(host: Host, body: Record<string, unknown>): Promise<{ appended: number; last_id: number }> {
  const townId = typeof body.town_id === 'string' ? body.town_id.toLowerCase() : '';
  const agentId = typeof body.agent_id === 'string' ? body.agent_id.toLowerCase() : '';
  if (!UUID.test(townId)) throw badParam('town_id', 'must be a town id');
  if (!UUID.test(agentId)) throw badParam('agent_id', 'must be an agent id');
  const raw = body.events;
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_EVENTS) throw badParam('events', `must be 1–${MAX_EVENTS} events`);
  if (!(await host.objects.directory().townIds()).includes(townId)) throw notFound('town', townId);
  const town = host.objects.town(townId);
  if (!(await town.hasAgent(agentId))) throw notFound('agent', agentId);
  const at = (await town.clockNow()).now;
  const events = raw.map((e: unknown, i) => {
    const event = e as { type?: unknown; properties?: unknown };
    if (typeof event?.type !== 'string' || !event.type || event.type.length > 100) throw badParam(`events[${i}].type`, 'must be a string');
    const properties = event.properties && typeof event.properties === 'object' ? (event.properties as Record<string, unknown>) : {};
    return { type: event.type, properties, at };
  });
  const stats = await host.objects.agent(agentId).append(agentId, events);
  await town.noteSdkEvents(agentId, stats.total, stats.last_at);
  return { appended: events.length, last_id: stats.last_id };
}
