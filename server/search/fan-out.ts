import { SEARCH_AGENT_LIMIT, type Feed, type SearchLine } from '../../src/api/schemas';
import type { Host } from '../host';

/** AgentDOs read at once: enough to overlap their scans, few enough not to wake fifty objects in one go. */
export const SEARCH_FANOUT = 6;

/**
 * Town-wide search, streamed: the TownDO's own rows first (one call), then every agent's SDK events,
 * `SEARCH_FANOUT` AgentDOs at a time, each agent's matches written the moment its object answers. Lines
 * follow `SearchLine` (src/api/schemas/search.ts). Stops asking once `signal` aborts.
 */
export async function searchTown(
  host: Host,
  townId: string,
  q: string,
  options: { unrecorded: Feed[]; sdkRetention: number | null; emit: (line: SearchLine) => void; signal: AbortSignal },
): Promise<void> {
  const { emit, signal } = options;
  const started = host.clock.now();
  const { groups, agents } = await host.objects.town(townId).search(q, options.unrecorded);
  emit({ type: 'start', q, agents_total: agents.length });
  for (const g of groups)
    emit({ type: 'hits', kind: g.kind, agent_id: null, agent_name: null, items: g.items, total: g.total, capped: false });

  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < agents.length && !signal.aborted) {
      const agent = agents[next++]!;
      try {
        const found = await host.objects.agent(agent.id).search(q, SEARCH_AGENT_LIMIT, options.sdkRetention);
        if (signal.aborted) return;
        if (found.total > 0)
          emit({
            type: 'hits',
            kind: 'sdk_event',
            agent_id: agent.id,
            agent_name: agent.name,
            items: found.items.map((item) => ({ ...item, agent_id: agent.id })),
            total: found.total,
            capped: found.capped,
          });
      } catch (error) {
        emit({
          type: 'agent_error',
          agent_id: agent.id,
          agent_name: agent.name,
          message: error instanceof Error ? error.message.slice(0, 300) : 'Its SDK events could not be read.',
        });
      }
      done++;
      emit({ type: 'progress', agents_done: done, agents_total: agents.length });
    }
  };
  await Promise.all(Array.from({ length: Math.min(SEARCH_FANOUT, agents.length) }, worker));
  if (!signal.aborted) emit({ type: 'done', agents_done: done, agents_total: agents.length, took_ms: host.clock.now() - started });
}
