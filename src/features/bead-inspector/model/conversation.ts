import type { SdkEvent } from '../../../api';

export type ConversationItem =
  | { kind: 'message'; id: number; at: string; role: string; text: string }
  | { kind: 'tool'; id: number; at: string; callId: string; tool: string; status: string; input: string; output: string | null }
  | { kind: 'error'; id: number; at: string; text: string };

export interface Conversation {
  items: ConversationItem[];
  /** Heartbeats, session and token updates: counted, not shown. */
  otherEvents: number;
}

interface Part {
  type?: string;
  text?: string;
  tool?: string;
  callID?: string;
  state?: { status?: string; input?: unknown; output?: unknown; error?: unknown };
}

const asText = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value, null, 2) ?? ''));

/**
 * An agent's SDK events as a conversation: text parts under the role of the message that opened
 * them, one entry per tool call (later updates of the same call replace earlier ones), and errors.
 * Everything stays plain text: it was written by an LLM or a tool.
 */
export function toConversation(events: readonly SdkEvent[]): Conversation {
  const items: ConversationItem[] = [];
  const toolIndex = new Map<string, number>();
  let role = 'assistant';
  let otherEvents = 0;
  for (const e of events) {
    const props = e.data.properties;
    if (e.event_type === 'message.created') {
      const info = props.info as { role?: string } | undefined;
      role = info?.role ?? 'assistant';
      otherEvents++;
      continue;
    }
    if (e.event_type === 'message_part.updated') {
      const part = props.part as Part | undefined;
      if (part?.type === 'text') {
        items.push({ kind: 'message', id: e.id, at: e.created_at, role, text: part.text ?? '' });
        continue;
      }
      if (part?.type === 'tool') {
        const callId = part.callID ?? `event-${e.id}`;
        const state = part.state ?? {};
        const item: ConversationItem = {
          kind: 'tool',
          id: e.id,
          at: e.created_at,
          callId,
          tool: part.tool ?? 'tool',
          status: state.status ?? 'unknown',
          input: asText(state.input ?? {}),
          output: state.output !== undefined ? asText(state.output) : state.error !== undefined ? asText(state.error) : null,
        };
        const existing = toolIndex.get(callId);
        if (existing !== undefined) items[existing] = item;
        else {
          toolIndex.set(callId, items.length);
          items.push(item);
        }
        continue;
      }
    }
    if (
      e.event_type === 'error' ||
      e.event_type === 'session.error' ||
      e.event_type === 'payment_required' ||
      e.event_type === 'insufficient_funds'
    ) {
      const error = props.error as { message?: string } | string | undefined;
      const text = typeof error === 'string' ? error : (error?.message ?? e.event_type);
      items.push({ kind: 'error', id: e.id, at: e.created_at, text });
      continue;
    }
    otherEvents++;
  }
  return { items, otherEvents };
}
