import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../client';
import { batchesPath, endpoints, townSearchPath } from '../endpoints';
import { ApiError } from '../errors';
import {
  BulkPreview,
  SEARCH_AGENT_LIMIT,
  SEARCH_TOWN_LIMIT,
  SearchLine,
  type BulkSelection,
  type SearchHit,
  type SearchKind,
} from '../schemas';
import { agentNamed, townNamed } from './lookups';

/**
 * Town-wide search contract: one request streams NDJSON lines — start, each kind's town rows, each
 * agent's SDK events, progress per agent, done — on every backend (MSW and the reference worker).
 */
export interface SearchBackend {
  api: () => ApiClient;
}

async function search(api: ApiClient, townId: string, q: string): Promise<SearchLine[]> {
  const lines: SearchLine[] = [];
  await api.stream(townSearchPath(townId, q), SearchLine, (line) => lines.push(line));
  return lines;
}

const hitsOf = (lines: SearchLine[], kind: SearchKind): SearchHit[] =>
  lines.flatMap((l) => (l.type === 'hits' && l.kind === kind ? l.items : []));

export function describeSearchContract(host: string, backend: SearchBackend) {
  describe(`town-wide search (${host})`, () => {
    it('finds a credential error, the git stderr it causes and the bead events, grouped by kind, ending with done', async () => {
      const api = backend.api();
      const town = await townNamed(api, 'infra-terraform');
      const lines = await search(api, town.id, 'bad credentials');
      expect(lines[0]).toMatchObject({ type: 'start', q: 'bad credentials' });
      expect(lines.at(-1)).toMatchObject({ type: 'done' });
      const credential = lines.find((l) => l.type === 'hits' && l.kind === 'credential');
      expect(credential?.type === 'hits' && credential.total).toBeGreaterThan(0);
      for (const h of hitsOf(lines, 'credential')) expect(h.excerpt.toLowerCase()).toContain('bad credentials');

      const denied = await search(api, town.id, 'denied to kilo-gastown');
      const git = hitsOf(denied, 'git');
      expect(git.length).toBeGreaterThan(0);
      expect(git[0]).toMatchObject({ field: 'stderr' });
      expect(git[0]!.agent_id).not.toBeNull();
    });

    it('reads every agent of the town: one progress line per agent, and the Mayor’s loop in its SDK events', async () => {
      const api = backend.api();
      const town = await townNamed(api, 'support-bot');
      const agents = (await api.get(endpoints.agents(town.id))).items;
      const mayor = await agentNamed(api, town.id, 'Mayor');
      const lines = await search(api, town.id, 'tool call loop detected');
      const start = lines[0]!;
      expect(start).toMatchObject({ type: 'start', agents_total: agents.length });
      const progress = lines.filter((l) => l.type === 'progress');
      expect(progress).toHaveLength(agents.length);
      expect(lines.at(-1)).toMatchObject({ type: 'done', agents_done: agents.length, agents_total: agents.length });
      const sdk = lines.find((l) => l.type === 'hits' && l.kind === 'sdk_event' && l.agent_id === mayor.id);
      expect(sdk?.type).toBe('hits');
      if (sdk?.type !== 'hits') return;
      expect(sdk.items.length).toBeGreaterThan(0);
      expect(sdk.items.length).toBeLessThanOrEqual(SEARCH_AGENT_LIMIT);
      const event = sdk.items[0]!;
      expect(event).toMatchObject({ kind: 'sdk_event', agent_id: mayor.id });
      // The hit names the exact event: the agent's event route returns it, and it contains the text.
      const stored = await api.get(endpoints.agentEvent(town.id, mayor.id, event.event_id!));
      expect(JSON.stringify(stored.data).toLowerCase()).toContain('tool call loop detected');
    });

    it('bounds each kind and says how many more there are', async () => {
      const api = backend.api();
      const town = await townNamed(api, 'infra-terraform');
      const beadCount = (await api.get(endpoints.beads(town.id, { limit: 1000 }))).items.length;
      // Scenario beads' bodies end with their acceptance line: more beads match than one kind shows.
      const lines = await search(api, town.id, 'ACCEPTANCE: tests pass');
      const beads = lines.find((l) => l.type === 'hits' && l.kind === 'bead');
      expect(beads?.type).toBe('hits');
      if (beads?.type !== 'hits') return;
      expect(beads.items).toHaveLength(SEARCH_TOWN_LIMIT);
      expect(beads.total).toBeGreaterThan(SEARCH_TOWN_LIMIT);
      expect(beads.total).toBeLessThanOrEqual(beadCount);
      expect(beads.items[0]).toMatchObject({ field: 'body' });
      const newestFirst = beads.items.map((h) => h.at!);
      expect([...newestFirst].sort().reverse()).toEqual(newestFirst);
    });

    it('answers a search with no match with start, progress and done only', async () => {
      const api = backend.api();
      const town = await townNamed(api, 'infra-terraform');
      const lines = await search(api, town.id, 'zzq-no-such-text-anywhere');
      expect(lines.filter((l) => l.type === 'hits')).toEqual([]);
      expect(lines.at(-1)).toMatchObject({ type: 'done' });
    });

    it('finds a whole pasted error line, longer than the 50 bytes SQLite allows a LIKE pattern', async () => {
      const api = backend.api();
      const town = await townNamed(api, 'infra-terraform');
      const repo = (await api.get(endpoints.config(town.id))).rigs[0]!.rig.git_url.replace('https://github.com/', '').replace(/\.git$/, '');
      const line = `fatal: unable to access 'https://github.com/${repo}.git/': The requested URL returned error: 403`;
      expect(line.length).toBeGreaterThan(50);
      const git = hitsOf(await search(api, town.id, line.toUpperCase()), 'git');
      expect(git.length).toBeGreaterThan(0);
      expect(git[0]).toMatchObject({ field: 'stderr' });
      // The bead list's own search box takes a long text too: an answer, not a 500.
      const beads = await api.get(endpoints.beads(town.id, { q: `${'no such bead title '.repeat(4)}`.trim() }));
      expect(beads.items).toEqual([]);
    });

    it('takes a 200-character text in every filter built into a LIKE: an answer, never a 500 “pattern too complex”', async () => {
      const api = backend.api();
      const town = await townNamed(api, 'infra-terraform');
      const mayor = await agentNamed(api, town.id, 'Mayor');
      // Pasted text: 200 characters, with the LIKE wildcards in it, matching nothing.
      const long = `fatal: 100%_done ${'no such text anywhere '.repeat(10)}`.slice(0, 200);
      expect(long).toHaveLength(200);
      expect((await api.get(endpoints.beads(town.id, { q: long }))).items).toEqual([]);
      expect((await api.get(endpoints.agentEvents(town.id, mayor.id, { q: long }))).items).toEqual([]);
      expect((await api.get(endpoints.searchUsers(long))).items).toEqual([]);
      expect((await api.get(endpoints.timeline(town.id, { q: long }))).items).toEqual([]);
      // Short enough for LIKE, the wildcards still read as text: no event says "100%_".
      expect((await api.get(endpoints.timeline(town.id, { q: '100%_' }))).items).toEqual([]);
      // The log needs an entry: SQLite only finds a pattern too complex when it tests a row with it.
      const container = await api.get(endpoints.container(town.id));
      await api.act(
        town.id,
        'container.force_restart',
        { target: { kind: 'container', id: town.id }, params: {}, reason: 'health check failing after deploy', dryRun: false },
        { idempotencyKey: crypto.randomUUID(), ifMatch: container.version },
      );
      // The action filter takes up to 100 characters (beyond, a 400 naming it); 100 is past LIKE's 50 bytes.
      const hundred = long.slice(0, 100);
      for (const filter of [{ admin: hundred }, { action: hundred }]) {
        expect((await api.get(endpoints.townAudit(town.id, filter))).items, JSON.stringify(Object.keys(filter))).toEqual([]);
        expect((await api.get(endpoints.audit(filter))).items, JSON.stringify(Object.keys(filter))).toEqual([]);
      }
      expect((await api.get(endpoints.audit({ admin: long }))).items).toEqual([]);
      const refused = await api.get(endpoints.audit({ action: long })).catch((error: unknown) => error);
      expect(refused instanceof ApiError && refused.status).toBe(400);
      // The family still matches as a family: `container` → the restart just made.
      expect((await api.get(endpoints.townAudit(town.id, { action: 'container' }))).items.length).toBeGreaterThan(0);
      // A long family name is still a family (`x….agent` → `x….agent.*`), not a substring.
      expect((await api.get(endpoints.audit({ action: `${'x'.repeat(60)}.agent` }))).items).toEqual([]);
      const selections: Extract<BulkSelection, { by: 'filter' }>[] = [
        { by: 'filter', kind: 'bead', filter: { q: long } },
        { by: 'filter', kind: 'agent', filter: { q: long } },
        { by: 'filter', kind: 'review', filter: { q: long } },
      ];
      for (const selection of selections) {
        const preview = await api
          .post(
            batchesPath(town.id),
            {
              batch_key: crypto.randomUUID(),
              action:
                selection.kind === 'review' ? 'review.force_retry' : selection.kind === 'agent' ? 'agent.force_reset' : 'bead.force_close',
              selection,
              reason: 'cleanup after the incident',
            },
            BulkPreview,
          )
          .catch((error: unknown) => (error instanceof ApiError ? error : Promise.reject(error)));
        // Nothing matches: a preview of none, or a clear refusal saying so; never the database's 500.
        if (preview instanceof ApiError) expect(preview.status, `${selection.kind}: ${preview.message}`).toBeLessThan(500);
        else expect(preview.count, selection.kind).toBe(0);
      }
    });

    it('treats % and _ as text, and refuses a one-character search with a clear 400', async () => {
      const api = backend.api();
      const town = await townNamed(api, 'infra-terraform');
      const wildcard = await search(api, town.id, '%_%');
      expect(wildcard.filter((l) => l.type === 'hits' && l.kind !== 'sdk_event')).toEqual([]);
      const refused = await search(api, town.id, 'x').catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ApiError);
      expect(refused).toMatchObject({ status: 400, code: 'bad_request' });
      expect((refused as ApiError).message).toMatch(/at least 2 characters/);
    });
  });
}
