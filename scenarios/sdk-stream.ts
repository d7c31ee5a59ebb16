import type { SdkEvent } from '../src/api/schemas';
import { ASSISTANT_LINES, BASH_COMMANDS, SOURCE_FILES, USER_PROMPTS } from './names';
import { mix } from './random';
import type { SdkStreamSpec } from './types';

/**
 * The repeating shape of an agent session: a prompt, some thinking, tool calls with results,
 * a heartbeat now and then. Event `id` picks its place in the cycle and its content from the
 * stream's seed, so any event can be generated on its own (a million-event stream needs no file).
 */
const CYCLE = [
  'message.created',
  'message_part.updated:text',
  'message_part.updated:tool',
  'message_part.updated:tool',
  'message.updated',
  'message_part.updated:tool',
  'message_part.updated:text',
  'message.completed',
  'session.updated',
  'server.heartbeat',
  'message_part.updated:tool',
  'assistant.completed',
] as const;

const TOOLS = ['bash', 'read', 'edit', 'grep', 'glob', 'write'] as const;

/** The SDK event with 1-based `id` of a stream. */
export function sdkEventAt(spec: SdkStreamSpec, id: number): Omit<SdkEvent, 'summary'> {
  const tailStart = spec.total - spec.tail.length + 1;
  if (id >= tailStart) {
    const scripted = spec.tail[id - tailStart];
    if (scripted) {
      return {
        id,
        agent_id: spec.agent_id,
        event_type: scripted.type,
        data: { type: scripted.type, properties: { sessionID: spec.session_id, ...scripted.properties } },
        created_at: scripted.at,
      };
    }
  }
  const first = Date.parse(spec.first_at);
  const last = tailStart > 1 && spec.tail.length > 0 ? Date.parse(spec.tail[0]!.at) - 1000 : Date.parse(spec.last_at);
  const span = Math.max(0, last - first);
  const generated = Math.max(1, tailStart - 1);
  const at = new Date(first + Math.floor((span * (id - 1)) / Math.max(1, generated - 1))).toISOString();
  const h = mix(spec.seed, id);
  const step = CYCLE[id % CYCLE.length]!;
  const properties: Record<string, unknown> = { sessionID: spec.session_id };
  let type: string = step;
  if (step === 'message.created') {
    const user = h % 3 === 0;
    properties.info = { id: `msg_${(h >>> 8).toString(16)}`, role: user ? 'user' : 'assistant' };
    // A user message carries its prompt, so one can tell what the agent was asked.
    if (user) properties.text = USER_PROMPTS[(h >>> 5) % USER_PROMPTS.length];
  } else if (step === 'message_part.updated:text') {
    type = 'message_part.updated';
    properties.part = { type: 'text', text: ASSISTANT_LINES[h % ASSISTANT_LINES.length] };
  } else if (step === 'message_part.updated:tool') {
    type = 'message_part.updated';
    const tool = TOOLS[h % TOOLS.length]!;
    const file = SOURCE_FILES[(h >>> 4) % SOURCE_FILES.length]!;
    const command = BASH_COMMANDS[(h >>> 7) % BASH_COMMANDS.length]!;
    const input = tool === 'bash' ? { command } : tool === 'grep' ? { pattern: 'retry', path: 'src' } : { filePath: file };
    const ok = (h >>> 11) % 9 !== 0;
    properties.part = {
      type: 'tool',
      tool,
      callID: `call_${(h >>> 3).toString(36)}`,
      state: {
        status: ok ? 'completed' : 'error',
        input,
        output: ok
          ? toolOutput(tool, file, command, h)
          : `Error: ${tool === 'bash' ? `${command} exited with code 1` : `ENOENT: no such file, open '${file}'`}`,
      },
    };
  } else if (step === 'message.updated' || step === 'message.completed') {
    properties.info = {
      id: `msg_${(h >>> 8).toString(16)}`,
      role: 'assistant',
      tokens: { input: 800 + (h % 4000), output: 40 + (h % 900) },
    };
  } else if (step === 'session.updated') {
    properties.info = { status: 'busy' };
  } else if (step === 'assistant.completed') {
    properties.tokens = { input: 1200 + (h % 6000), output: 100 + (h % 1500) };
  }
  return { id, agent_id: spec.agent_id, event_type: type, data: { type, properties }, created_at: at };
}

function toolOutput(tool: string, file: string, command: string, h: number): string {
  switch (tool) {
    case 'bash':
      return command.startsWith('npm test')
        ? `Test Files  ${4 + (h % 9)} passed\n     Tests  ${30 + (h % 200)} passed`
        : `$ ${command}\n(ok)`;
    case 'read':
      return `${file} (${40 + (h % 400)} lines)`;
    case 'edit':
      return `Applied 1 edit to ${file}`;
    case 'grep':
      return `${1 + (h % 12)} matches in ${1 + (h % 4)} files`;
    default:
      return 'done';
  }
}
