import { z } from 'zod';
import { Id, Timestamp } from './common';

/**
 * The town's spending over the last 24 h (issue 15, "Cost"): `GET /towns/:townId/cost`. Tokens are input +
 * output; cost in microdollars, as usage samples record it.
 */
const Count = z.number().int().nonnegative();

export const CostHour = z.object({
  /** The hour's start. */
  hour: Timestamp,
  input_tokens: Count,
  output_tokens: Count,
  cost_microdollars: Count,
});
export type CostHour = z.infer<typeof CostHour>;

export const AgentCost = z.object({
  agent_id: Id,
  name: z.string(),
  role: z.string(),
  tokens: Count,
  cost_microdollars: Count,
  /** Time in `working` within the window; `idle_ms` is the rest of the 24 h. */
  working_ms: Count,
  idle_ms: Count,
  /** Beads it completed whose merge request merged within the window. */
  merged_beads: Count,
});
export type AgentCost = z.infer<typeof AgentCost>;

export const BeadCost = z.object({ bead_id: Id, title: z.string().nullable(), tokens: Count, cost_microdollars: Count });
export type BeadCost = z.infer<typeof BeadCost>;

export const TownCost = z.object({
  since: Timestamp,
  /** 24 hourly buckets, oldest first (hours without usage are zero). */
  hours: z.array(CostHour),
  /** Every agent, costliest first. */
  agents: z.array(AgentCost),
  /** The 20 costliest beads of the window. */
  beads: z.array(BeadCost),
  total_tokens: Count,
  total_cost_microdollars: Count,
});
export type TownCost = z.infer<typeof TownCost>;
