import { describe, expect, it } from 'vitest';
import { API_PREFIX, TOWN_TIME_HEADER } from '../endpoints';
import type { ApiClient } from '../client';
import { endpoints } from '../endpoints';

/** What the live-read contract needs: raw HTTP (to see 304s and headers) and a signed-in client. */
export interface LiveTarget {
  baseUrl: string;
  fetch: typeof fetch;
  adminToken: string;
  admin: ApiClient;
}

/**
 * Live views poll with `If-None-Match` (docs/admin-api.md, "Live views"): an unchanged view answers
 * 304 with no body; any write to the town (an intervention, a tick, the dev clock) gives a new tag.
 * Run against both hosts.
 */
export function describeLiveContract(backend: string, target: () => LiveTarget) {
  async function get(path: string, etag?: string) {
    const t = target();
    const headers: Record<string, string> = { authorization: `Bearer ${t.adminToken}` };
    if (etag) headers['if-none-match'] = etag;
    const res = await t.fetch(`${t.baseUrl}${API_PREFIX}${path}`, { headers });
    return { status: res.status, etag: res.headers.get('etag'), text: await res.text() };
  }

  /** The tag's change counter (the part a write moves; the rest is the 15-s time slot). */
  const counter = (etag: string | null) => /"t(\d+)\./.exec(etag ?? '')?.[1];

  /**
   * Asks again with the tag: 304 with no body. The tag also names a 15-s slot of town time, so when the
   * slot turned between the two requests the answer is a 200 with the same counter; ask once more.
   */
  async function expectUnchanged(path: string, etag: string) {
    let again = await get(path, etag);
    if (again.status === 200 && counter(again.etag) === counter(etag) && again.etag !== etag) again = await get(path, again.etag!);
    expect(again.status, `${path} with If-None-Match ${etag}`).toBe(304);
    expect(again.text).toBe('');
    return again;
  }

  async function townNamed(name: string) {
    const { admin } = target();
    const [user] = (await admin.get(endpoints.searchUsers('dana.whitfield'))).items;
    const towns = await admin.get(endpoints.userTowns(user!.id));
    return { userId: user!.id, town: towns.items.find((t) => t.name === name)! };
  }

  describe(`live reads (${backend})`, () => {
    it('an unchanged town view answers 304 without a body; an intervention gives a new tag and the new state', async () => {
      const { admin } = target();
      const { town } = await townNamed('mobile-app');
      const first = await get(`/towns/${town.id}`);
      expect(first.status).toBe(200);
      expect(first.etag).toMatch(/^W\/"t\d+\.\d+\.s\d+"$/);
      await expectUnchanged(`/towns/${town.id}`, first.etag!);

      const bead = (await admin.get(endpoints.beads(town.id, { q: 'Migrate push notifications' }))).items[0]!;
      const next = bead.priority === 'low' ? 'high' : 'low';
      await admin.act(
        town.id,
        'bead.change_priority',
        { target: { kind: 'bead', id: bead.id }, params: { priority: next }, reason: 'live read contract', dryRun: false },
        { idempotencyKey: crypto.randomUUID(), ifMatch: bead.version },
      );
      const beadsAfter = await get(`/towns/${town.id}/beads`, first.etag!);
      expect(beadsAfter.status).toBe(200);
      expect(Number(counter(beadsAfter.etag))).toBeGreaterThan(Number(counter(first.etag)));
      const detail = await get(`/towns/${town.id}/beads/${bead.id}`, first.etag!);
      expect(detail.status).toBe(200);
      expect(JSON.parse(detail.text).bead.priority).toBe(next);
    });

    it("an agent's views follow both the town and its event stream", async () => {
      const { admin } = target();
      const { town } = await townNamed('payments-api');
      const agent = (await admin.get(endpoints.agents(town.id))).items.find((a) => a.name === 'Toast')!;
      for (const path of [`/towns/${town.id}/agents/${agent.id}`, `/towns/${town.id}/agents/${agent.id}/event-index?after=0&limit=10`]) {
        const first = await get(path);
        expect(first.status, path).toBe(200);
        expect(first.etag, path).toMatch(/^W\/"t\d+\.\d+\.n\d+\.a\d+"$/);
        await expectUnchanged(path, first.etag!);
      }
    });

    it("an agent's SDK event moves its own page and the views showing stream activity, not the town's other views", async () => {
      const t = target();
      const { town } = await townNamed('payments-api');
      const agents = (await t.admin.get(endpoints.agents(town.id))).items;
      const writer = agents.find((a) => a.name === 'Toast')!;
      const other = agents.find((a) => a.id !== writer.id && a.role === 'polecat')!;
      const moved = [`/towns/${town.id}/agents/${writer.id}`, `/towns/${town.id}/agents`, `/towns/${town.id}`];
      const untouched = [
        `/towns/${town.id}/agents/${other.id}`,
        `/towns/${town.id}/beads`,
        `/towns/${town.id}/review-queue`,
        `/towns/${town.id}/timeline`,
        `/towns/${town.id}/container`,
      ];
      const before = new Map<string, { etag: string; text: string }>();
      for (const path of [...moved, ...untouched]) {
        const first = await get(path);
        expect(first.status, path).toBe(200);
        before.set(path, { etag: first.etag!, text: first.text });
      }
      const res = await t.fetch(`${t.baseUrl}/api/dev/sdk-events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminToken}` },
        body: JSON.stringify({
          town_id: town.id,
          agent_id: writer.id,
          events: [{ type: 'message_part.updated', properties: { part: { type: 'text', text: 'live contract event' } } }],
        }),
      });
      expect(res.status).toBe(200);
      for (const path of untouched) await expectUnchanged(path, before.get(path)!.etag);
      for (const path of moved) {
        const after = await get(path, before.get(path)!.etag);
        expect(after.status, `${path} after the event`).toBe(200);
        expect(after.text, path).not.toBe(before.get(path)!.text);
      }
      const detail = JSON.parse((await get(moved[0]!)).text) as { event_count: number };
      expect(detail.event_count).toBe((JSON.parse(before.get(moved[0]!)!.text) as { event_count: number }).event_count + 1);
    });

    it("the user's towns with their health are tagged across every town", async () => {
      const { userId } = await townNamed('mobile-app');
      const first = await get(`/users/${userId}/towns`);
      expect(first.etag).toMatch(/^W\/"u[0-9a-f]+"$/);
      const again = await get(`/users/${userId}/towns`, first.etag!);
      // The hash covers every town's time slot too; a slot turning between the two is a 200 with a new tag.
      if (again.status === 200) expect(again.etag).not.toBe(first.etag);
      else expect(again).toMatchObject({ status: 304, text: '' });
    });

    it('advancing the dev clock moves the tag (reads count time windows)', async () => {
      const t = target();
      const { town } = await townNamed('storefront');
      const first = await get(`/towns/${town.id}/agents`);
      const res = await t.fetch(`${t.baseUrl}/api/dev/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminToken}` },
        body: JSON.stringify({ advanceMs: 20_000, town_id: town.id }),
      });
      expect(res.status).toBe(200);
      const after = await get(`/towns/${town.id}/agents`, first.etag!);
      expect(after.status).toBe(200);
      expect(after.etag).not.toBe(first.etag);
    });

    it("every town read answers the town's time, which the dev clock moves ahead of the host's (also on a 304)", async () => {
      const t = target();
      const { userId, town } = await townNamed('storefront');
      const timeOf = (header: string | null, townId: string) => {
        const pair = (header ?? '').split(',').find((p) => p.trim().startsWith(`${townId}=`));
        return pair ? Date.parse(pair.split('=')[1]!) : NaN;
      };
      const headerOf = async (path: string, etag?: string) => {
        const headers: Record<string, string> = { authorization: `Bearer ${t.adminToken}` };
        if (etag) headers['if-none-match'] = etag;
        const res = await t.fetch(`${t.baseUrl}${API_PREFIX}${path}`, { headers });
        await res.text();
        return { status: res.status, etag: res.headers.get('etag'), time: timeOf(res.headers.get(TOWN_TIME_HEADER), town.id) };
      };
      const before = await headerOf(`/towns/${town.id}/config`);
      expect(before.time).not.toBeNaN();
      const res = await t.fetch(`${t.baseUrl}/api/dev/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminToken}` },
        body: JSON.stringify({ advanceMs: 20 * 60_000, town_id: town.id }),
      });
      const moved = (await res.json()) as { now: string };
      for (const path of [`/towns/${town.id}/config`, `/towns/${town.id}`, `/users/${userId}/towns`]) {
        const after = await headerOf(path);
        expect(after.time - before.time, path).toBeGreaterThanOrEqual(20 * 60_000);
        expect(Math.abs(after.time - Date.parse(moved.now)), path).toBeLessThan(60_000);
        const again = await headerOf(path, after.etag!);
        if (again.status === 304) expect(again.time, `${path} (304)`).toBeGreaterThanOrEqual(after.time);
      }
    });

    it('a wrong tag is answered in full; refusals carry no tag', async () => {
      const { town } = await townNamed('storefront');
      expect((await get(`/towns/${town.id}/config`, 'W/"t0.0"')).status).toBe(200);
      const tag = (await get(`/towns/${town.id}`)).etag!;
      const unknown = await get(`/towns/00000000-0000-4000-8000-000000000000`, tag);
      expect(unknown).toMatchObject({ status: 404, etag: null });
      for (const path of [`/towns/${town.id}/agents/not-an-id`, `/towns/${town.id}/beads/not-an-id`]) {
        expect(await get(path), path).toMatchObject({ status: 400, etag: null });
      }
    });
  });
}
