import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../client';
import { endpoints } from '../endpoints';
import { agentNamed, townNamed } from './lookups';

export interface RetentionHost {
  /** A client of a backend in the production-today profile. */
  api: () => ApiClient;
  /** Appends SDK events to an agent's stream through the dev route (what the container's relay does). */
  append: (
    townId: string,
    agentId: string,
    events: { type: string; properties: Record<string, unknown> }[],
  ) => Promise<{ last_id: number }>;
}

const KEEP = 10_000;

/**
 * The production-today profile declares "SDK events: newest 10,000 per agent" and the AgentDO holds to
 * it: each append drops what falls out of the newest 10,000, ids stay as they were, and the counts the
 * panel shows (the page's total, the agent's event count) count what is kept.
 */
export function describeRetention(backend: string, host: RetentionHost) {
  describe(`SDK event retention in the production-today profile (${backend})`, () => {
    it('keeps the newest 10,000 events of an agent: the oldest go on append, and the counts say 10,000', { timeout: 120_000 }, async () => {
      const api = host.api();
      expect((await api.get(endpoints.capabilities())).feeds.sdk_events?.retention_count).toBe(KEEP);
      const town = await townNamed(api, 'payments-api');
      const agent = await agentNamed(api, town.id, 'Toast');
      let last = 0;
      for (let batch = 0; batch < 11; batch++) {
        const events = Array.from({ length: 1_000 }, (_, i) => ({
          type: 'message_part.updated',
          properties: { part: { type: 'text', text: `retention ${batch * 1_000 + i}` } },
        }));
        last = (await host.append(town.id, agent.id, events)).last_id;
      }
      expect(last).toBeGreaterThan(KEEP);
      const oldest = await api.get(endpoints.agentEvents(town.id, agent.id, { after: 0, limit: 5 }));
      expect(oldest.total).toBe(KEEP);
      expect(oldest.dropped, 'the page says how many the retention dropped').toBe(last - KEEP);
      expect(oldest.items[0]!.id).toBe(last - KEEP + 1);
      const newest = await api.get(endpoints.agentEvents(town.id, agent.id, { limit: 1 }));
      expect(newest.items[0]).toMatchObject({ id: last, data: { properties: { part: { text: 'retention 10999' } } } });
      // A dropped event is gone, not an error elsewhere: its id answers 404.
      await expect(api.get(endpoints.agentEvent(town.id, agent.id, last - KEEP))).rejects.toMatchObject({ status: 404 });
      expect((await api.get(endpoints.agent(town.id, agent.id))).event_count).toBe(KEEP);
    });
  });
}
