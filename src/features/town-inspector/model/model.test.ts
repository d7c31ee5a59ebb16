import { describe, expect, it } from 'vitest';
import type { AgentListItem, BeadListItem, TimelineEvent } from '../../../api';
import { getWorkVerdict, summarizeAgents } from './agent-rows';
import { countByStatus, filterBeadsExceptStatus, filterByStatus, mergeBeadPages, parseBeadView, writeBeadView } from './bead-view';
import { buildPlatformLinks, fillTemplate } from './platform-links';
import { toSafeExternalUrl } from '../../../lib/urls';
import { csvCell } from '../../../lib/export';
import { exportFileName, parseTimelineView, toTimelineCsv, toTimelineQuery, writeTimelineView } from './timeline-view';

const bead = (over: Partial<BeadListItem>): BeadListItem => ({
  id: '3f2a9c1b-0000-4000-8000-000000000001',
  type: 'issue',
  status: 'open',
  title: 'A bead',
  rig_id: null,
  parent_bead_id: null,
  assignee_agent_bead_id: null,
  priority: 'medium',
  labels: [],
  metadata: {},
  dispatch_attempts: 0,
  last_dispatch_attempt_at: null,
  created_by: 'mayor',
  created_at: '2026-11-24T09:00:00.000Z',
  updated_at: '2026-11-24T09:00:00.000Z',
  closed_at: null,
  version: 1,
  assignee_name: null,
  last_event_at: null,
  ...over,
});

describe('the State tab’s URL', () => {
  it('round-trips filters and sort, ignoring values it does not know', () => {
    const view = parseBeadView(new URLSearchParams('status=open,bogus,failed&type=issue&label=deps&q=FCM&sort=-dispatch_attempts'));
    expect(view).toEqual({
      status: ['open', 'failed'],
      type: ['issue'],
      label: 'deps',
      q: 'FCM',
      sort: { column: 'dispatch_attempts', desc: true },
    });
    expect(writeBeadView(view).toString()).toBe('status=open%2Cfailed&type=issue&label=deps&q=FCM&sort=-dispatch_attempts');
  });

  it('leaves the default sort out of the link and falls back to it for unknown columns', () => {
    expect(parseBeadView(new URLSearchParams('sort=-password')).sort).toEqual({ column: 'updated_at', desc: true });
    expect(writeBeadView(parseBeadView(new URLSearchParams(''))).toString()).toBe('');
  });
});

describe('bead filtering', () => {
  const beads = [
    bead({
      id: 'a0000000-0000-4000-8000-000000000001',
      title: 'Migrate push notifications to FCM',
      status: 'open',
      labels: ['notifications'],
    }),
    bead({ id: 'b0000000-0000-4000-8000-000000000002', title: 'Upgrade Firebase', status: 'failed', labels: ['deps'] }),
    bead({
      id: 'c0000000-0000-4000-8000-000000000003',
      title: 'Merge: sidebar',
      type: 'merge_request',
      status: 'in_review',
      assignee_name: 'Toast',
    }),
  ];

  it('matches text in title, id, label and agent name, case-insensitively', () => {
    const q = (text: string) => filterBeadsExceptStatus(beads, { type: [], label: '', q: text }).map((b) => b.title);
    expect(q('fcm')).toEqual(['Migrate push notifications to FCM']);
    expect(q('b0000000')).toEqual(['Upgrade Firebase']);
    expect(q('DEPS')).toEqual(['Upgrade Firebase']);
    expect(q('toast')).toEqual(['Merge: sidebar']);
  });

  it('counts per status over the other filters, so the chips say what a click would show', () => {
    const base = filterBeadsExceptStatus(beads, { type: ['issue'], label: '', q: '' });
    expect(countByStatus(base)).toEqual({ open: 1, in_progress: 0, in_review: 0, closed: 0, failed: 1 });
    expect(filterByStatus(base, ['failed']).map((b) => b.title)).toEqual(['Upgrade Firebase']);
  });

  it('merges pages without duplicates when a row slides across a page boundary', () => {
    expect(mergeBeadPages([{ items: [beads[0]!, beads[1]!] }, { items: [beads[1]!, beads[2]!] }])).toHaveLength(3);
  });
});

describe('external links', () => {
  it('keeps only absolute http(s) URLs', () => {
    expect(toSafeExternalUrl('https://github.com/acme/docs/pull/12')).toBe('https://github.com/acme/docs/pull/12');
    expect(toSafeExternalUrl('javascript:alert(1)')).toBeNull();
    expect(toSafeExternalUrl('pull/0')).toBeNull();
    expect(toSafeExternalUrl('data:text/html,hi')).toBeNull();
    expect(toSafeExternalUrl(null)).toBeNull();
  });

  it('fills platform templates with encoded values and explains why a link is off', () => {
    expect(fillTemplate('https://logs.example/q?town={townId}', { townId: 'a b&c' })).toBe('https://logs.example/q?town=a%20b%26c');
    expect(fillTemplate('javascript:{townId}', { townId: 'x' })).toBeNull();
    const links = buildPlatformLinks(
      {
        VITE_PLATFORM_LINK_WORKER_LOGS: 'https://dash.example/logs?town={townId}',
        VITE_PLATFORM_LINK_CONTAINER: 'https://dash.example/containers/{instanceId}',
      },
      { townId: 't1', userId: 'u1', instanceId: null },
    );
    expect(links.map((l) => [l.id, l.href, l.unavailable])).toEqual([
      ['worker-logs', 'https://dash.example/logs?town=t1', null],
      ['container', null, 'The container has no running instance'],
      ['town-do-logs', null, 'Not configured: set VITE_PLATFORM_LINK_TOWN_DO_LOGS to a URL template'],
    ]);
  });
});

describe('agents actually working', () => {
  const now = Date.parse('2026-11-24T12:00:00.000Z');
  const agent = (over: Partial<AgentListItem>): AgentListItem => ({
    id: 'a',
    rig_id: null,
    role: 'polecat',
    name: 'Toast',
    identity: 'Toast-polecat-1@2',
    status: 'working',
    status_since: '2026-11-24T10:00:00.000Z',
    current_hook_bead_id: 'b',
    dispatch_attempts: 1,
    last_activity_at: null,
    checkpoint: null,
    agent_status_message: null,
    active_tools: [],
    stalled_at: null,
    container_process_id: null,
    created_at: '2026-11-01T00:00:00.000Z',
    version: 1,
    hooked_bead_title: null,
    last_sdk_event_at: '2026-11-24T11:58:00.000Z',
    process_status: 'running',
    tokens_24h: 0,
    ...over,
  });

  it('tells a zombie and a silent session from real work', () => {
    expect(getWorkVerdict(agent({}), now)).toEqual({ working: true });
    expect(getWorkVerdict(agent({ current_hook_bead_id: null }), now)).toEqual({ working: false, why: 'no hooked bead' });
    expect(getWorkVerdict(agent({ last_sdk_event_at: '2026-11-24T09:00:00.000Z' }), now)).toEqual({
      working: false,
      why: 'session silent',
    });
    expect(getWorkVerdict(agent({ role: 'refinery', current_hook_bead_id: null }), now)).toEqual({ working: true });
    expect(summarizeAgents([agent({}), agent({ current_hook_bead_id: null }), agent({ status: 'stalled' })], now)).toEqual({
      total: 3,
      active: 2,
      working: 1,
      troubled: 1,
    });
  });
});

describe('the timeline’s URL and exports', () => {
  const row: TimelineEvent = {
    id: 'git:1',
    kind: 'git',
    type: 'push_failure',
    at: '2026-11-24T09:12:33.120Z',
    severity: 'error',
    bead_id: null,
    agent_id: null,
    summary: '=HYPERLINK("x") push failed, "denied"',
    details: { exit_code: 128 },
  };

  it('round-trips text, kind, entity, range and the selected event', () => {
    const view = parseTimelineView(
      new URLSearchParams('q=+OOM+&kind=git,nope,dispatch&entity=abc&from=2026-11-24T00:00:00.000Z&to=garbage&event=git:1'),
    );
    expect(view).toEqual({
      q: ' OOM ',
      kind: ['git', 'dispatch'],
      entity: 'abc',
      from: '2026-11-24T00:00:00.000Z',
      to: '',
      event: 'git:1',
    });
    expect(parseTimelineView(writeTimelineView(view))).toEqual(view);
    expect(toTimelineQuery(view, 1000)).toEqual({
      limit: 1000,
      q: 'OOM',
      kind: ['git', 'dispatch'],
      entity: 'abc',
      from: '2026-11-24T00:00:00.000Z',
    });
  });

  it('writes CSV that a spreadsheet cannot execute', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('a,b')).toBe('"a,b"');
    const csv = toTimelineCsv([row]);
    expect(csv.split('\r\n')[0]).toBe('at,kind,type,severity,bead_id,agent_id,summary,id,details');
    expect(csv).toContain(`"'=HYPERLINK(""x"") push failed, ""denied"""`);
    expect(csv).toContain('"{""exit_code"":128}"');
  });

  it('names export files after the town and the filter', () => {
    const name = exportFileName(
      '9e8d7c6b-1111-4111-8111-111111111111',
      { q: '', kind: ['git'], entity: '', from: '', to: '', event: '' },
      'csv',
      new Date('2026-11-24T09:12:33Z'),
    );
    expect(name).toBe('gastown-9e8d7c6b-timeline-git-2026-11-24-09-12-33.csv');
  });
});
