import { z } from 'zod';
import { Id, Timestamp } from './common';

/**
 * Saved views (issue 15): a view's filters under a name, per admin. They are the admin's preferences,
 * not interventions: no reason is asked and nothing is written to any audit chain.
 */

/**
 * The filterable views a saved view belongs to. A view is for every town (its filter applies in whichever
 * town or agent is open) or, with `town_id`, for one town only.
 */
export const SavedViewScope = z.enum(['beads', 'agents', 'reviews', 'timeline', 'sdk_events', 'audit']);
export type SavedViewScope = z.infer<typeof SavedViewScope>;

/** At most this many saved views per admin and scope. */
export const SAVED_VIEWS_PER_SCOPE = 100;

/** A view's query string (`status=failed&type=issue`), exactly what its URL carries; no leading `?`. */
export const SavedViewQuery = z
  .string()
  .max(2000)
  .refine((q) => !q.startsWith('?'), 'leave out the leading “?”');

export const SavedViewName = z.string().trim().min(1, 'a name is required').max(80, 'at most 80 characters');

export const SavedView = z.object({
  id: Id,
  scope: SavedViewScope,
  name: z.string(),
  query: z.string(),
  /** The one town the view is listed in; null: every town. */
  town_id: Id.nullable(),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type SavedView = z.infer<typeof SavedView>;

/**
 * `GET /saved-views?scope=&town_id=`: the admin's views of one scope by name — those for every town, and
 * with `town_id` those of that town too — and the one they used last (null: none).
 */
export const SavedViewList = z.object({
  scope: SavedViewScope,
  items: z.array(SavedView),
  last_used_id: Id.nullable(),
});
export type SavedViewList = z.infer<typeof SavedViewList>;

/** `POST /saved-views`. */
export const SavedViewCreate = z
  .object({ scope: SavedViewScope, name: SavedViewName, query: SavedViewQuery, town_id: Id.nullable().optional() })
  .strict();
export type SavedViewCreate = z.input<typeof SavedViewCreate>;

/** `PATCH /saved-views/:viewId`: rename it, or replace its filter with the current one. */
export const SavedViewUpdate = z
  .object({ name: SavedViewName.optional(), query: SavedViewQuery.optional() })
  .strict()
  .refine((u) => u.name !== undefined || u.query !== undefined, 'give a name or a query');
export type SavedViewUpdate = z.input<typeof SavedViewUpdate>;

/** `PUT /saved-views/last-used`: the view the admin applied (restored when the view is opened without filters), or null. */
export const SavedViewLastUsed = z.object({ scope: SavedViewScope, view_id: Id.nullable() }).strict();
export type SavedViewLastUsed = z.infer<typeof SavedViewLastUsed>;
