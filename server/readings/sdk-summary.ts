/**
 * The one reading of an SDK event as a line of text: what the event list shows, what its in-browser
 * search matches, and what the server-side search results show. Stored once per event at append.
 */
export function summarizeSdkEvent(type: string, properties: Record<string, unknown>): string {
  const part = properties.part as
    { type?: string; text?: string; tool?: string; state?: { status?: string; input?: Record<string, unknown> } } | undefined;
  if (type === 'message_part.updated' && part) {
    if (part.type === 'text') return oneLine(part.text ?? '');
    if (part.type === 'tool') {
      const input = part.state?.input ?? {};
      const raw = input.command ?? input.filePath ?? input.pattern ?? input.path ?? '';
      const arg = typeof raw === 'string' ? raw : JSON.stringify(raw);
      return oneLine(`${part.tool ?? 'tool'}${arg ? ` ${arg}` : ''}${part.state?.status === 'error' ? ' — error' : ''}`);
    }
  }
  if (type === 'error' || type === 'session.error') {
    const error = properties.error as { message?: unknown } | string | undefined;
    const message = typeof error === 'string' ? error : typeof error?.message === 'string' ? error.message : 'unknown error';
    return oneLine(`error: ${message}`);
  }
  const info = properties.info as { role?: string; status?: string } | undefined;
  // A message with its text says what was asked (a user prompt) or answered, so one can tell whether
  // the agent got its prompt; without text it is only the role.
  if (type === 'message.created' && info?.role)
    return typeof properties.text === 'string' && properties.text.trim()
      ? oneLine(`${info.role} message: ${properties.text}`)
      : `${info.role} message`;
  if (type === 'session.updated' && info?.status) return `session ${info.status}`;
  const tokens = properties.tokens as { input?: number; output?: number } | undefined;
  if (tokens) return `${tokens.input ?? 0} in / ${tokens.output ?? 0} out tokens`;
  if (typeof properties.text === 'string') return oneLine(properties.text);
  return type;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}…` : flat;
}
