import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../client';
import { endpoints } from '../endpoints';
import { ApiError } from '../errors';
import type { SdkEvent } from '../schemas';
import { beadTitled, townNamed } from './lookups';

/**
 * Compare contract (issue 15): two dispatch attempts, two assignments or two agent sessions side by
 * side, read from the town's rows and the agents' SDK events, the same on every backend.
 */
export interface CompareBackend {
  api: () => ApiClient;
}

const REFUND = 'Add idempotency keys to the refund endpoint';

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

/** Every event of the agent in the window, newest first, paged as the event viewer pages them. */
async function eventsBetween(api: ApiClient, townId: string, agentId: string, since: string, until: string): Promise<SdkEvent[]> {
  const events: SdkEvent[] = [];
  let before: number | undefined;
  for (;;) {
    const page = await api.get(endpoints.agentEvents(townId, agentId, { since, until, limit: 500, ...(before ? { before } : {}) }));
    events.push(...page.items);
    if (page.next_cursor === null) return events;
    before = page.next_cursor;
  }
}

export function describeCompareContract(host: string, backend: CompareBackend) {
  describe(`compare (${host})`, () => {
    it('puts the dispatch that reached Toast beside the retry the dead process refused', async () => {
      const api = backend.api();
      const town = await townNamed(api, 'payments-api');
      const bead = await beadTitled(api, town.id, REFUND);
      const attempts = (await api.get(endpoints.bead(town.id, bead.id))).dispatch_attempts;
      const [first, second] = attempts;
      expect(first).toMatchObject({ attempt_number: 1, outcome: 'success' });
      expect(second).toMatchObject({ attempt_number: 2, outcome: 'failed' });

      const { kind, a, b } = await api.get(endpoints.compare(town.id, 'attempt', first!.id, second!.id));
      expect(kind).toBe('attempt');
      expect(a).toMatchObject({ id: first!.id, label: `Attempt 1 of ${attempts.length}`, outcome: 'success', agent: { name: 'Toast' } });
      expect(a.bead).toEqual({ id: bead.id, title: REFUND });
      // Attempt 1 runs until attempt 2 was sent; attempt 2 until attempt 3.
      expect(a.ended_at).toBe(second!.created_at);
      expect(a.duration_ms).toBe(Date.parse(second!.created_at) - Date.parse(first!.created_at));
      expect(b.ended_at).toBe(attempts[2]!.created_at);
      // The first attempt's window holds Toast's work: usage and its last bash call; the retry's holds none.
      expect(a.input_tokens + a.output_tokens).toBeGreaterThan(0);
      expect(a.cost_microdollars).toBeGreaterThan(0);
      expect(a.tool_calls.find((t) => t.tool === 'bash')?.calls).toBeGreaterThan(0);
      expect(b).toMatchObject({ outcome: 'failed', input_tokens: 0, cost_microdollars: 0, errors_total: 1 });
      expect(b.errors[0]).toMatchObject({ source: 'dispatch', message: second!.error_message });
    });

    it('counts the tool calls the agent’s own events show in the window, and reads its last message', async () => {
      const api = backend.api();
      const town = await townNamed(api, 'payments-api');
      const sessions = (await api.get(endpoints.sessions(town.id))).items;
      expect(sessions.length).toBeGreaterThanOrEqual(2);
      const started = sessions.map((s) => s.started_at);
      expect([...started].sort().reverse()).toEqual(started);
      const [x, y] = sessions;
      const { a, b } = await api.get(endpoints.compare(town.id, 'session', x!.process_id, y!.process_id));
      expect(a).toMatchObject({ id: x!.process_id, kind: 'session', started_at: x!.started_at, agent: { id: x!.agent_id } });
      expect(b).toMatchObject({ id: y!.process_id, started_at: y!.started_at, agent: { id: y!.agent_id } });

      for (const [side, session] of [
        [a, x!],
        [b, y!],
      ] as const) {
        const until = side.ended_at ?? new Date(Date.parse(side.started_at) + side.duration_ms).toISOString();
        const events = await eventsBetween(api, town.id, session.agent_id!, side.started_at, until);
        expect(side.events_in_window).toBe(events.length);
        const calls = new Map<string, number>();
        for (const event of events) {
          const part = event.data.properties.part as { type?: string; tool?: string } | undefined;
          if (event.event_type === 'message_part.updated' && part?.type === 'tool') calls.set(part.tool!, (calls.get(part.tool!) ?? 0) + 1);
        }
        expect(Object.fromEntries(side.tool_calls.map((t) => [t.tool, t.calls]))).toEqual(Object.fromEntries(calls));
        const lastText = events.find((e) => (e.data.properties.part as { type?: string } | undefined)?.type === 'text');
        if (lastText) {
          expect(side.last_message?.in_window).toBe(true);
          expect(side.last_message?.event_id).toBe(lastText.id);
          expect(side.last_message?.text.split('\n').at(-1)).toBe((lastText.data.properties.part as { text: string }).text);
        }
      }
      // A window that said nothing shows what the agent last said before it.
      for (const side of [a, b])
        if (side.last_message && !side.last_message.in_window)
          expect(Date.parse(side.last_message.at)).toBeLessThan(Date.parse(side.started_at));
      expect(a.last_message ?? b.last_message).not.toBeNull();
    });

    it('compares two assignments by number: the exhausted one carries its five failed dispatches', async () => {
      const api = backend.api();
      const town = await townNamed(api, 'mobile-app');
      const blocker = await beadTitled(api, town.id, 'Upgrade Firebase SDK to 11.x');
      const [failed] = (await api.get(endpoints.bead(town.id, blocker.id))).assignments;
      expect(failed).toMatchObject({ outcome: 'failed' });
      const beads = (await api.get(endpoints.beads(town.id, { status: ['closed'], limit: 5 }))).items;
      const closed = (await api.get(endpoints.bead(town.id, beads[0]!.id))).assignments[0]!;
      const { a, b } = await api.get(endpoints.compare(town.id, 'assignment', String(failed!.id), String(closed.id)));
      expect(a).toMatchObject({ label: `Assignment of ${failed!.agent_name}`, outcome: 'failed', bead: { id: blocker.id } });
      expect(a.ended_at).toBe(failed!.ended_at);
      const dispatch = a.errors.filter((e) => e.source === 'dispatch');
      expect(dispatch.map((e) => e.message)).toContain('dispatch budget exhausted (5 of 5 attempts): bead failed');
      expect(dispatch).toHaveLength(5);
      expect(b).toMatchObject({ outcome: closed.outcome, agent: { id: closed.agent_id } });
    });

    it('refuses what it cannot compare with the parameter named, and names the side it cannot find', async () => {
      const api = backend.api();
      const town = await townNamed(api, 'payments-api');
      const [x] = (await api.get(endpoints.sessions(town.id))).items;
      const unknown = await refusal(api.get(endpoints.compare(town.id, 'session', x!.process_id, 'proc_nothere')));
      expect(unknown).toMatchObject({ status: 404, code: 'not_found' });
      expect(unknown.message).toContain('No agent session with id proc_nothere in this town (side b)');
      const same = await refusal(api.get(endpoints.compare(town.id, 'session', x!.process_id, x!.process_id)));
      expect(same).toMatchObject({ status: 400 });
      expect(same.message).toContain('a and b are the same');
      const shape = await refusal(api.get(endpoints.compare(town.id, 'attempt', 'not-a-uuid', x!.process_id)));
      expect(shape.message).toContain('a: must be a dispatch attempt id');
      const kind = await refusal(api.get(endpoints.compare(town.id, 'run' as 'session', 'x', 'y')));
      expect(kind).toMatchObject({ status: 400 });
      expect(kind.message).toContain('kind');
    });
  });
}
