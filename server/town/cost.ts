import type { AgentStatus, TownCost } from '../../src/api/schemas';
import { all, num, str, strOrNull } from '../db/sql';
import type { SqlPort } from '../ports';
import { ago, DAY_MS } from './time';

const HOUR_MS = 3600_000;
/** Beads listed by cost: the ones worth a look, not every bead of a 10k town. */
const TOP_BEADS = 20;

/**
 * The town's spending over the last 24 h: tokens and cost per hour (24 buckets, oldest first, empty
 * hours included so the chart's axis is time), per agent with its working time against the rest of the
 * window and the beads it merged, and the costliest beads.
 */
export function townCost(sql: SqlPort, now: number): TownCost {
  const since = now - DAY_MS;
  const firstHour = Math.floor(since / HOUR_MS) * HOUR_MS + HOUR_MS;
  const hours = Array.from({ length: 24 }, (_, i) => ({
    hour: new Date(firstHour + i * HOUR_MS - HOUR_MS).toISOString(),
    input_tokens: 0,
    output_tokens: 0,
    cost_microdollars: 0,
  }));
  for (const r of all(
    sql,
    `SELECT at, input_tokens, output_tokens, cost_microdollars FROM usage_samples WHERE at >= ? ORDER BY at`,
    ago(now, DAY_MS),
  )) {
    const i = Math.min(23, Math.max(0, Math.floor((Date.parse(str(r.at)) - (firstHour - HOUR_MS)) / HOUR_MS)));
    const bucket = hours[i]!;
    bucket.input_tokens += num(r.input_tokens);
    bucket.output_tokens += num(r.output_tokens);
    bucket.cost_microdollars += num(r.cost_microdollars);
  }

  const spend = new Map(
    all(
      sql,
      `SELECT agent_id, sum(input_tokens + output_tokens) AS tokens, sum(cost_microdollars) AS cost FROM usage_samples
       WHERE at >= ? GROUP BY agent_id`,
      ago(now, DAY_MS),
    ).map((r) => [str(r.agent_id), { tokens: num(r.tokens), cost: num(r.cost) }]),
  );
  const merged = new Map(
    all(
      sql,
      // Work that landed: beads the agent completed whose merge request merged within the window.
      `SELECT a.agent_id, count(DISTINCT a.bead_id) AS n FROM assignments a JOIN reviews r ON r.source_bead_id = a.bead_id
       WHERE a.outcome = 'completed' AND r.review_state = 'merged' AND r.completed_at >= ? GROUP BY a.agent_id`,
      ago(now, DAY_MS),
    ).map((r) => [str(r.agent_id), num(r.n)]),
  );
  const agents = all(sql, 'SELECT id, name, role, status, status_since FROM agents ORDER BY name').map((a) => {
    const id = str(a.id);
    const working = workingMs(sql, id, str(a.status) as AgentStatus, str(a.status_since), since, now);
    return {
      agent_id: id,
      name: str(a.name),
      role: str(a.role),
      tokens: spend.get(id)?.tokens ?? 0,
      cost_microdollars: spend.get(id)?.cost ?? 0,
      working_ms: working,
      idle_ms: DAY_MS - working,
      merged_beads: merged.get(id) ?? 0,
    };
  });
  agents.sort((x, y) => y.cost_microdollars - x.cost_microdollars || x.name.localeCompare(y.name));

  const beads = all(
    sql,
    `SELECT u.bead_id, b.title, sum(u.input_tokens + u.output_tokens) AS tokens, sum(u.cost_microdollars) AS cost
     FROM usage_samples u LEFT JOIN beads b ON b.id = u.bead_id
     WHERE u.at >= ? AND u.bead_id IS NOT NULL GROUP BY u.bead_id ORDER BY cost DESC LIMIT ?`,
    ago(now, DAY_MS),
    TOP_BEADS,
  ).map((r) => ({ bead_id: str(r.bead_id), title: strOrNull(r.title), tokens: num(r.tokens), cost_microdollars: num(r.cost) }));

  return {
    since: new Date(since).toISOString(),
    hours,
    agents,
    beads,
    total_tokens: hours.reduce((n, h) => n + h.input_tokens + h.output_tokens, 0),
    total_cost_microdollars: hours.reduce((n, h) => n + h.cost_microdollars, 0),
  };
}

/**
 * Time in `working` within [since, now]: the status history's changes in the window, starting from
 * the status held when the window opened (the last change before it, or the current status if none).
 */
function workingMs(sql: SqlPort, agentId: string, current: AgentStatus, currentSince: string, since: number, now: number): number {
  const changes = all(sql, 'SELECT status, at FROM agent_status_history WHERE agent_id = ? ORDER BY at, id', agentId).map((r) => ({
    status: str(r.status),
    at: Date.parse(str(r.at)),
  }));
  if (changes.length === 0 || changes.at(-1)!.at < Date.parse(currentSince))
    changes.push({ status: current, at: Date.parse(currentSince) });
  let ms = 0;
  for (let i = 0; i < changes.length; i++) {
    if (changes[i]!.status !== 'working') continue;
    const from = Math.max(since, changes[i]!.at);
    const to = Math.min(now, changes[i + 1]?.at ?? now);
    if (to > from) ms += to - from;
  }
  return ms;
}

/** Agents that spent in the last 24 h and completed nothing that merged in it, costliest first (the cost finding's names). */
export function spendersWithoutMerge(sql: SqlPort, now: number): { agent_id: string; name: string; cost_microdollars_24h: number }[] {
  return all(
    sql,
    `SELECT u.agent_id, a.name, sum(u.cost_microdollars) AS cost FROM usage_samples u JOIN agents a ON a.id = u.agent_id
     WHERE u.at >= ?1 AND NOT EXISTS (
       SELECT 1 FROM assignments s JOIN reviews r ON r.source_bead_id = s.bead_id
       WHERE s.agent_id = u.agent_id AND s.outcome = 'completed' AND r.review_state = 'merged' AND r.completed_at >= ?1)
     GROUP BY u.agent_id HAVING cost > 0 ORDER BY cost DESC, a.name LIMIT 20`,
    ago(now, DAY_MS),
  ).map((r) => ({ agent_id: str(r.agent_id), name: str(r.name), cost_microdollars_24h: num(r.cost) }));
}

/** The threshold from the town config document (null: none set). */
export function costThreshold(sql: SqlPort): number | null {
  const row = all(sql, `SELECT json_extract(config, '$.cost_threshold_microdollars_24h') AS t FROM town_config WHERE id = 1`)[0];
  return row && row.t !== null && row.t !== undefined ? num(row.t) : null;
}
