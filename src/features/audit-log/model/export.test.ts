import { describe, expect, it } from 'vitest';
import type { AuditRow } from '../../../api';
import { toAuditCsv } from './export';

const entry: AuditRow = {
  seq: 1,
  id: '6f1c2f7e-8a55-4b39-9d1e-3c7b7c1d2e3f',
  town_id: '0b2a8c3e-1f4d-4a6b-8c9d-0e1f2a3b4c5d',
  at: '2026-11-24T10:00:00.000Z',
  admin_id: 'usr_a11ce0ad01',
  admin_email: 'ops@kilocode.ai',
  action: 'agent.force_reset',
  target: { kind: 'agent', id: 'a1' },
  reason: '=HYPERLINK("evil") and a "quote", comma',
  params: {},
  before: { 'Toast.status': 'stalled' },
  after: { 'Toast.status': 'idle' },
  outcome: 'success',
  error: null,
  request_id: 'req-1',
  prev_hash: '0'.repeat(64),
  hash: 'a'.repeat(64),
  global_seq: 1207,
  names: { town: 'payments-api', rig: null, agent: { id: 'a1', name: 'Toast', gone: false }, bead: null, tracked_bead: null },
};

describe('audit CSV export', () => {
  it('quotes the fields that need it and neutralizes spreadsheet formulas', () => {
    const [header, row] = toAuditCsv([entry]).trim().split('\r\n');
    expect(header).toMatch(/^seq,global_seq,at,town_id,town_name,rig,agent,bead,tracked_bead,admin_email/);
    expect(row).toMatch(/^1,1207,2026-11-24T10:00:00.000Z,0b2a8c3e-1f4d-4a6b-8c9d-0e1f2a3b4c5d,payments-api,,Toast \(a1\),,,/);
    expect(row).toContain(`"'=HYPERLINK(""evil"") and a ""quote"", comma"`);
    expect(row).toContain('"{""Toast.status"":""idle""}"');
  });

  it('names a deleted agent by the name it had and says it is deleted', () => {
    const gone = { ...entry, names: { ...entry.names, agent: { id: 'a1', name: 'Toast', gone: true } } };
    expect(toAuditCsv([gone]).split('\r\n')[1]).toContain(',"Toast, deleted (a1)",');
  });
});
