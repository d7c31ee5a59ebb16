import { describe, expect, it } from 'vitest';
import { createApiClient } from '../client';
import { endpoints } from '../endpoints';
import { AgentListItem, AgentStatusChange, Assignment } from './agent';
import { Bead, BeadEvent, BeadEventList, BeadListItem, BeadPage, BeadStatus, BeadType, beadEventActor } from './bead';
import { isKnown } from './tolerant';
import { ActionResult } from './actions';
import { RigConfig, TownConfig } from './config';
import { ContainerState } from './container';
import { ReviewEntry } from './review';

/**
 * The shapes production's Gastown sends today (DOMAIN.md, "Production as it stands"), fed to the
 * contract: every one parses, and what it says survives the parse.
 */
const TOWN = '9e8d7c6b-0000-4000-8000-000000000001';
const bead = (patch: Record<string, unknown> = {}) => ({
  id: '1a2b3c4d-0000-4000-8000-000000000001',
  type: 'issue',
  status: 'open',
  title: 'Fix the login redirect',
  body: 'Users land on /404 after SSO.',
  rig_id: null,
  parent_bead_id: null,
  assignee_agent_bead_id: null,
  priority: 'medium',
  labels: [],
  metadata: {},
  dispatch_attempts: 0,
  last_dispatch_attempt_at: null,
  created_by: 'mayor',
  created_at: '2026-03-02T10:00:00.000Z',
  updated_at: '2026-03-02T10:00:00.000Z',
  closed_at: null,
  version: 1,
  ...patch,
});
const listItem = (patch: Record<string, unknown> = {}) => {
  const { body: _body, ...rest } = bead(patch);
  return { ...rest, assignee_name: null, last_event_at: null };
};
const agent = (patch: Record<string, unknown> = {}) => ({
  id: '3f2a9c1b-0000-4000-8000-000000000001',
  rig_id: null,
  role: 'polecat',
  name: 'Toast',
  identity: 'Toast-polecat-3f2a9c1b@9e8d7c6b',
  status: 'idle',
  status_since: '2026-03-02T10:00:00.000Z',
  current_hook_bead_id: null,
  dispatch_attempts: 0,
  last_activity_at: null,
  checkpoint: null,
  agent_status_message: null,
  active_tools: [],
  stalled_at: null,
  container_process_id: null,
  created_at: '2026-03-01T10:00:00.000Z',
  version: 1,
  hooked_bead_title: null,
  last_sdk_event_at: null,
  process_status: null,
  tokens_24h: 0,
  ...patch,
});
const event = (patch: Record<string, unknown> = {}) => ({
  id: '5e6f7a8b-0000-4000-8000-000000000001',
  bead_id: '1a2b3c4d-0000-4000-8000-000000000001',
  agent_id: '3f2a9c1b-0000-4000-8000-000000000001',
  event_type: 'status_changed',
  old_value: 'open',
  new_value: 'in_progress',
  metadata: {},
  created_at: '2026-03-02T10:05:00.000Z',
  ...patch,
});

describe('the contract reads production shapes', () => {
  it('an agent role is free text: an old town’s `witness` parses as itself', () => {
    const parsed = AgentListItem.parse(agent({ role: 'witness' }));
    expect(parsed.role).toBe('witness');
    expect(Assignment.shape.role.parse('witness')).toBe('witness');
  });

  it('a bead with a null body and a null created_by parses, keeping the nulls', () => {
    const parsed = Bead.parse(bead({ body: null, created_by: null }));
    expect(parsed).toMatchObject({ body: null, created_by: null });
    expect(BeadListItem.parse(listItem({ created_by: null })).created_by).toBeNull();
  });

  it('`in_review` and statuses, types and event types newer than the panel parse as themselves', () => {
    expect(Bead.parse(bead({ status: 'in_review' })).status).toBe('in_review');
    const newer = Bead.parse(bead({ status: 'in_limbo', type: 'nudge' }));
    expect(newer).toMatchObject({ status: 'in_limbo', type: 'nudge' });
    expect(isKnown(BeadStatus, newer.status)).toBe(false);
    expect(isKnown(BeadType, newer.type)).toBe(false);
    expect(BeadEvent.parse(event({ event_type: 'pr_conflict_detected' })).event_type).toBe('pr_conflict_detected');
    expect(AgentStatusChange.parse({ status: 'hibernating', at: '2026-03-02T10:05:00.000Z', reason: null }).status).toBe('hibernating');
  });

  it('a page whose counts include a status the panel does not know parses', () => {
    const page = BeadPage.parse({
      items: [listItem({ status: 'in_limbo' })],
      next_cursor: null,
      total: 1,
      counts: { open: 0, in_limbo: 1 },
    });
    expect(page.counts).toEqual({ open: 0, in_limbo: 1 });
  });

  it('nothing carries a version: beads, agents and pages of them parse without one (null), as do config, rig, container and review rows', () => {
    const { version: _b, ...versionlessBead } = bead();
    const { version: _a, ...versionlessAgent } = agent();
    expect(Bead.parse(versionlessBead).version).toBeNull();
    expect(AgentListItem.parse(versionlessAgent).version).toBeNull();
    const { version: _l, ...versionlessItem } = listItem();
    const page = BeadPage.parse({ items: [versionlessItem, listItem()], next_cursor: null, total: 2, counts: { open: 2 } });
    expect(page.items.map((b) => b.version)).toEqual([null, 1]);
    for (const schema of [TownConfig, RigConfig, ContainerState, ReviewEntry]) expect(schema.shape.version.parse(undefined)).toBeNull();
    // An older backend's action answer has no row tag: it reads as none.
    expect(ActionResult.shape.target_tag.parse(undefined)).toBeNull();
  });

  it('a bead event’s actor is an agent, the literal `admin` (who, from the metadata) or the literal `system`', () => {
    const events = BeadEventList.parse({
      items: [
        event(),
        event({ agent_id: 'admin', metadata: { admin_email: 'alex@kilo.ai' } }),
        event({ agent_id: 'admin' }),
        event({ agent_id: 'system' }),
      ],
    }).items;
    expect(events.map(beadEventActor)).toEqual([
      { kind: 'agent', agent_id: '3f2a9c1b-0000-4000-8000-000000000001' },
      { kind: 'admin', who: 'alex@kilo.ai' },
      { kind: 'admin', who: null },
      { kind: 'system' },
    ]);
    expect(beadEventActor(event({ agent_id: null }))).toEqual({ kind: 'system' });
  });
});

describe('a list parses item by item', () => {
  const answer = (body: unknown) =>
    createApiClient({
      baseUrl: 'http://production',
      getToken: () => 'token',
      fetch: async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }),
    });

  it('one malformed bead becomes an invalid row naming the field; the rest of the list shows', async () => {
    const good = [listItem(), listItem({ id: '1a2b3c4d-0000-4000-8000-000000000003', status: 'in_review' })];
    const broken = listItem({ id: '1a2b3c4d-0000-4000-8000-000000000002', priority: 7 });
    const page = await answer({ items: [good[0], broken, good[1]], next_cursor: null, total: 3, counts: { open: 1, in_review: 1 } }).get(
      endpoints.beads(TOWN),
    );
    expect(page.items.map((b) => b.id)).toEqual(good.map((b) => b.id));
    expect(page.invalid_rows).toEqual([
      { list: 'items', index: 1, field: 'priority', message: expect.stringMatching(/expected one of/), id: broken.id },
    ]);
  });

  it('a failure outside every row is still a clear error for the whole answer', async () => {
    const error = await answer({ items: [listItem()], next_cursor: 5, total: 1, counts: {} })
      .get(endpoints.beads(TOWN))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_response', message: expect.stringContaining('next_cursor') });
  });

  it('every list is read the same way: the agents list keeps a `witness` and sets aside a row with a broken id', async () => {
    const detail = await answer({
      items: [agent(), agent({ id: 'not-a-uuid' }), agent({ role: 'witness', id: '3f2a9c1b-0000-4000-8000-000000000002' })],
    }).get(endpoints.agents(TOWN));
    expect(detail.items.map((a) => a.role)).toEqual(['polecat', 'witness']);
    expect(detail.invalid_rows).toMatchObject([{ index: 1, field: 'id', id: 'not-a-uuid' }]);
  });
});
