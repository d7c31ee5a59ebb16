import { z } from 'zod';
import { Id, JsonRecord, Timestamp } from './common';
import { ContainerProcess, ProcessStatus } from './container';
import { openEnum, RowVersion } from './tolerant';

export const AgentRole = z.enum(['mayor', 'refinery', 'polecat']);
export type AgentRole = z.infer<typeof AgentRole>;
export const AgentStatus = z.enum(['idle', 'working', 'waiting', 'stalled', 'dead']);
export type AgentStatus = z.infer<typeof AgentStatus>;

export const Agent = z.object({
  id: Id,
  rig_id: Id.nullable(),
  /** Free text in production: old towns have `witness`. */
  role: openEnum(AgentRole),
  name: z.string(),
  /** e.g. `Toast-polecat-3f2a9c1b@9e8d7c6b` (name-role-rig8@town8). */
  identity: z.string(),
  status: openEnum(AgentStatus),
  /** When the agent entered its current status. */
  status_since: Timestamp,
  current_hook_bead_id: Id.nullable(),
  dispatch_attempts: z.number().int().nonnegative(),
  last_activity_at: Timestamp.nullable(),
  checkpoint: JsonRecord.nullable(),
  agent_status_message: z.string().nullable(),
  active_tools: z.array(z.string()),
  stalled_at: Timestamp.nullable(),
  container_process_id: z.string().nullable(),
  created_at: Timestamp,
  version: RowVersion,
});
export type Agent = z.infer<typeof Agent>;

export const AgentListItem = Agent.extend({
  hooked_bead_title: z.string().nullable(),
  last_sdk_event_at: Timestamp.nullable(),
  process_status: ProcessStatus.nullable(),
  tokens_24h: z.number().int().nonnegative(),
});
export type AgentListItem = z.infer<typeof AgentListItem>;
export const AgentList = z.object({ items: z.array(AgentListItem) });

export const AgentStatusChange = z.object({
  status: openEnum(AgentStatus),
  at: Timestamp,
  reason: z.string().nullable(),
});
export type AgentStatusChange = z.infer<typeof AgentStatusChange>;

/** One period during which an agent was hooked to a bead. */
export const Assignment = z.object({
  /** The assignment's row id, what a compare link names (absent from answers that predate compare). */
  id: z.number().int().positive().optional(),
  agent_id: Id,
  agent_name: z.string(),
  role: openEnum(AgentRole),
  bead_id: Id,
  bead_title: z.string().nullable(),
  started_at: Timestamp,
  ended_at: Timestamp.nullable(),
  outcome: z.enum(['active', 'completed', 'failed', 'unhooked', 'reassigned', 'timed_out']),
});
export type Assignment = z.infer<typeof Assignment>;

/** Production's dispatch budget: a bead fails after this many attempts (DOMAIN.md). */
export const DISPATCH_CAP = 5;

export const DispatchAttempt = z.object({
  id: Id,
  bead_id: Id,
  agent_id: Id.nullable(),
  attempt_number: z.number().int().min(1).max(DISPATCH_CAP),
  outcome: z.enum(['success', 'failed']),
  container_status: z.number().int().nullable(),
  container_response: z.string().nullable(),
  error_message: z.string().nullable(),
  created_at: Timestamp,
});
export type DispatchAttempt = z.infer<typeof DispatchAttempt>;
export const DispatchAttemptList = z.object({ items: z.array(DispatchAttempt) });

export const GitOperation = z.object({
  id: Id,
  rig_id: Id.nullable(),
  agent_id: Id.nullable(),
  bead_id: Id.nullable(),
  operation: z.enum(['clone', 'fetch', 'pull', 'push', 'merge']),
  command: z.string(),
  outcome: z.enum(['success', 'failure']),
  exit_code: z.number().int().nullable(),
  stderr_excerpt: z.string().nullable(),
  duration_ms: z.number().int().nonnegative(),
  created_at: Timestamp,
});
export type GitOperation = z.infer<typeof GitOperation>;
export const GitOperationList = z.object({ items: z.array(GitOperation) });

export const UsageSample = z.object({
  at: Timestamp,
  input_tokens: z.number().int().nonnegative(),
  output_tokens: z.number().int().nonnegative(),
  cost_microdollars: z.number().int().nonnegative(),
});
export type UsageSample = z.infer<typeof UsageSample>;

export const TokenUsage = z.object({
  agent_id: Id,
  input_tokens: z.number().int().nonnegative(),
  output_tokens: z.number().int().nonnegative(),
  cost_microdollars: z.number().int().nonnegative(),
  per_bead: z.array(
    z.object({
      bead_id: Id.nullable(),
      bead_title: z.string().nullable(),
      input_tokens: z.number().int().nonnegative(),
      output_tokens: z.number().int().nonnegative(),
      cost_microdollars: z.number().int().nonnegative(),
    }),
  ),
  /** Per-tick samples, oldest first. */
  series: z.array(UsageSample),
});
export type TokenUsage = z.infer<typeof TokenUsage>;

export const MayorSessionState = z.enum(['active', 'idle', 'starting', 'errored']);
export type MayorSessionState = z.infer<typeof MayorSessionState>;
export const MayorState = z.object({
  session_id: z.string().nullable(),
  session_state: MayorSessionState,
  session_error: z.string().nullable(),
  last_activity_at: Timestamp.nullable(),
  last_user_message: z.object({ text: z.string(), at: Timestamp, answered: z.boolean() }).nullable(),
  /** The system prompt as rendered for the current session, dynamic context included. */
  system_prompt: z.string(),
  system_prompt_context: z.record(z.string(), z.string()),
});
export type MayorState = z.infer<typeof MayorState>;

export const HookedBead = z.object({
  bead_id: Id,
  title: z.string().nullable(),
  status: z.string().nullable(),
  hooked_at: Timestamp,
  unhooked_at: Timestamp.nullable(),
  outcome: Assignment.shape.outcome,
});

export const AgentDetail = z.object({
  agent: AgentListItem,
  status_history: z.array(AgentStatusChange),
  hooked_beads: z.array(HookedBead),
  dispatch_attempts: z.array(DispatchAttempt),
  git_operations: z.array(GitOperation),
  token_usage: TokenUsage,
  process: ContainerProcess.nullable(),
  event_count: z.number().int().nonnegative(),
  mayor: MayorState.nullable(),
});
export type AgentDetail = z.infer<typeof AgentDetail>;

/** An SDK event from AgentDO: `{type, properties: {sessionID, …}}`. `id` is the integer paging cursor. */
export const SdkEvent = z.object({
  id: z.number().int().nonnegative(),
  agent_id: Id,
  event_type: z.string(),
  data: z.object({ type: z.string(), properties: JsonRecord }),
  created_at: Timestamp,
  /** The server's one-line reading of the event, the same one the compact index rows carry. */
  summary: z.string(),
});
export type SdkEvent = z.infer<typeof SdkEvent>;

export const SdkEventPage = z.object({
  items: z.array(SdkEvent),
  /** Pass back as `after` (ascending) or `before` (descending) for the next page; null at the end. */
  next_cursor: z.number().int().nullable(),
  /** Events in the whole stream (a counter row, not a count(*) per request). */
  total: z.number().int().nonnegative(),
  /** Events the AgentDO no longer keeps (its retention dropped the oldest); 0 when the backend does not say. */
  dropped: z.number().int().nonnegative().default(0),
});
export type SdkEventPage = z.infer<typeof SdkEventPage>;

/**
 * Compact rows for the event viewer: `[id, created_at epoch ms, event_type, one-line summary]`.
 * Large pages (up to 20,000) so a million-event stream loads in ~50 requests.
 */
export const SdkEventIndexPage = z.object({
  rows: z.array(z.tuple([z.number().int().nonnegative(), z.number().int(), z.string(), z.string()])),
  next_cursor: z.number().int().nullable(),
  total: z.number().int().nonnegative(),
  /** Events the AgentDO no longer keeps (its retention dropped the oldest); 0 when the backend does not say. */
  dropped: z.number().int().nonnegative().default(0),
});
export type SdkEventIndexPage = z.infer<typeof SdkEventIndexPage>;
