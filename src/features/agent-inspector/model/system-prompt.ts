export type PromptSegment =
  { kind: 'text'; text: string } | { kind: 'context'; key: string; text: string } | { kind: 'missing'; key: string };

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

/** The system prompt template with its `{{key}}` placeholders filled from the dynamic context. */
export function renderSystemPrompt(template: string, context: Record<string, string>): PromptSegment[] {
  const segments: PromptSegment[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    const at = m.index ?? 0;
    if (at > last) segments.push({ kind: 'text', text: template.slice(last, at) });
    const key = m[1]!;
    const value = context[key];
    segments.push(value === undefined ? { kind: 'missing', key } : { kind: 'context', key, text: value });
    last = at + m[0].length;
  }
  if (last < template.length) segments.push({ kind: 'text', text: template.slice(last) });
  return segments;
}

/** Context values that say their render failed or is stale: the Mayor works from a wrong picture. */
export function isSuspectContext(value: string): boolean {
  return /\b(fail(ed|ure)?|stale|error|unavailable)\b/i.test(value) || value.trim() === '';
}
