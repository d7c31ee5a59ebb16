import type { SqlPort } from '../ports';
import { fromJson } from '../db/sql';
import { readMeta, writeMeta } from './meta';

/**
 * The Mayor's way out of its tool-call loop, kept so diagnosis can say "resolved" after it: the patrol
 * notes the looping session's error when a new session replaces it, and the time the new session
 * answered the user's waiting message. One per town (town_meta), replaced by the next loop that ends.
 */
export interface MayorLoopRecovery {
  agent_id: string;
  session_error: string | null;
  ended_at: string;
  /** When a new session answered the user's message; null while it has not yet. */
  answered_at: string | null;
}

const KEY = 'mayor_loop_recovery';

export function mayorLoopRecovery(sql: SqlPort): MayorLoopRecovery | null {
  return fromJson<MayorLoopRecovery | null>(readMeta(sql, KEY), null);
}

export function noteMayorLoopEnded(sql: SqlPort, agentId: string, sessionError: string | null, at: string): void {
  writeMeta(sql, KEY, JSON.stringify({ agent_id: agentId, session_error: sessionError, ended_at: at, answered_at: null }));
}

/** The new session answered: the loop's recovery is complete (once; a later answer says nothing more). */
export function noteMayorAnswered(sql: SqlPort, agentId: string, at: string): void {
  const kept = mayorLoopRecovery(sql);
  if (kept && kept.agent_id === agentId && kept.answered_at === null) writeMeta(sql, KEY, JSON.stringify({ ...kept, answered_at: at }));
}
