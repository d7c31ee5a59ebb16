import { describe, expect, it } from 'vitest';
import type { SdkEvent } from '../../../api';
import { neighbourMatch, matchIndexOf } from '../components/event-viewer/use-event-search';
import { EventColumns } from './event-columns';
import { splitMatches } from './highlight';
import { SearchIndex } from './search-index';
import { toConversation } from './sdk-event';
import { timePerStatus, toStatusBands } from './status-bands';
import { clipSegments, isSuspectContext, promptSize, renderSystemPrompt } from './system-prompt';

const rows = (n: number): [number, number, string, string][] =>
  Array.from({ length: n }, (_, i) => [
    i + 1,
    1_000 * (i + 1),
    i % 3 === 0 ? 'server.heartbeat' : 'message_part.updated',
    i % 3 === 0 ? 'server.heartbeat' : `read src/file-${i % 5}.ts`,
  ]);

describe('EventColumns', () => {
  it('holds pages newest first and finds events by id and time', () => {
    const c = new EventColumns(4);
    const all = rows(10);
    c.appendOlder(all.slice(5));
    c.appendOlder(all.slice(0, 5));
    expect(Array.from({ length: c.length }, (_, p) => c.id(p))).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(c.positionOf(7)).toBe(3);
    expect(c.positionOf(42)).toBe(-1);
    expect(c.positionAtOrBefore(6_500)).toBe(4);
    expect(c.positionAtOrBefore(0)).toBe(10);
    expect(c.filterPositions(new Set([c.typeNames.indexOf('server.heartbeat')]))).toEqual([0, 3, 6, 9]);
  });
});

describe('EventColumns with a live tail', () => {
  it('puts newer rows in front without disturbing the loaded ones, and finds them by id and time', () => {
    const c = new EventColumns(4);
    const all = rows(12);
    c.appendOlder(all.slice(4, 8));
    c.appendOlder(all.slice(0, 4));
    c.prependNewer(all.slice(8, 10));
    c.prependNewer(all.slice(10));
    expect(Array.from({ length: c.length }, (_, p) => c.id(p))).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(c.newerCount).toBe(4);
    expect(c.newestId).toBe(12);
    expect(c.positionOf(10)).toBe(2);
    expect(c.positionOf(5)).toBe(7);
    expect(c.time(0)).toBe(12_000);
    expect(c.positionAtOrBefore(9_500)).toBe(3);
    expect(c.summary(0)).toBe(all[11]![3]);
    expect(c.filterPositions(new Set([c.typeNames.indexOf('server.heartbeat')]))).toEqual([2, 5, 8, 11]);
  });

  it('a search run before the tail added rows reports how many were in front, so positions can be shifted', () => {
    const c = new EventColumns();
    const index = new SearchIndex();
    const all = rows(30);
    const older = c.appendOlder(all.slice(0, 20));
    index.appendOlder(older.codes, older.summaries, c.typeNames);
    const before = index.search('heartbeat', null);
    const newer = c.prependNewer(all.slice(20));
    index.prependNewer(newer.codes, newer.summaries, c.typeNames);
    const after = index.search('heartbeat', null);
    expect(after.newer - before.newer).toBe(10);
    // Every match names a heartbeat row, newest first, across both runs.
    expect(Array.from(after.matches).every((p) => c.typeOf(p) === 'server.heartbeat')).toBe(true);
    expect(Array.from(after.matches)).toEqual(c.filterPositions(new Set([c.typeNames.indexOf('server.heartbeat')])));
    expect(Array.from(before.matches, (p) => p + 10)).toEqual(Array.from(after.matches).filter((p) => p >= 10));
  });
});

describe('SearchIndex', () => {
  it('counts rows whose type or summary contains the query, case-insensitively, and interns repeated texts', () => {
    const c = new EventColumns();
    const index = new SearchIndex();
    const page = c.appendOlder(rows(300));
    index.appendOlder(page.codes, page.summaries, c.typeNames);
    expect(index.distinct).toBeLessThan(10);
    expect(index.search('HEARTBEAT', null).matches.length).toBe(100);
    expect(index.search('file-3', null).matches.length).toBe(rows(300).filter((r) => r[3].includes('file-3')).length);
    expect(index.search('nothing like this', null).matches.length).toBe(0);
    expect(index.search('   ', null).matches.length).toBe(0);
    const heartbeat = c.typeNames.indexOf('server.heartbeat');
    expect(index.search('read', [heartbeat]).matches.length).toBe(0);
    const matches = index.search('file-1', null).matches;
    expect(Array.from(matches)).toEqual([...matches].sort((a, b) => a - b));
  });
});

describe('match navigation', () => {
  const m = Int32Array.from([2, 5, 9]);
  it('goes to the next and previous match from the selected row, wrapping', () => {
    expect(neighbourMatch(m, null, 1)).toBe(0);
    expect(neighbourMatch(m, null, -1)).toBe(2);
    expect(neighbourMatch(m, 2, 1)).toBe(1);
    expect(neighbourMatch(m, 5, -1)).toBe(0);
    expect(neighbourMatch(m, 9, 1)).toBe(0);
    expect(neighbourMatch(m, 2, -1)).toBe(2);
    expect(neighbourMatch(m, 6, 1)).toBe(2);
    expect(neighbourMatch(m, 6, -1)).toBe(1);
    expect(matchIndexOf(m, 9)).toBe(2);
    expect(matchIndexOf(m, 4)).toBe(-1);
  });
});

describe('splitMatches', () => {
  it('marks every occurrence and keeps the original case', () => {
    expect(splitMatches('Read README.md', 'read')).toEqual([
      { text: 'Read', match: true },
      { text: ' ', match: false },
      { text: 'READ', match: true },
      { text: 'ME.md', match: false },
    ]);
  });
});

describe('toStatusBands', () => {
  it('turns changes into contiguous bands up to now and clips to the window', () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    const history = [
      { status: 'idle' as const, at: '2026-01-01T00:00:00.000Z', reason: null },
      { status: 'working' as const, at: '2026-01-01T09:00:00.000Z', reason: 'hooked' },
      { status: 'stalled' as const, at: '2026-01-01T11:00:00.000Z', reason: 'no activity' },
    ];
    const bands = toStatusBands(history, now, 6 * 3600_000);
    expect(bands.map((b) => b.status)).toEqual(['idle', 'working', 'stalled']);
    expect(bands[0]!.from).toBe(now - 6 * 3600_000);
    expect(timePerStatus(bands)).toEqual({ idle: 3 * 3600_000, working: 2 * 3600_000, stalled: 3600_000 });
  });
});

describe('renderSystemPrompt', () => {
  it('fills placeholders from the dynamic context and marks missing ones', () => {
    expect(renderSystemPrompt('A {{x}} B {{ y }}', { x: 'one' })).toEqual([
      { kind: 'text', text: 'A ' },
      { kind: 'context', key: 'x', text: 'one' },
      { kind: 'text', text: ' B ' },
      { kind: 'missing', key: 'y' },
    ]);
    expect(isSuspectContext('(context render failed: stale snapshot)')).toBe(true);
    expect(isSuspectContext('Toast, Maple')).toBe(false);
  });
});

describe('clipSegments', () => {
  it('keeps a screenful of the rendered prompt: a 10 MB context value is cut where the budget ends', () => {
    const segments = renderSystemPrompt('You are the Mayor. Rigs: {{rigs}}. Beads: {{beads}}. {{gone}}', {
      rigs: 'x'.repeat(10_000_000),
      beads: '12 open',
    });
    const { shown, clipped } = clipSegments(segments, 4_000);
    expect(clipped).toBe(true);
    expect(shown.reduce((n, s) => n + (s.kind === 'missing' ? 0 : s.text.length), 0)).toBe(4_000);
    expect(shown.at(-1)).toMatchObject({ kind: 'context', key: 'rigs' });
    expect(promptSize(segments)).toBeGreaterThan(10_000_000);
  });

  it('leaves a prompt within the budget whole', () => {
    const segments = renderSystemPrompt('Hello {{who}}', { who: 'Mayor' });
    expect(clipSegments(segments, 4_000)).toEqual({ shown: segments, clipped: false });
  });
});

describe('toConversation', () => {
  const ev = (id: number, type: string, properties: Record<string, unknown>): SdkEvent => ({
    id,
    agent_id: 'a',
    event_type: type,
    data: { type, properties },
    created_at: new Date(id * 1000).toISOString(),
    summary: type,
  });
  it('keeps messages and tool calls as text and collapses a tool-call loop', () => {
    const read = { part: { type: 'tool', tool: 'read', state: { status: 'completed', input: { filePath: 'x.json' }, output: '{}' } } };
    const items = toConversation([
      ev(1, 'message.created', { info: { role: 'user' }, text: 'hello' }),
      ev(2, 'message_part.updated', read),
      ev(3, 'message_part.updated', read),
      ev(4, 'message_part.updated', read),
      ev(5, 'error', { error: { message: 'loop detected' } }),
      ev(6, 'server.heartbeat', {}),
    ]);
    expect(items.map((i) => i.kind)).toEqual(['user', 'tool', 'error']);
    expect(items[1]).toMatchObject({ tool: 'read', argument: 'x.json', repeats: 3 });
  });
});
