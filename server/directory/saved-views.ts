import { SAVED_VIEWS_PER_SCOPE, type SavedView, type SavedViewList, type SavedViewScope } from '../../src/api/schemas';
import { all, first, insert, scalar, str, type Row } from '../db/sql';
import type { SqlPort } from '../ports';

/**
 * Each admin's saved views, in the directory (one per deployment, like the dashboard's user table it
 * stands in for): an admin's views follow them to every town. Every read and write names the admin, so
 * one admin never sees, renames or deletes another's view (it is simply not found).
 */

/** What a write could not do, for the route to answer (409, 404, 422). */
export type SavedViewRefusal = { refused: 'name_taken'; name: string } | { refused: 'not_found' } | { refused: 'too_many' };

const toView = (row: Row): SavedView => ({
  id: str(row.id),
  scope: str(row.scope) as SavedViewScope,
  name: str(row.name),
  query: str(row.query),
  town_id: row.town_id === null || row.town_id === undefined ? null : str(row.town_id),
  created_at: str(row.created_at),
  updated_at: str(row.updated_at),
});

/** The other view of this admin and scope that already carries `name` (names ignore case), if any. */
function nameTaken(sql: SqlPort, adminId: string, scope: string, name: string, exceptId: string | null): string | null {
  const row = first(
    sql,
    'SELECT name FROM saved_views WHERE admin_id = ? AND scope = ? AND name = ? COLLATE NOCASE AND id IS NOT ?',
    adminId,
    scope,
    name,
    exceptId,
  );
  return row ? str(row.name) : null;
}

function ownView(sql: SqlPort, adminId: string, viewId: string): SavedView | null {
  const row = first(sql, 'SELECT * FROM saved_views WHERE id = ? AND admin_id = ?', viewId, adminId);
  return row ? toView(row) : null;
}

/** The views of a scope for every town, and with `townId` those of that town too. */
export function listSavedViews(sql: SqlPort, adminId: string, scope: SavedViewScope, townId: string | null = null): SavedViewList {
  const items = all(
    sql,
    'SELECT * FROM saved_views WHERE admin_id = ? AND scope = ? AND (town_id IS NULL OR town_id = ?) ORDER BY name COLLATE NOCASE, id',
    adminId,
    scope,
    townId,
  ).map(toView);
  const last = first(sql, 'SELECT view_id FROM saved_view_last_used WHERE admin_id = ? AND scope = ?', adminId, scope);
  const lastId = last ? str(last.view_id) : null;
  return { scope, items, last_used_id: lastId && items.some((v) => v.id === lastId) ? lastId : null };
}

export function createSavedView(
  sql: SqlPort,
  adminId: string,
  input: { id: string; scope: SavedViewScope; name: string; query: string; town_id?: string | null | undefined; at: string },
): SavedView | SavedViewRefusal {
  const taken = nameTaken(sql, adminId, input.scope, input.name, null);
  if (taken !== null) return { refused: 'name_taken', name: taken };
  if (scalar(sql, 'SELECT count(*) FROM saved_views WHERE admin_id = ? AND scope = ?', adminId, input.scope) >= SAVED_VIEWS_PER_SCOPE)
    return { refused: 'too_many' };
  const row = { id: input.id, admin_id: adminId, scope: input.scope, name: input.name, query: input.query, town_id: input.town_id ?? null };
  insert(sql, 'saved_views', { ...row, created_at: input.at, updated_at: input.at });
  return ownView(sql, adminId, input.id)!;
}

export function updateSavedView(
  sql: SqlPort,
  adminId: string,
  viewId: string,
  input: { name?: string | undefined; query?: string | undefined; at: string },
): SavedView | SavedViewRefusal {
  const view = ownView(sql, adminId, viewId);
  if (!view) return { refused: 'not_found' };
  if (input.name !== undefined) {
    const taken = nameTaken(sql, adminId, view.scope, input.name, viewId);
    if (taken !== null) return { refused: 'name_taken', name: taken };
  }
  sql.exec(
    'UPDATE saved_views SET name = ?, query = ?, updated_at = ? WHERE id = ?',
    input.name ?? view.name,
    input.query ?? view.query,
    input.at,
    viewId,
  );
  return ownView(sql, adminId, viewId)!;
}

export function deleteSavedView(sql: SqlPort, adminId: string, viewId: string): SavedViewRefusal | null {
  if (!ownView(sql, adminId, viewId)) return { refused: 'not_found' };
  sql.exec('DELETE FROM saved_views WHERE id = ?', viewId);
  sql.exec('DELETE FROM saved_view_last_used WHERE admin_id = ? AND view_id = ?', adminId, viewId);
  return null;
}

/** Remembers the view the admin applied last in a scope (null forgets it). */
export function setLastUsedView(sql: SqlPort, adminId: string, scope: SavedViewScope, viewId: string | null): SavedViewRefusal | null {
  if (viewId === null) {
    sql.exec('DELETE FROM saved_view_last_used WHERE admin_id = ? AND scope = ?', adminId, scope);
    return null;
  }
  const view = ownView(sql, adminId, viewId);
  if (!view || view.scope !== scope) return { refused: 'not_found' };
  insert(sql, 'saved_view_last_used', { admin_id: adminId, scope, view_id: viewId }, 'INSERT OR REPLACE');
  return null;
}
