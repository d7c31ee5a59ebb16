import { describe, expect, it } from 'vitest';
import type { BeadEvent } from '../../../api';
import { toHistoryRows } from './history';

const event = (id: number, at: string, patch: Partial<BeadEvent> = {}): BeadEvent => ({
  id: `00000000-0000-4000-8000-00000000000${id}`,
  bead_id: '10000000-0000-4000-8000-000000000000',
  agent_id: null,
  event_type: 'status_changed',
  old_value: null,
  new_value: null,
  metadata: {},
  created_at: at,
  ...patch,
});

describe('toHistoryRows', () => {
  it('orders events, shows old → new and the actor, and makes a 3 h 12 min silence visible', () => {
    const agent = '20000000-0000-4000-8000-000000000000';
    const rows = toHistoryRows(
      [
        event(2, '2026-11-24T12:12:00.000Z', { agent_id: agent, old_value: 'open', new_value: 'in_progress' }),
        event(1, '2026-11-24T09:00:00.000Z', { event_type: 'created', metadata: { by: 'mayor' } }),
      ],
      { agentNames: new Map([[agent, 'Maple']]) },
    );
    expect(rows.map((r) => r.kind)).toEqual(['event', 'gap', 'event']);
    expect(rows[1]).toMatchObject({ kind: 'gap', label: 'no event for 3 h 12 min' });
    expect(rows[0]).toMatchObject({ type: 'created', actor: 'system', note: 'by: mayor' });
    expect(rows[2]).toMatchObject({ change: 'open → in_progress', actor: 'Maple' });
  });

  it('counts the silence since the last event while the bead is unfinished, not once it is closed', () => {
    const events = [event(1, '2026-11-24T09:00:00.000Z')];
    const now = Date.parse('2026-11-25T11:14:00.000Z');
    expect(toHistoryRows(events, { status: 'open', now }).at(-1)).toMatchObject({ kind: 'gap', label: 'no event for 1 d 2 h (until now)' });
    expect(toHistoryRows(events, { status: 'closed', now }).at(-1)?.kind).toBe('event');
  });

  it("names production's literal actors: an admin (with who when the metadata says) and the system", () => {
    const rows = toHistoryRows([
      event(1, '2026-11-24T09:00:00.000Z', { agent_id: 'admin', metadata: { admin_email: 'alex@kilo.ai' } }),
      event(2, '2026-11-24T09:01:00.000Z', { agent_id: 'admin' }),
      event(3, '2026-11-24T09:02:00.000Z', { agent_id: 'system' }),
    ]);
    expect(rows.map((r) => (r.kind === 'event' ? r.actor : r.kind))).toEqual(['admin (alex@kilo.ai)', 'admin', 'system']);
  });
});
