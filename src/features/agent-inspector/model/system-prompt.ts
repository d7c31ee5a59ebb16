import { utf8Length } from '../../../lib/bounded-text';

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

/**
 * The rendered prompt's head: segments up to `maxChars` characters in all, the one crossing the limit
 * cut (a 10 MB context value is one segment). `clipped` says something was left out.
 */
export function clipSegments(segments: PromptSegment[], maxChars: number): { shown: PromptSegment[]; clipped: boolean } {
  const shown: PromptSegment[] = [];
  let budget = maxChars;
  for (const s of segments) {
    if (s.kind === 'missing') {
      shown.push(s);
      continue;
    }
    if (budget <= 0) return { shown, clipped: true };
    if (s.text.length > budget) {
      shown.push({ ...s, text: s.text.slice(0, budget) });
      return { shown, clipped: true };
    }
    shown.push(s);
    budget -= s.text.length;
  }
  return { shown, clipped: false };
}

/** The rendered prompt's size in UTF-8 bytes (for "show all (10.0 MB)"). */
export const promptSize = (segments: PromptSegment[]): number =>
  segments.reduce((n, s) => n + utf8Length(s.kind === 'missing' ? `{{${s.key}}} (missing)` : s.text), 0);
