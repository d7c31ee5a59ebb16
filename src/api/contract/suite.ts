import { describe, expect, it } from 'vitest';
import * as S from '../schemas';
import { call, getError, getOk, type ContractTarget } from './harness';
import {
  agentStatusTimelineEvent,
  beadTimelineEvent,
  containerTimelineEvent,
  credentialTimelineEvent,
  dispatchTimelineEvent,
  gitTimelineEvent,
} from '../../../server/readings/timeline-events';

/**
 * The admin API contract as assertions, written once and run against every backend (MSW handlers and
 * the reference worker). Only the scenario world's stable facts are asserted: ids, counts, shapes,
 * paging, auth, masking and bad input — never values that depend on the clock.
 */
export function defineContractSuite(name: string, getTarget: () => ContractTarget): void {
  const t = () => getTarget();
  const townOf = (scenario: string) => {
    const town = t().world.towns.find((w) => w.scenario === scenario);
    if (!town) throw new Error(`no ${scenario} town in the world`);
    return town;
  };
  const dana = () => t().world.towns[0]!.town.owner_user_id;

  describe(`admin API contract: ${name}`, () => {
    describe('auth', () => {
      for (const path of ['/session', '/users?q=dana', `/towns/{town}`, '/audit']) {
        it(`${path}: 401 without a token, 401 for an unknown one, 403 for a non-admin`, async () => {
          const p = path.replace('{town}', townOf('healthy').town.id);
          expect((await getError(t(), p, 401, null)).code).toBe('unauthorized');
          expect((await getError(t(), p, 401, 'not-a-real-token')).code).toBe('unauthorized');
          expect((await getError(t(), p, 403, t().nonAdminToken)).code).toBe('forbidden');
        });
      }

      it('session names the admin', async () => {
        const session = await getOk(t(), '/session', S.Session);
        expect(session.user.is_admin).toBe(true);
      });
    });

    describe('users', () => {
      it('finds a user by email, id and name', async () => {
        const id = dana();
        const user = t().world.users.find((u) => u.id === id)!;
        for (const q of [user.email, user.id, user.name.split(' ')[0]!]) {
          const found = await getOk(t(), `/users?q=${encodeURIComponent(q)}`, S.UserSearchResult);
          expect(found.items.map((u) => u.id)).toContain(id);
        }
      });

      it("lists the user's towns and rigs", async () => {
        const id = dana();
        const expected = t().world.towns.filter((w) => w.town.owner_user_id === id);
        const detail = await getOk(t(), `/users/${id}`, S.UserDetail);
        expect(detail.town_count).toBe(expected.length);
        expect(detail.rig_count).toBe(expected.reduce((n, w) => n + w.rigs.length, 0));
        const towns = await getOk(t(), `/users/${id}/towns`, S.TownList);
        expect(towns.items.map((x) => x.id).sort()).toEqual(expected.map((w) => w.town.id).sort());
        const rigs = await getOk(t(), `/users/${id}/rigs`, S.RigList);
        expect(rigs.items).toHaveLength(detail.rig_count);
      });

      it("lists an organization's towns on each member's page, labelled with the organization, and in no user's own list", async () => {
        const world = t().world;
        const { org, members } = world.orgs[0]!;
        const orgTowns = world.towns.filter((w) => w.town.owner_org_id === org.id);
        expect(orgTowns.length).toBeGreaterThan(0);
        for (const { user_id, role } of members) {
          const user = world.users.find((u) => u.id === user_id)!;
          const own = world.towns.filter((w) => w.town.owner_user_id === user_id && !w.town.owner_org_id);
          const detail = await getOk(t(), `/users/${user_id}`, S.UserDetail);
          expect(detail.organizations).toEqual([{ org, role }]);
          expect(detail.town_count).toBe(own.length + orgTowns.length);
          const towns = await getOk(t(), `/users/${user_id}/towns`, S.TownList);
          expect(towns.items.map((x) => [x.id, x.owned_by]).sort()).toEqual(
            [
              ...own.map((w) => [w.town.id, { kind: 'user', id: user_id, name: user.name }]),
              ...orgTowns.map((w) => [w.town.id, { kind: 'org', id: org.id, name: org.name }]),
            ].sort(),
          );
          const rigs = await getOk(t(), `/users/${user_id}/rigs`, S.RigList);
          expect(rigs.items.map((r) => r.id).sort()).toEqual([...own, ...orgTowns].flatMap((w) => w.rigs.map((r) => r.id)).sort());
        }
        // Someone outside the organization does not see its towns; a user's own towns are labelled with the user.
        const danaTowns = await getOk(t(), `/users/${dana()}/towns`, S.TownList);
        expect(danaTowns.items.some((x) => orgTowns.some((w) => w.town.id === x.id))).toBe(false);
        expect(danaTowns.items.every((x) => x.owned_by.kind === 'user' && x.owned_by.id === dana())).toBe(true);
      });

      it("an organization's town answers its deep links, naming the organization and the member who created it", async () => {
        const { org } = t().world.orgs[0]!;
        const seed = t().world.towns.find((w) => w.town.owner_org_id === org.id)!;
        const town = await getOk(t(), `/towns/${seed.town.id}`, S.TownDetail);
        expect(town.owned_by).toEqual({ kind: 'org', id: org.id, name: org.name });
        expect(town.owner_org_id).toBe(org.id);
        expect(town.owner.id).toBe(seed.town.owner_user_id);
        expect(town.rigs.map((r) => r.id).sort()).toEqual(seed.rigs.map((r) => r.id).sort());
        const beads = await getOk(t(), `/towns/${seed.town.id}/beads?limit=5`, S.BeadPage);
        expect(beads.items.length).toBeGreaterThan(0);
        const bead = await getOk(t(), `/towns/${seed.town.id}/beads/${beads.items[0]!.id}`, S.BeadDetail);
        expect(bead.bead.id).toBe(beads.items[0]!.id);
        const agent = seed.agents[0]!;
        expect((await getOk(t(), `/towns/${seed.town.id}/agents/${agent.id}`, S.AgentDetail)).agent.id).toBe(agent.id);
      });

      it("lists the user's linked integrations: each rig's own, and one that reaches every repository", async () => {
        const id = dana();
        const rigIntegrations = t()
          .world.towns.filter((w) => w.town.owner_user_id === id)
          .flatMap((w) => w.rigs.map((r) => r.platform_integration_id));
        const list = await getOk(t(), `/users/${id}/integrations`, S.LinkedIntegrationList);
        expect(list.items.every((i) => i.owner_user_id === id)).toBe(true);
        for (const rigIntegration of rigIntegrations) expect(list.items.map((i) => i.id)).toContain(rigIntegration);
        expect(list.items.filter((i) => i.repositories === 'all' && i.status === 'active')).toHaveLength(1);
        expect(
          list.items.find((i) => i.status === 'suspended'),
          'infra-terraform’s installation is suspended',
        ).toBeDefined();
        const other = await getOk(
          t(),
          `/users/${t().world.towns.find((w) => w.town.owner_user_id !== id)!.town.owner_user_id}/integrations`,
          S.LinkedIntegrationList,
        );
        expect(
          other.items.some((i) => list.items.some((mine) => mine.id === i.id)),
          'nobody sees another user’s integrations',
        ).toBe(false);
      });

      it('unknown user → 404', async () => {
        expect((await getError(t(), '/users/usr_doesnotexist', 404)).code).toBe('not_found');
        expect((await getError(t(), '/users/usr_doesnotexist/integrations', 404)).code).toBe('not_found');
      });
    });

    describe('every town endpoint parses', () => {
      it.each([
        'healthy',
        'stuck-agent',
        'stuck-bead',
        'refinery-failure',
        'container-instability',
        'credential-issues',
        'convoy-stall',
        'mayor-dysfunction',
        'silent-consumption',
      ])('%s town', async (scenario) => {
        const seed = townOf(scenario);
        const id = seed.town.id;
        const town = await getOk(t(), `/towns/${id}`, S.TownDetail);
        expect(town.beads.total).toBe(seed.beads.length);
        expect(town.agents.total).toBe(seed.agents.length);
        expect(town.rigs).toHaveLength(seed.rigs.length);
        await getOk(t(), `/towns/${id}/beads`, S.BeadPage);
        const agents = await getOk(t(), `/towns/${id}/agents`, S.AgentList);
        expect(agents.items).toHaveLength(seed.agents.length);
        await getOk(t(), `/towns/${id}/review-queue`, S.ReviewQueue);
        await getOk(t(), `/towns/${id}/container`, S.ContainerState);
        await getOk(t(), `/towns/${id}/config`, S.TownConfigResponse);
        await getOk(t(), `/towns/${id}/usage`, S.TownUsage);
        await getOk(t(), `/towns/${id}/dispatch-attempts`, S.DispatchAttemptList);
        await getOk(t(), `/towns/${id}/git-operations?outcome=failure`, S.GitOperationList);
        await getOk(t(), `/towns/${id}/timeline?limit=50`, S.TimelinePage);
        await getOk(t(), `/towns/${id}/audit`, S.AuditPage);
        await getOk(t(), `/towns/${id}/audit/verify`, S.AuditVerification);
        for (const agent of seed.agents) await getOk(t(), `/towns/${id}/agents/${agent.id}`, S.AgentDetail);
        for (const bead of seed.beads.slice(0, 5)) {
          await getOk(t(), `/towns/${id}/beads/${bead.id}`, S.BeadDetail);
          await getOk(t(), `/towns/${id}/beads/${bead.id}/events`, S.BeadEventList);
          await getOk(t(), `/towns/${id}/beads/${bead.id}/graph?depth=2`, S.BeadGraph);
        }
      });
    });

    describe('beads', () => {
      it('pages by cursor through the whole list exactly once, with counts per status', async () => {
        const seed = townOf('healthy');
        const ids: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const page: S.BeadPage = await getOk(
            t(),
            `/towns/${seed.town.id}/beads?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
            S.BeadPage,
          );
          ids.push(...page.items.map((b) => b.id));
          expect(page.total).toBe(seed.beads.length);
          cursor = page.next_cursor;
          pages++;
        } while (cursor && pages < 100);
        expect(new Set(ids).size).toBe(seed.beads.length);
        expect(ids).toHaveLength(seed.beads.length);
      });

      it('filters by status without changing the status counts, and sorts', async () => {
        const seed = townOf('stuck-bead');
        const all = await getOk(t(), `/towns/${seed.town.id}/beads?limit=1000`, S.BeadPage);
        const open = await getOk(t(), `/towns/${seed.town.id}/beads?status=open,in_progress&sort=-priority`, S.BeadPage);
        expect(open.counts).toEqual(all.counts);
        expect(open.items.every((b) => b.status === 'open' || b.status === 'in_progress')).toBe(true);
        expect(open.total).toBe((all.counts.open ?? 0) + (all.counts.in_progress ?? 0));
        const byTitle = await getOk(t(), `/towns/${seed.town.id}/beads?sort=title&limit=1000`, S.BeadPage);
        const titles = byTitle.items.map((b) => b.title);
        expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      });

      it('sorts by status in lifecycle order (open → in progress → in review → closed → failed), both ways', async () => {
        const seed = townOf('stuck-bead');
        const rank = (status: string) => S.BeadStatus.options.indexOf(status as S.BeadStatus);
        for (const sort of ['status', '-status']) {
          const page = await getOk(t(), `/towns/${seed.town.id}/beads?sort=${sort}&limit=1000`, S.BeadPage);
          const ranks = page.items.map((b) => rank(b.status));
          const sorted = [...ranks].sort((a, b) => (sort === 'status' ? a - b : b - a));
          expect(ranks, sort).toEqual(sorted);
          expect(new Set(ranks).size, 'the town has several statuses').toBeGreaterThan(2);
        }
      });

      it('searches titles, a full id, and a short id (the 8-character prefix every table shows)', async () => {
        const seed = townOf('healthy');
        const bead = seed.beads.find((b) => b.type === 'issue')!;
        for (const q of [bead.title, bead.id, bead.id.slice(0, 8), bead.id.slice(0, 8).toUpperCase()]) {
          const page = await getOk(t(), `/towns/${seed.town.id}/beads?q=${encodeURIComponent(q)}`, S.BeadPage);
          expect(
            page.items.map((b) => b.id),
            q,
          ).toContain(bead.id);
        }
        const middle = await getOk(t(), `/towns/${seed.town.id}/beads?q=${bead.id.slice(9, 18)}`, S.BeadPage);
        expect(
          middle.items.map((b) => b.id),
          'an id matches by its start only',
        ).not.toContain(bead.id);
      });
    });

    describe('agent events', () => {
      const streamed = () => {
        const seed = townOf('stuck-agent');
        const spec = seed.sdk_streams.reduce((a, b) => (b.total > a.total ? b : a));
        return { seed, spec, base: `/towns/${seed.town.id}/agents/${spec.agent_id}` };
      };

      it('pages newest first by default and forward after a cursor', async () => {
        const { spec, base } = streamed();
        const newest = await getOk(t(), `${base}/events?limit=50`, S.SdkEventPage);
        expect(newest.total).toBe(spec.total);
        expect(newest.items[0]!.id).toBe(spec.total);
        expect(newest.items.map((e) => e.id)).toEqual([...Array(50)].map((_, i) => spec.total - i));
        const older = await getOk(t(), `${base}/events?before=${newest.next_cursor}&limit=50`, S.SdkEventPage);
        expect(older.items[0]!.id).toBe(spec.total - 50);
        const forward = await getOk(t(), `${base}/events?after=10&limit=20`, S.SdkEventPage);
        expect(forward.items.map((e) => e.id)).toEqual([...Array(20)].map((_, i) => 11 + i));
        expect(forward.next_cursor).toBe(30);
        const one = await getOk(t(), `${base}/events/11`, S.SdkEvent);
        expect(one).toEqual(forward.items[0]);
      });

      it('filters by type and by text', async () => {
        const { base } = streamed();
        const typed = await getOk(t(), `${base}/events?type=server.heartbeat&limit=20`, S.SdkEventPage);
        expect(typed.items.length).toBeGreaterThan(0);
        expect(typed.items.every((e) => e.event_type === 'server.heartbeat')).toBe(true);
        const text = await getOk(t(), `${base}/events?q=heartbeat&limit=5`, S.SdkEventPage);
        expect(text.items.every((e) => JSON.stringify(e.data).toLowerCase().includes('heartbeat'))).toBe(true);
      });

      it('serves the compact index in ascending pages', async () => {
        const { spec, base } = streamed();
        const first = await getOk(t(), `${base}/event-index?limit=1000`, S.SdkEventIndexPage);
        expect(first.total).toBe(spec.total);
        expect(first.rows[0]![0]).toBe(1);
        const expectedRows = Math.min(1000, spec.total);
        expect(first.rows).toHaveLength(expectedRows);
        if (spec.total > 1000) {
          const second = await getOk(t(), `${base}/event-index?after=${first.next_cursor}&limit=1000`, S.SdkEventIndexPage);
          expect(second.rows[0]![0]).toBe(1001);
        }
      });
    });

    describe('timeline', () => {
      it('pages newest first without overlap', async () => {
        const id = townOf('container-instability').town.id;
        const first = await getOk(t(), `/towns/${id}/timeline?limit=15`, S.TimelinePage);
        expect(first.next_cursor).not.toBeNull();
        const second = await getOk(t(), `/towns/${id}/timeline?limit=15&before=${encodeURIComponent(first.next_cursor!)}`, S.TimelinePage);
        const rows = [...first.items, ...second.items];
        expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
        const times = rows.map((r) => r.at);
        expect(times).toEqual([...times].sort().reverse());
        const containerOnly = await getOk(t(), `/towns/${id}/timeline?kind=container&limit=20`, S.TimelinePage);
        expect(containerOnly.items.every((r) => r.kind === 'container')).toBe(true);
      });

      it('reads every recorded fact the same way as the shared definition (no backend words its own rows)', async () => {
        const seed = townOf('stuck-agent');
        const page = await getOk(t(), `/towns/${seed.town.id}/timeline?limit=1000`, S.TimelinePage);
        expect(page.next_cursor).toBeNull();
        const title = new Map(seed.beads.map((b) => [b.id, b.title]));
        const agent = new Map(seed.agents.map((a) => [a.id, a.name]));
        const rig = new Map(seed.rigs.map((r) => [r.id, r.name]));
        const expected = [
          ...seed.bead_events.map((e) => ({ kind: 'bead', at: e.created_at, ...beadTimelineEvent(e, title.get(e.bead_id) ?? null) })),
          ...seed.agent_status_history.map((h) => ({
            kind: 'agent',
            at: h.at,
            ...agentStatusTimelineEvent(h, agent.get(h.agent_id) ?? null),
          })),
          ...seed.dispatch_attempts.map((d) => ({ kind: 'dispatch', at: d.created_at, ...dispatchTimelineEvent(d) })),
          ...seed.container_events.map((c) => ({ kind: 'container', at: c.created_at, ...containerTimelineEvent(c) })),
          ...seed.git_operations.map((g) => ({ kind: 'git', at: g.created_at, ...gitTimelineEvent(g) })),
          ...seed.credential_events.map((c) => ({
            kind: 'credential',
            at: c.created_at,
            ...credentialTimelineEvent(c, rig.get(c.rig_id) ?? null),
          })),
        ];
        // Row ids are each backend's own cursor material; everything an admin reads must agree.
        const key = (r: object) => JSON.stringify(r, Object.keys(r).sort());
        const served = page.items.map(({ id: _id, ...r }) => key(r)).sort();
        expect(served).toEqual(expected.map(key).sort());
      });

      it('filters by text (q): every row whose words contain it, case-insensitive, counted, and none other', async () => {
        const seed = townOf('stuck-agent');
        const all = (await getOk(t(), `/towns/${seed.town.id}/timeline?limit=1000`, S.TimelinePage)).items;
        const reads = (r: S.TimelineEvent) => `${r.type} ${r.summary} ${JSON.stringify(r.details)}`.toLowerCase();
        // An agent's name (its status rows say it) and a bead's title (its bead rows say it), typed in another case.
        for (const word of [seed.agents[0]!.name, seed.beads[0]!.title.split(' ')[0]!]) {
          const typed = word.toUpperCase();
          const page = await getOk(t(), `/towns/${seed.town.id}/timeline?limit=1000&q=${encodeURIComponent(typed)}`, S.TimelinePage);
          const shown = all.filter((r) => r.summary.toLowerCase().includes(word.toLowerCase()));
          expect(shown.length).toBeGreaterThan(0);
          expect(page.items.map((r) => r.id)).toEqual(expect.arrayContaining(shown.map((r) => r.id)));
          for (const row of page.items) expect(reads(row)).toContain(word.toLowerCase());
          expect(page.total).toBe(page.items.length);
        }
        const none = await getOk(t(), `/towns/${seed.town.id}/timeline?q=${encodeURIComponent('no row says zq-xv-17')}`, S.TimelinePage);
        expect(none).toMatchObject({ items: [], total: 0, next_cursor: null });
      });
    });

    describe('secrets never leave the server', () => {
      it.each(['healthy', 'credential-issues', 'container-instability'])('%s town', async (scenario) => {
        const seed = townOf(scenario);
        const secrets = [...seed.env.filter((e) => e.secret).map((e) => e.value), ...(seed.git_token ? [seed.git_token] : [])];
        expect(secrets.length).toBeGreaterThan(0);
        const id = seed.town.id;
        const texts: string[] = [];
        for (const path of [
          `/towns/${id}`,
          `/towns/${id}/config`,
          `/towns/${id}/container`,
          `/towns/${id}/agents`,
          `/towns/${id}/timeline?limit=1000`,
          `/towns/${id}/audit`,
        ]) {
          texts.push((await call(t(), path)).text);
        }
        for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
        const config = await getOk(t(), `/towns/${id}/config`, S.TownConfigResponse);
        const container = await getOk(t(), `/towns/${id}/container`, S.ContainerState);
        for (const env of [...config.config.env_vars, ...container.env_vars]) if (env.secret) expect(env.value).toBe('****');
        expect(config.config.git_auth.token_set).toBe(seed.git_token !== null);
      });
    });

    describe('bad input', () => {
      const town = () => townOf('healthy');
      const agentPath = () => {
        const spec = town().sdk_streams[0]!;
        return `/towns/${town().town.id}/agents/${spec.agent_id}`;
      };
      const expectParam = async (path: string, parameter: string, status = 400) => {
        const error = await getError(t(), path, status);
        expect(error.code).toBe('bad_request');
        expect(error.details?.parameter).toBe(parameter);
      };

      it('malformed ids → 400 naming the id', async () => {
        await expectParam('/towns/not-a-uuid', 'townId');
        await expectParam(`/towns/${town().town.id}/beads/123`, 'beadId');
        await expectParam(`/towns/${town().town.id}/agents/%27%3B%20DROP%20TABLE%20agents`, 'agentId');
      });

      it('unknown ids → 404', async () => {
        const zero = '00000000-0000-4000-8000-000000000000';
        for (const path of [
          `/towns/${zero}`,
          `/towns/${town().town.id}/beads/${zero}`,
          `/towns/${town().town.id}/agents/${zero}`,
          `${agentPath()}/events/999999999`,
        ]) {
          expect((await getError(t(), path, 404)).code).toBe('not_found');
        }
      });

      it('bad query values → 400 naming the parameter', async () => {
        await expectParam(`${agentPath()}/events?limit=-1`, 'limit');
        await expectParam(`${agentPath()}/events?limit=501`, 'limit');
        await expectParam(`${agentPath()}/events?after=abc`, 'after');
        await expectParam(`${agentPath()}/event-index?limit=20001`, 'limit');
        await expectParam(`/towns/${town().town.id}/beads?limit=0`, 'limit');
        await expectParam(`/towns/${town().town.id}/beads?cursor=%%%`, 'cursor');
        await expectParam(`/towns/${town().town.id}/beads?sort=password`, 'sort');
        await expectParam(`/towns/${town().town.id}/beads/${town().beads[0]!.id}/graph?depth=-2`, 'depth');
        await expectParam(`/towns/${town().town.id}/timeline?limit=abc`, 'limit');
      });

      it('an oversized query → 400 naming the parameter', async () => {
        await expectParam(`/users?q=${'x'.repeat(20_000)}`, 'q');
        await expectParam(`/towns/${town().town.id}/beads?q=${'x'.repeat(20_000)}`, 'q');
      });

      it('a 10 MB query string is refused, never a 5xx', async () => {
        // The HTTP layer may drop the connection before any handler runs: a refusal, not a failure.
        const status = await call(t(), `/users?q=${'x'.repeat(10 * 1024 * 1024)}`).then(
          (answer) => answer.status,
          () => 431,
        );
        expect(status).toBeGreaterThanOrEqual(400);
        expect(status).toBeLessThan(500);
      });
    });
  });
}
