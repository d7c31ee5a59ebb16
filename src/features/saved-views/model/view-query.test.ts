import { describe, expect, it } from 'vitest';
import type { SavedView } from '../../../api';
import { applySavedQuery, findCurrentView, hasFilters, shareLink, toSavedQuery } from './view-query';

const view = (id: string, query: string): SavedView => ({
  id,
  scope: 'agents',
  name: id,
  query,
  town_id: null,
  created_at: '2026-12-01T00:00:00.000Z',
  updated_at: '2026-12-01T00:00:00.000Z',
});

describe('saved view queries', () => {
  it('keeps only the scope’s own filters, in a fixed order', () => {
    const params = new URLSearchParams('event=42&status=stalled&role=polecat&q=');
    expect(toSavedQuery(params, 'agents')).toBe('role=polecat&status=stalled');
    expect(hasFilters(params, 'agents')).toBe(true);
    expect(hasFilters(new URLSearchParams('event=42'), 'agents')).toBe(false);
    expect(toSavedQuery(new URLSearchParams('kind=git&q=x&event=bead:1'), 'timeline')).toBe('q=x&kind=git');
  });

  it('applying a view replaces the scope’s filters and leaves the rest of the URL', () => {
    const next = applySavedQuery(new URLSearchParams('window=6+h&q=old&status=dead'), 'agents', 'role=polecat&status=stalled&event=9');
    expect(next.get('window')).toBe('6 h');
    expect(next.get('q')).toBeNull();
    expect(next.get('status')).toBe('stalled');
    expect(next.get('event'), 'a saved query cannot smuggle in parameters its scope does not own').toBeNull();
  });

  it('finds the saved view that is exactly the current filter', () => {
    const views = [view('a', 'status=dead'), view('b', 'role=polecat&status=stalled')];
    expect(findCurrentView(views, new URLSearchParams('status=stalled&role=polecat'), 'agents')?.id).toBe('b');
    expect(findCurrentView(views, new URLSearchParams('status=stalled'), 'agents')).toBeNull();
    expect(findCurrentView(views, new URLSearchParams(''), 'agents')).toBeNull();
  });

  it('builds a share link carrying the filter on the same page', () => {
    expect(shareLink('http://h', '/admin/towns/t1/agents', new URLSearchParams('event=3&q=x'), 'agents', 'status=stalled')).toBe(
      'http://h/admin/towns/t1/agents?event=3&status=stalled',
    );
  });
});
