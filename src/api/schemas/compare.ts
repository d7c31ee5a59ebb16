import { z } from 'zod';
import { ContainerProcess } from './container';
import { Id, Timestamp } from './common';

/**
 * Compare two runs side by side (issue 15, "Compare"): `GET /towns/:townId/compare?kind=&a=&b=`.
 * A run is a window of one agent's work: a dispatch attempt (until the bead's next attempt, or the
 * end of the agent's assignment to the bead), an assignment (hooked → unhooked), or an agent session
 * (a `kilo serve` process, started → exited). Tokens and cost come from the usage samples in the
 * window; tool calls, SDK errors and the last message from the agent's SDK events in the window.
 */
export const COMPARE_KINDS = ['attempt', 'assignment', 'session'] as const;
export const CompareKind = z.enum(COMPARE_KINDS);
export type CompareKind = z.infer<typeof CompareKind>;

/** SDK events read per side: a session of a million events is counted, its newest this many are read. */
export const COMPARE_EVENT_SCAN = 20_000;
/** Errors listed per side (the total is counted). */
export const COMPARE_ERROR_LIMIT = 20;

const Count = z.number().int().nonnegative();

export const CompareToolCalls = z.object({ tool: z.string(), calls: Count, errors: Count });
export type CompareToolCalls = z.infer<typeof CompareToolCalls>;

export const CompareErrorSource = z.enum(['dispatch', 'sdk', 'tool', 'git']);
export type CompareErrorSource = z.infer<typeof CompareErrorSource>;
export const CompareError = z.object({ source: CompareErrorSource, at: Timestamp, message: z.string() });
export type CompareError = z.infer<typeof CompareError>;

/**
 * The run's last message with text: its text parts (after its `message.created`). When the window holds
 * none, the agent's last message before the window (`in_window: false`): what it last said going in.
 */
export const CompareMessage = z.object({
  in_window: z.boolean(),
  role: z.string().nullable(),
  text: z.string(),
  at: Timestamp,
  /** The event to open in the viewer (its last text part). */
  event_id: z.number().int().nonnegative(),
});
export type CompareMessage = z.infer<typeof CompareMessage>;

export const CompareSide = z.object({
  kind: CompareKind,
  id: z.string(),
  /** "Attempt 2 of 5", "Assignment of Toast", "Session proc_…" — what the column is headed with. */
  label: z.string(),
  agent: z.object({ id: Id, name: z.string(), role: z.string() }).nullable(),
  bead: z.object({ id: Id, title: z.string().nullable() }).nullable(),
  /** The attempt's outcome, the assignment's outcome or the process status. */
  outcome: z.string(),
  started_at: Timestamp,
  /** Null while the run goes on (duration counts to now). */
  ended_at: Timestamp.nullable(),
  duration_ms: Count,
  input_tokens: Count,
  output_tokens: Count,
  cost_microdollars: Count,
  /** SDK events in the window, and how many of the newest were read for tools, errors and the message. */
  events_in_window: Count,
  events_read: Count,
  /** Costliest first: most calls, then name. */
  tool_calls: z.array(CompareToolCalls),
  /** Newest first, at most COMPARE_ERROR_LIMIT; `errors_total` counts them all. */
  errors: z.array(CompareError),
  errors_total: Count,
  last_message: CompareMessage.nullable(),
});
export type CompareSide = z.infer<typeof CompareSide>;

export const Comparison = z.object({ kind: CompareKind, a: CompareSide, b: CompareSide });
export type Comparison = z.infer<typeof Comparison>;

/** The town's agent sessions newest first (`GET /towns/:townId/sessions?agent_id=`), to pick two to compare. */
export const AgentSessionList = z.object({ items: z.array(ContainerProcess) });
export type AgentSessionList = z.infer<typeof AgentSessionList>;
