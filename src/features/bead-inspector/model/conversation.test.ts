import { describe, expect, it } from 'vitest';
import type { SdkEvent } from '../../../api';
import { toConversation } from './conversation';

const agent = '20000000-0000-4000-8000-000000000000';
const sdk = (id: number, type: string, properties: Record<string, unknown>): SdkEvent => ({
  id,
  agent_id: agent,
  event_type: type,
  data: { type, properties: { sessionID: 'ses_1', ...properties } },
  created_at: `2026-11-24T09:00:0${id}.000Z`,
  summary: type,
});

describe('toConversation', () => {
  it('keeps messages under their role, merges updates of one tool call, counts the rest', () => {
    const c = toConversation([
      sdk(1, 'message.created', { info: { role: 'user' } }),
      sdk(2, 'message_part.updated', { part: { type: 'text', text: 'Fix the <script>alert(1)</script> test' } }),
      sdk(3, 'message_part.updated', {
        part: { type: 'tool', tool: 'bash', callID: 'c1', state: { status: 'running', input: { command: 'npm test' } } },
      }),
      sdk(4, 'server.heartbeat', {}),
      sdk(5, 'message_part.updated', {
        part: { type: 'tool', tool: 'bash', callID: 'c1', state: { status: 'error', input: { command: 'npm test' }, output: 'exit 1' } },
      }),
      sdk(6, 'error', { error: { message: 'insufficient credits' } }),
    ]);
    expect(c.items).toHaveLength(3);
    expect(c.items[0]).toMatchObject({ kind: 'message', role: 'user', text: 'Fix the <script>alert(1)</script> test' });
    expect(c.items[1]).toMatchObject({ kind: 'tool', tool: 'bash', status: 'error', output: 'exit 1' });
    expect(c.items[1]!.kind === 'tool' && c.items[1]!.input).toContain('"command": "npm test"');
    expect(c.items[2]).toMatchObject({ kind: 'error', text: 'insufficient credits' });
    expect(c.otherEvents).toBe(2);
  });
});
