import { describe, expect, it } from 'vitest';
import { NO_AUDIT_FILTERS, parseAuditView, writeAuditView } from './audit-view';

describe('the audit log URL', () => {
  it('reads the filters that are there and nothing else', () => {
    expect(parseAuditView(new URLSearchParams('action=container.force_restart&admin=ops%40kilocode.ai&page=3'))).toEqual({
      action: 'container.force_restart',
      admin: 'ops@kilocode.ai',
    });
    expect(parseAuditView(new URLSearchParams())).toEqual({});
  });

  it('round-trips, drops emptied filters and keeps parameters it does not own', () => {
    const base = new URLSearchParams('town_id=t-1&other=x');
    const view = { ...parseAuditView(base), from: '2026-11-24T00:00:00.000Z', town_id: '' };
    const written = writeAuditView(view, base);
    expect(written.toString()).toBe('other=x&from=2026-11-24T00%3A00%3A00.000Z');
    expect(parseAuditView(written)).toEqual({ from: '2026-11-24T00:00:00.000Z' });
    expect(writeAuditView(NO_AUDIT_FILTERS, written).toString()).toBe('other=x');
  });
});
