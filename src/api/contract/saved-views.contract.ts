import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ApiClient } from '../client';
import { endpoints, savedViewPath, savedViewsPath } from '../endpoints';
import { isApiError, type ApiError } from '../errors';
import { SavedView, SavedViewLastUsed } from '../schemas';

/** A backend for the saved-views contract: a client per admin token. */
export interface SavedViewsBackend {
  admin: () => ApiClient;
  otherAdmin: () => ApiClient;
  nonAdmin: () => ApiClient;
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (isApiError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const Deleted = z.object({ deleted: z.string() });

/**
 * Saved views, asserted once and run on both hosts: per admin (from the verified token), name
 * collisions 409, rename and delete, the last used one remembered, and never an audit entry.
 */
export function describeSavedViews(name: string, backend: SavedViewsBackend): void {
  const create = (api: ApiClient, body: unknown) => api.post(savedViewsPath(), body, SavedView);
  const list = (api: ApiClient, scope: 'agents' | 'beads' | 'audit') =>
    api.get(endpoints.savedViews(scope), undefined, { revalidate: false });

  describe(`saved views: ${name}`, () => {
    it('saves a filter under a name, lists it by name for its view, renames and deletes it', async () => {
      const api = backend.admin();
      const stalled = await create(api, { scope: 'agents', name: 'Stalled polecats', query: 'role=polecat&status=stalled' });
      expect(stalled).toMatchObject({ scope: 'agents', name: 'Stalled polecats', query: 'role=polecat&status=stalled' });
      const attempts = await create(api, { scope: 'agents', name: '  a busy mayor ', query: 'role=mayor' });
      expect(attempts.name, 'names are trimmed').toBe('a busy mayor');
      await create(api, { scope: 'beads', name: 'Failed beads', query: 'status=failed' });

      const agents = await list(api, 'agents');
      expect(agents.items.map((v) => v.name)).toEqual(['a busy mayor', 'Stalled polecats']);
      expect((await list(api, 'beads')).items.map((v) => v.name)).toEqual(['Failed beads']);

      const renamed = await api.write('PATCH', savedViewPath(stalled.id), { name: 'Stalled polecats (all rigs)' }, SavedView);
      expect(renamed).toMatchObject({ id: stalled.id, name: 'Stalled polecats (all rigs)', query: stalled.query });
      const refiltered = await api.write('PATCH', savedViewPath(stalled.id), { query: 'role=polecat&status=stalled,dead' }, SavedView);
      expect(refiltered.query).toBe('role=polecat&status=stalled,dead');

      expect(await api.write('DELETE', savedViewPath(attempts.id), undefined, Deleted)).toEqual({ deleted: attempts.id });
      expect((await list(api, 'agents')).items.map((v) => v.id)).toEqual([stalled.id]);
      const gone = await refusal(api.write('DELETE', savedViewPath(attempts.id), undefined, Deleted));
      expect(gone.status).toBe(404);
    });

    it('keeps a view to one town when asked: listed in that town beside the ones for every town, nowhere else', async () => {
      const api = backend.admin();
      const townA = crypto.randomUUID();
      const townB = crypto.randomUUID();
      const everywhere = await create(api, { scope: 'beads', name: 'Failed anywhere', query: 'status=failed' });
      expect(everywhere.town_id).toBeNull();
      const local = await create(api, { scope: 'beads', name: 'Failed here', query: 'status=failed&type=issue', town_id: townA });
      expect(local.town_id).toBe(townA);
      const inTown = (town: string) => api.get(endpoints.savedViews('beads', town), undefined, { revalidate: false });
      // (Other cases of this file saved beads views too: only these two are looked at.)
      const ours = new Set([everywhere.id, local.id]);
      const mine = (items: SavedView[]) => items.filter((v) => ours.has(v.id)).map((v) => v.name);
      expect(mine((await inTown(townA)).items)).toEqual(['Failed anywhere', 'Failed here']);
      expect(mine((await inTown(townB)).items)).toEqual(['Failed anywhere']);
      expect(mine((await list(api, 'beads')).items)).toEqual(['Failed anywhere']);
      // Names stay unique across towns: one name never means two views.
      const taken = await refusal(create(api, { scope: 'beads', name: 'failed here', query: 'status=open', town_id: townB }));
      expect(taken.status).toBe(409);
      const bad = await refusal(api.get({ ...endpoints.savedViews('beads'), query: { scope: 'beads', town_id: 'not-a-town' } }));
      expect(bad.status).toBe(400);
    });

    it('refuses a name already used for the same view with 409 and a way forward, whatever its case; the same name for another view is fine', async () => {
      const api = backend.admin();
      const first = await create(api, { scope: 'audit', name: 'Force closes', query: 'action=bead.force_close' });
      const taken = await refusal(create(api, { scope: 'audit', name: 'force CLOSES', query: 'action=bead' }));
      expect(taken.status).toBe(409);
      expect(taken.code).toBe('conflict');
      expect(taken.message).toMatch(/already have a saved view named “Force closes”.*Choose another name, or rename or delete/);
      expect(taken.details).toMatchObject({ field: 'name' });

      const other = await create(api, { scope: 'audit', name: 'Restarts', query: 'action=container.restart' });
      const renameClash = await refusal(api.write('PATCH', savedViewPath(other.id), { name: 'Force Closes' }, SavedView));
      expect(renameClash.status).toBe(409);
      // Renaming a view to its own name (another case) is not a collision.
      expect((await api.write('PATCH', savedViewPath(first.id), { name: 'force closes' }, SavedView)).name).toBe('force closes');
      expect((await create(api, { scope: 'beads', name: 'Force closes', query: 'status=closed' })).scope).toBe('beads');
    });

    it('keeps each admin’s views apart: another admin neither lists, renames, deletes nor applies them', async () => {
      const mine = await create(backend.admin(), { scope: 'beads', name: 'Mine only', query: 'label=infra' });
      const other = backend.otherAdmin();
      expect((await list(other, 'beads')).items.map((v) => v.name)).not.toContain('Mine only');
      // Sam may use the same name: names are per admin.
      expect((await create(other, { scope: 'beads', name: 'Mine only', query: 'label=web' })).query).toBe('label=web');
      expect((await refusal(other.write('PATCH', savedViewPath(mine.id), { name: 'stolen' }, SavedView))).status).toBe(404);
      expect((await refusal(other.write('DELETE', savedViewPath(mine.id), undefined, Deleted))).status).toBe(404);
      expect(
        (await refusal(other.write('PUT', `${savedViewsPath()}/last-used`, { scope: 'beads', view_id: mine.id }, SavedViewLastUsed)))
          .status,
      ).toBe(404);
      expect((await list(backend.admin(), 'beads')).items.find((v) => v.id === mine.id)?.name).toBe('Mine only');
      expect((await refusal(list(backend.nonAdmin(), 'beads'))).status).toBe(403);
    });

    it('remembers the view used last per view, forgets it on request or when it is deleted', async () => {
      const api = backend.admin();
      const view = await create(api, { scope: 'agents', name: 'Dead agents', query: 'status=dead' });
      const lastUsed = (viewId: string | null) =>
        api.write('PUT', `${savedViewsPath()}/last-used`, { scope: 'agents', view_id: viewId }, SavedViewLastUsed);
      expect(await lastUsed(view.id)).toEqual({ scope: 'agents', view_id: view.id });
      expect((await list(api, 'agents')).last_used_id).toBe(view.id);
      expect((await list(api, 'beads')).last_used_id, 'each view has its own').not.toBe(view.id);
      await lastUsed(null);
      expect((await list(api, 'agents')).last_used_id).toBeNull();
      await lastUsed(view.id);
      await api.write('DELETE', savedViewPath(view.id), undefined, Deleted);
      expect((await list(api, 'agents')).last_used_id).toBeNull();
      // A view of another scope cannot be the last used one here.
      const beads = await create(api, { scope: 'beads', name: 'Open work', query: 'status=open' });
      expect((await refusal(lastUsed(beads.id))).status).toBe(404);
    });

    it('says what is wrong with bad input', async () => {
      const api = backend.admin();
      const noName = await refusal(create(api, { scope: 'beads', name: '   ', query: 'status=open' }));
      expect(noName.status).toBe(400);
      expect(noName.details).toMatchObject({ parameter: 'name' });
      expect(noName.message).toMatch(/name is required/);
      const badScope = await refusal(create(api, { scope: 'everything', name: 'x', query: '' }));
      expect(badScope.details).toMatchObject({ parameter: 'scope' });
      const longQuery = await refusal(create(api, { scope: 'beads', name: 'long', query: 'q='.padEnd(2100, 'x') }));
      expect(longQuery.details).toMatchObject({ parameter: 'query' });
      const noScope = await refusal(api.get({ ...endpoints.savedViews('beads'), query: {} }));
      expect(noScope.details).toMatchObject({ parameter: 'scope' });
      const badId = await refusal(api.write('PATCH', savedViewPath('not-a-uuid'), { name: 'x' }, SavedView));
      expect(badId.details).toMatchObject({ parameter: 'viewId' });
      const empty = await refusal(api.write('PATCH', savedViewPath(crypto.randomUUID()), {}, SavedView));
      expect(empty.status).toBe(400);
    });

    it('writes nothing to any audit log', async () => {
      const api = backend.admin();
      const before = (await api.get(endpoints.audit({ limit: 1 }), undefined, { revalidate: false })).total;
      const view = await create(api, { scope: 'audit', name: 'Unaudited', query: 'admin=alex' });
      await api.write('PATCH', savedViewPath(view.id), { name: 'Still unaudited' }, SavedView);
      await api.write('DELETE', savedViewPath(view.id), undefined, Deleted);
      expect((await api.get(endpoints.audit({ limit: 1 }), undefined, { revalidate: false })).total).toBe(before);
    });
  });
}
