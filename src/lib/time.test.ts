import { describe, expect, it } from 'vitest';
import { formatDuration, formatRelative } from './time';

describe('time formatting', () => {
  it('reads spans the way an operator says them', () => {
    expect(formatDuration(47 * 60_000)).toBe('47 min');
    expect(formatDuration((3 * 60 + 12) * 60_000)).toBe('3 h 12 min');
    expect(formatDuration(50 * 60 * 60_000)).toBe('2 d 2 h');
  });
  it('says when something happened relative to now', () => {
    const now = Date.parse('2026-11-24T12:00:00Z');
    expect(formatRelative('2026-11-24T11:13:00Z', now)).toBe('47 min ago');
    expect(formatRelative(null, now)).toBe('never');
    expect(formatRelative('2026-11-24T11:59:50Z', now)).toBe('just now');
  });
});
