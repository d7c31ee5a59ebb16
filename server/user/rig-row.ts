import type { Integration, Rig } from '../../src/api/schemas';
import { fromJson, type Row } from '../db/sql';

/** A `user_rigs` / `rigs` row as the contract's Rig; `integration` is stored as JSON. */
export const toRig = (row: Row): Rig => ({
  id: String(row.id),
  town_id: String(row.town_id),
  name: String(row.name),
  git_url: String(row.git_url),
  default_branch: String(row.default_branch),
  platform_integration_id: row.platform_integration_id === null ? null : String(row.platform_integration_id),
  integration: fromJson<Integration | null>(row.integration, null),
  created_at: String(row.created_at),
  updated_at: String(row.updated_at),
});
