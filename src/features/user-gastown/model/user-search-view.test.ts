import { describe, expect, it } from 'vitest';
import { parseUserSearchView, writeUserSearchView } from './user-search-view';

describe('the user search URL', () => {
  it('reads and writes ?q=, leaving an empty search out', () => {
    expect(parseUserSearchView(new URLSearchParams('q=dana'))).toEqual({ q: 'dana' });
    expect(parseUserSearchView(new URLSearchParams())).toEqual({ q: '' });
    expect(writeUserSearchView({ q: 'dana whitfield' }).toString()).toBe('q=dana+whitfield');
    expect(writeUserSearchView({ q: '' }, new URLSearchParams('q=dana')).toString()).toBe('');
    expect(parseUserSearchView(writeUserSearchView({ q: 'usr_1&x' }))).toEqual({ q: 'usr_1&x' });
  });
});
