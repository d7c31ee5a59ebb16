import type { SqlPort } from '../ports';
import type { BeadStatus, TownSummary } from '../../src/api/schemas';
import { all, first, num, scalar, str, strOrNull } from '../db/sql';
import { getHealthInputs } from './health';

/** The town card: counts for the user's town list plus the health inputs. Null when the town is not seeded. */
export function getTownSummary(sql: SqlPort, now: number): TownSummary | null {
  const town = first(sql, 'SELECT * FROM town LIMIT 1');
  if (!town) return null;
  const agents = first(
    sql,
    `SELECT count(*) AS total,
       sum(status IN ('working', 'waiting')) AS active, sum(status = 'working') AS working,
       sum(status = 'stalled') AS stalled, sum(status = 'dead') AS dead
     FROM agents`,
  );
  const byStatus: Record<BeadStatus, number> = { open: 0, in_progress: 0, in_review: 0, closed: 0, failed: 0 };
  for (const row of all(sql, 'SELECT status, count(*) AS n FROM beads GROUP BY status')) {
    byStatus[row.status as BeadStatus] = num(row.n);
  }
  const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
  const container = first(sql, 'SELECT status, health FROM container_state WHERE id = 1');
  const lastActivity = first(
    sql,
    `SELECT max((SELECT updated_at FROM town), coalesce((SELECT max(last_activity_at) FROM agents), '')) AS at`,
  );
  return {
    id: str(town.id),
    name: str(town.name),
    owner_user_id: str(town.owner_user_id),
    owner_org_id: strOrNull(town.owner_org_id ?? null),
    created_at: str(town.created_at),
    updated_at: str(town.updated_at),
    last_activity_at: strOrNull(lastActivity?.at || null),
    rig_count: scalar(sql, 'SELECT count(*) FROM rigs'),
    agents: {
      total: num(agents?.total ?? 0),
      active: num(agents?.active ?? 0),
      working: num(agents?.working ?? 0),
      stalled: num(agents?.stalled ?? 0),
      dead: num(agents?.dead ?? 0),
    },
    beads: { total, open: byStatus.open + byStatus.in_progress + byStatus.in_review, by_status: byStatus },
    container: {
      status: (container ? str(container.status) : 'stopped') as TownSummary['container']['status'],
      health: (container ? str(container.health) : 'down') as TownSummary['container']['health'],
    },
    review_queue_depth: scalar(sql, `SELECT count(*) FROM reviews WHERE review_state IN ('pending', 'running')`),
    health_inputs: getHealthInputs(sql, now),
  };
}
