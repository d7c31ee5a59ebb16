import type { SdkEvent } from '../../../api';

type Part = { type?: string; text?: string; tool?: string; state?: { status?: string; input?: Record<string, unknown>; output?: unknown } };

function errorText(properties: Record<string, unknown>): string {
  const error = properties.error as { message?: unknown; name?: unknown } | string | undefined;
  if (typeof error === 'string') return error;
  if (error && typeof error.message === 'string') return error.message;
  return 'unknown error';
}

/** The tool's main argument: command, file or pattern. */
export function toolArgument(part: Part): string {
  const input = part.state?.input ?? {};
  const arg = input.command ?? input.filePath ?? input.pattern ?? input.path ?? '';
  return typeof arg === 'string' ? arg : JSON.stringify(arg);
}

export type ConversationItem =
  | { kind: 'user' | 'assistant'; id: number; at: string; text: string }
  | { kind: 'tool'; id: number; at: string; tool: string; argument: string; status: string; output: string | null; repeats: number }
  | { kind: 'error'; id: number; at: string; text: string }
  | { kind: 'session'; id: number; at: string; text: string };

/**
 * The Mayor's recent conversation as text: user and assistant messages, tool calls and errors,
 * oldest first. Consecutive identical tool calls collapse into one item with a repeat count, which
 * is what a tool-call loop looks like ("read .gastown/town-state.json ×12").
 */
export function toConversation(events: readonly SdkEvent[]): ConversationItem[] {
  const sorted = [...events].sort((a, b) => a.id - b.id);
  const items: ConversationItem[] = [];
  for (const e of sorted) {
    const p = e.data.properties;
    const part = p.part as Part | undefined;
    if (e.event_type === 'message.created' && typeof p.text === 'string') {
      const role = (p.info as { role?: string } | undefined)?.role === 'assistant' ? 'assistant' : 'user';
      items.push({ kind: role, id: e.id, at: e.created_at, text: p.text });
    } else if (part?.type === 'text' && typeof part.text === 'string') {
      items.push({ kind: 'assistant', id: e.id, at: e.created_at, text: part.text });
    } else if (part?.type === 'tool') {
      const tool = part.tool ?? 'tool';
      const argument = toolArgument(part);
      const status = part.state?.status ?? 'unknown';
      const output =
        part.state?.output === undefined
          ? null
          : typeof part.state.output === 'string'
            ? part.state.output
            : JSON.stringify(part.state.output);
      const prev = items.at(-1);
      if (prev?.kind === 'tool' && prev.tool === tool && prev.argument === argument && prev.status === status) {
        prev.repeats++;
        prev.at = e.created_at;
      } else {
        items.push({ kind: 'tool', id: e.id, at: e.created_at, tool, argument, status, output, repeats: 1 });
      }
    } else if (e.event_type === 'error' || e.event_type === 'session.error') {
      items.push({ kind: 'error', id: e.id, at: e.created_at, text: errorText(p) });
    } else if (e.event_type === 'session.idle' || e.event_type === 'session.completed') {
      items.push({ kind: 'session', id: e.id, at: e.created_at, text: e.event_type });
    }
  }
  return items;
}
