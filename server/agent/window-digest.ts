import { COMPARE_EVENT_SCAN, type CompareError, type CompareMessage, type CompareToolCalls } from '../../src/api/schemas';
import type { SqlPort } from '../ports';
import { all, str, type Row } from '../db/sql';
import { idRange } from './event-window';

/** A run's share of one SDK stream: what the compare view puts beside the other run's. */
export interface WindowDigest {
  events_in_window: number;
  events_read: number;
  tool_calls: CompareToolCalls[];
  errors: CompareError[];
  last_message: CompareMessage | null;
}

/** The last message's text is cut here: a diff of two novels helps nobody. */
const MESSAGE_MAX_CHARS = 20_000;
const ERROR_MAX_CHARS = 300;
/** Events read back before a window that said nothing, to find what the agent last said going in. */
const LOOK_BACK = 2_000;

interface Message {
  role: string | null;
  /** Text by part id: a part the SDK updates again keeps only its newest text. */
  parts: Map<string, string>;
  at: string;
  event_id: number;
}

interface Part {
  type?: string;
  id?: string;
  text?: string;
  tool?: string;
  callID?: string;
  state?: { status?: string; output?: unknown; error?: unknown };
}

/**
 * Reads the events between `since` and `until` (inclusive): the count of the whole window, and the
 * newest COMPARE_EVENT_SCAN of them for tool calls by name (one call per callID, an error if any of
 * its updates errored), errors (SDK error events and failed tool calls) and the last message with
 * text (its text parts, a part updated again replaced by its newest text) — or, when the window said
 * nothing, the last one before it.
 */
export function digestWindow(sql: SqlPort, lastId: number, since: string, until: string): WindowDigest {
  const range = idRange(sql, { since, until }, lastId);
  const low = Math.max(range.low, range.high - COMPARE_EVENT_SCAN + 1);
  const rows = range.empty ? [] : readRows(sql, low, range.high);

  const calls = new Map<string, { tool: string; error: boolean }>();
  const errors: CompareError[] = [];
  for (const { row, type, at, properties } of rows) {
    if (type === 'error' || type === 'session.error') {
      errors.push({ source: 'sdk', at, message: cut(errorText(properties.error)) });
      continue;
    }
    const part = properties.part as Part | undefined;
    if (type !== 'message_part.updated' || part?.type !== 'tool') continue;
    const tool = part.tool ?? 'tool';
    const key = part.callID ?? `event:${String(row.id)}`;
    const failed = part.state?.status === 'error';
    const seen = calls.get(key);
    calls.set(key, { tool, error: (seen?.error ?? false) || failed });
    if (failed && !seen?.error)
      errors.push({ source: 'tool', at, message: cut(`${tool}: ${errorText(part.state?.error ?? part.state?.output)}`) });
  }

  // Nothing said in the window: what the agent last said before it, read from a bounded look back.
  const before = Math.min(range.low - 1, range.high);
  const inWindow = lastMessage(rows);
  const message = inWindow
    ? { ...inWindow, in_window: true }
    : withOutside(lastMessage(readRows(sql, Math.max(1, before - LOOK_BACK + 1), before)));

  const byTool = new Map<string, CompareToolCalls>();
  for (const call of calls.values()) {
    const entry = byTool.get(call.tool) ?? { tool: call.tool, calls: 0, errors: 0 };
    entry.calls++;
    if (call.error) entry.errors++;
    byTool.set(call.tool, entry);
  }
  return {
    events_in_window: range.empty ? 0 : range.high - range.low + 1,
    events_read: rows.length,
    tool_calls: [...byTool.values()].sort((x, y) => y.calls - x.calls || x.tool.localeCompare(y.tool)),
    errors: errors.reverse(),
    last_message: message,
  };
}

interface EventRow {
  row: Row;
  type: string;
  at: string;
  properties: Record<string, unknown>;
}

function readRows(sql: SqlPort, low: number, high: number): EventRow[] {
  if (high < low) return [];
  return all(sql, 'SELECT id, event_type, data, created_at FROM agent_events WHERE id BETWEEN ? AND ? ORDER BY id', low, high).map(
    (row) => ({
      row,
      type: str(row.event_type),
      at: str(row.created_at),
      properties: (JSON.parse(str(row.data)) as { properties?: Record<string, unknown> }).properties ?? {},
    }),
  );
}

const withOutside = (m: Omit<CompareMessage, 'in_window'> | null): CompareMessage | null => (m ? { ...m, in_window: false } : null);

/** The last message with text among the rows (oldest first): its text parts, a re-sent part by its newest text. */
function lastMessage(rows: EventRow[]): Omit<CompareMessage, 'in_window'> | null {
  let current: Message | null = null;
  let lastWithText: Message | null = null;
  for (const { row, type, at, properties } of rows) {
    if (type === 'message.created') {
      if (current && current.parts.size > 0) lastWithText = current;
      const role = (properties.info as { role?: unknown } | undefined)?.role;
      current = { role: typeof role === 'string' ? role : null, parts: new Map(), at, event_id: Number(row.id) };
      if (typeof properties.text === 'string' && properties.text.trim()) current.parts.set('prompt', properties.text);
      continue;
    }
    const part = properties.part as Part | undefined;
    if (type !== 'message_part.updated' || part?.type !== 'text' || typeof part.text !== 'string') continue;
    current ??= { role: null, parts: new Map(), at, event_id: Number(row.id) };
    current.parts.set(part.id ?? `event:${String(row.id)}`, part.text);
    current.at = at;
    current.event_id = Number(row.id);
  }
  const message = current && current.parts.size > 0 ? current : lastWithText;
  return message
    ? {
        role: message.role,
        text: [...message.parts.values()].join('\n').slice(0, MESSAGE_MAX_CHARS),
        at: message.at,
        event_id: message.event_id,
      }
    : null;
}

function errorText(error: unknown): string {
  if (typeof error === 'string') return error.split('\n')[0] || 'error';
  const message = (error as { message?: unknown } | null | undefined)?.message;
  return typeof message === 'string' ? message : 'unknown error';
}

const cut = (text: string) => (text.length > ERROR_MAX_CHARS ? `${text.slice(0, ERROR_MAX_CHARS - 1)}…` : text);
