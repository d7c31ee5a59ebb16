import type { SqlPort } from '../ports';
import type { TokenUsage, TownUsage } from '../../src/api/schemas';
import { all, first, num, str, strOrNull } from '../db/sql';
import { ago, DAY_MS } from './time';

/** Usage per agent over the last 24 h (the Town Inspector's token table). */
export function townUsage(sql: SqlPort, now: number): TownUsage {
  const rows = all(
    sql,
    `SELECT a.id, a.name, a.role, a.current_hook_bead_id,
       coalesce(sum(u.input_tokens), 0) AS input, coalesce(sum(u.output_tokens), 0) AS output,
       coalesce(sum(u.cost_microdollars), 0) AS cost
     FROM agents a LEFT JOIN usage_samples u ON u.agent_id = a.id AND u.at >= ?
     GROUP BY a.id ORDER BY cost DESC, a.name`,
    ago(now, DAY_MS),
  );
  return {
    items: rows.map((r) => ({
      agent_id: str(r.id),
      name: str(r.name),
      role: str(r.role) as TownUsage['items'][number]['role'],
      hooked_bead_id: strOrNull(r.current_hook_bead_id),
      input_tokens_24h: num(r.input),
      output_tokens_24h: num(r.output),
      cost_microdollars_24h: num(r.cost),
    })),
  };
}

/** Samples kept in an agent's series: a week of per-tick samples is enough for the chart. */
const SERIES_WINDOW_MS = 7 * DAY_MS;
const SERIES_CAP = 2000;

/** All-time totals per agent and per bead, plus the recent per-tick series. */
export function tokenUsage(sql: SqlPort, now: number, agentId: string): TokenUsage {
  const totals = first(
    sql,
    `SELECT coalesce(sum(input_tokens), 0) AS input, coalesce(sum(output_tokens), 0) AS output,
       coalesce(sum(cost_microdollars), 0) AS cost FROM usage_samples WHERE agent_id = ?`,
    agentId,
  );
  const perBead = all(
    sql,
    `SELECT u.bead_id, b.title, sum(u.input_tokens) AS input, sum(u.output_tokens) AS output, sum(u.cost_microdollars) AS cost
     FROM usage_samples u LEFT JOIN beads b ON b.id = u.bead_id
     WHERE u.agent_id = ? GROUP BY u.bead_id ORDER BY cost DESC LIMIT 100`,
    agentId,
  );
  const series = all(
    sql,
    `SELECT * FROM (SELECT at, input_tokens, output_tokens, cost_microdollars FROM usage_samples
       WHERE agent_id = ? AND at >= ? ORDER BY at DESC LIMIT ?) ORDER BY at`,
    agentId,
    ago(now, SERIES_WINDOW_MS),
    SERIES_CAP,
  );
  return {
    agent_id: agentId,
    input_tokens: num(totals?.input),
    output_tokens: num(totals?.output),
    cost_microdollars: num(totals?.cost),
    per_bead: perBead.map((r) => ({
      bead_id: strOrNull(r.bead_id),
      bead_title: strOrNull(r.title),
      input_tokens: num(r.input),
      output_tokens: num(r.output),
      cost_microdollars: num(r.cost),
    })),
    series: series.map((r) => ({
      at: str(r.at),
      input_tokens: num(r.input_tokens),
      output_tokens: num(r.output_tokens),
      cost_microdollars: num(r.cost_microdollars),
    })),
  };
}
