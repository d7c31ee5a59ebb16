import { describe, expect, it } from 'vitest';
import { describeAgentNow } from './agent-now';

const agent = { name: 'Mayor', status: 'idle', current_hook_bead_id: null, hooked_bead_title: null } as never;
const process = (status: string) => ({ status }) as never;
const mayor = (session_state: string) => ({ session_state }) as never;

describe('what an agent is now, in one statement', () => {
  it('a cleared Mayor whose process failed: idle, session idle, and nothing running, in one sentence', () => {
    expect(describeAgentNow({ agent, process: process('failed'), mayor: mayor('idle') })).toBe(
      'Mayor is now idle, hooked to nothing, session idle; no process runs for it (its last one failed).',
    );
  });

  it('a live process is named as the agent’s; a missing one is said as missing', () => {
    const toast = {
      ...(agent as object),
      name: 'Toast',
      status: 'working',
      current_hook_bead_id: 'b1',
      hooked_bead_title: 'Fix it',
    } as never;
    expect(describeAgentNow({ agent: toast, process: process('running'), mayor: null })).toBe(
      'Toast is now working, hooked to “Fix it”; its process is running.',
    );
    expect(describeAgentNow({ agent, process: null, mayor: null })).toBe('Mayor is now idle, hooked to nothing; no process runs for it.');
  });
});
