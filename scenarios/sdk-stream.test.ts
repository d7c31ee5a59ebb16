import { describe, expect, it } from 'vitest';
import { summarizeSdkEvent } from '../server/readings/sdk-summary';
import { USER_PROMPTS } from './names';
import { sdkEventAt } from './sdk-stream';

describe('a generated session stream', () => {
  it("carries the prompt in every user message, so a polecat's list shows what it was asked", () => {
    const spec = {
      agent_id: 'a1',
      seed: 7,
      total: 600,
      first_at: '2026-11-20T10:00:00.000Z',
      last_at: '2026-11-20T12:00:00.000Z',
      session_id: 's1',
      tail: [],
    };
    const users = Array.from({ length: spec.total }, (_, i) => sdkEventAt(spec, i + 1)).filter(
      (e) => e.event_type === 'message.created' && (e.data.properties.info as { role: string }).role === 'user',
    );
    expect(users.length).toBeGreaterThan(5);
    for (const e of users) {
      const summary = summarizeSdkEvent(e.event_type, e.data.properties);
      expect(USER_PROMPTS.map((p) => `user message: ${p}`)).toContain(summary);
    }
  });
});
