import { describe, expect, it } from 'vitest';
import { parseAgentView, writeAgentView } from './agent-view';

describe('the Agent Inspector URL', () => {
  it('reads the timeline window, the search, the selected event, the type filter and the git operations’ bead', () => {
    expect(parseAgentView(new URLSearchParams('window=6+h&q=town-state&event=42&type=message.part.updated&git_bead=b-7'))).toEqual({
      window: '6 h',
      q: 'town-state',
      event: 42,
      type: 'message.part.updated',
      git_bead: 'b-7',
    });
    expect(parseAgentView(new URLSearchParams())).toEqual({ window: '', q: '', event: null, type: '', git_bead: '' });
  });

  it('takes only a whole number as an event id', () => {
    expect(parseAgentView(new URLSearchParams('event=abc')).event).toBeNull();
    expect(parseAgentView(new URLSearchParams('event=4.5')).event).toBeNull();
    expect(parseAgentView(new URLSearchParams('event=0')).event).toBe(0);
  });

  it('round-trips, keeps what it does not own, and leaves empty values out', () => {
    const view = { window: 'all', q: 'git push', event: 7, type: '', git_bead: 'b-7' };
    const written = writeAgentView(view, new URLSearchParams('other=1&type=session.updated'));
    expect(written.toString()).toBe('other=1&window=all&q=git+push&event=7&git_bead=b-7');
    expect(parseAgentView(written)).toEqual(view);
    expect(writeAgentView({ window: '', q: '', event: null, type: '', git_bead: '' }, written).toString()).toBe('other=1');
  });

  it('writes the search as typed, but not a search of spaces only', () => {
    expect(writeAgentView({ window: '', q: ' padded ', event: null, type: '', git_bead: '' }).get('q')).toBe(' padded ');
    expect(writeAgentView({ window: '', q: '   ', event: null, type: '', git_bead: '' }, new URLSearchParams('q=old')).has('q')).toBe(
      false,
    );
  });
});
