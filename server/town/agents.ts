import type { SqlPort } from '../ports';
import type { AgentDetail, AgentListItem, HookedBead, MayorState, ProcessStatus } from '../../src/api/schemas';
import type { z } from 'zod';
import { all, first, fromJson, num, str, strOrNull, type Row } from '../db/sql';
import { toAgent, toDispatchAttempt, toGitOperation, toProcess } from './rows';
import { ago, DAY_MS } from './time';
import { tokenUsage } from './usage';

/** Rows per agent in the detail view's lists; older entries are in the timeline. */
const DETAIL_LIST_CAP = 200;
/** Status changes shown per agent (the latest). */
const HISTORY_CAP = 2_000;

const LIST_SELECT = `
  SELECT a.*, hb.title AS hooked_bead_title,
    coalesce(
      (SELECT p.status FROM container_processes p WHERE p.process_id = a.container_process_id),
      (SELECT p.status FROM container_processes p WHERE p.agent_id = a.id ORDER BY p.started_at DESC LIMIT 1)
    ) AS process_status,
    (SELECT coalesce(sum(u.input_tokens + u.output_tokens), 0) FROM usage_samples u
      WHERE u.agent_id = a.id AND u.at >= ?1) AS tokens_24h
  FROM agents a LEFT JOIN beads hb ON hb.id = a.current_hook_bead_id`;

const ROLE_ORDER = `CASE a.role WHEN 'mayor' THEN 0 WHEN 'refinery' THEN 1 ELSE 2 END, a.name, a.id`;

function toListItem(row: Row): AgentListItem {
  return {
    ...toAgent(row),
    hooked_bead_title: strOrNull(row.hooked_bead_title),
    last_sdk_event_at: strOrNull(row.last_sdk_event_at),
    process_status: strOrNull(row.process_status) as ProcessStatus | null,
    tokens_24h: num(row.tokens_24h),
  };
}

/** Every agent of the town (tens, not thousands): mayor, refinery, then polecats by name. */
export function listAgents(sql: SqlPort, now: number): AgentListItem[] {
  return all(sql, `${LIST_SELECT} ORDER BY ${ROLE_ORDER}`, ago(now, DAY_MS)).map(toListItem);
}

export function getAgentListItem(sql: SqlPort, now: number, agentId: string): AgentListItem | null {
  const row = first(sql, `${LIST_SELECT} WHERE a.id = ?2`, ago(now, DAY_MS), agentId);
  return row ? toListItem(row) : null;
}

/** The agent detail minus `event_count`, which its AgentDO knows. */
export function getAgentDetail(sql: SqlPort, now: number, agentId: string): Omit<AgentDetail, 'event_count'> | null {
  const agent = getAgentListItem(sql, now, agentId);
  if (!agent) return null;
  const process = first(
    sql,
    `SELECT * FROM container_processes WHERE process_id = ?1
     UNION ALL SELECT * FROM (SELECT * FROM container_processes WHERE agent_id = ?2 ORDER BY started_at DESC LIMIT 1)
     LIMIT 1`,
    agent.container_process_id,
    agentId,
  );
  return {
    agent,
    // The latest HISTORY_CAP changes: an agent's status history grows for as long as the town lives.
    status_history: all(
      sql,
      'SELECT * FROM (SELECT status, at, reason, id FROM agent_status_history WHERE agent_id = ? ORDER BY at DESC, id DESC LIMIT ?) ORDER BY at, id',
      agentId,
      HISTORY_CAP,
    ).map((r) => ({ status: str(r.status) as AgentListItem['status'], at: str(r.at), reason: strOrNull(r.reason) })),
    hooked_beads: hookedBeads(sql, agentId),
    dispatch_attempts: all(
      sql,
      'SELECT * FROM dispatch_attempts WHERE agent_id = ? ORDER BY created_at DESC, id LIMIT ?',
      agentId,
      DETAIL_LIST_CAP,
    ).map(toDispatchAttempt),
    git_operations: all(
      sql,
      'SELECT * FROM git_operations WHERE agent_id = ? ORDER BY created_at DESC, id LIMIT ?',
      agentId,
      DETAIL_LIST_CAP,
    ).map(toGitOperation),
    token_usage: tokenUsage(sql, now, agentId),
    process: process ? toProcess(process) : null,
    mayor: agent.role === 'mayor' ? mayorState(sql, agentId) : null,
  };
}

function hookedBeads(sql: SqlPort, agentId: string): z.infer<typeof HookedBead>[] {
  return all(
    sql,
    `SELECT s.bead_id, coalesce(b.title, s.bead_title) AS title, b.status, s.started_at, s.ended_at, s.outcome
     FROM assignments s LEFT JOIN beads b ON b.id = s.bead_id
     WHERE s.agent_id = ? ORDER BY s.started_at DESC, s.id LIMIT ?`,
    agentId,
    DETAIL_LIST_CAP,
  ).map((r) => ({
    bead_id: str(r.bead_id),
    title: strOrNull(r.title),
    status: strOrNull(r.status),
    hooked_at: str(r.started_at),
    unhooked_at: strOrNull(r.ended_at),
    outcome: str(r.outcome) as z.infer<typeof HookedBead>['outcome'],
  }));
}

export function mayorState(sql: SqlPort, agentId: string): MayorState | null {
  const row = first(sql, 'SELECT * FROM mayor_state WHERE agent_id = ?', agentId);
  if (!row) return null;
  return {
    session_id: strOrNull(row.session_id),
    session_state: str(row.session_state) as MayorState['session_state'],
    session_error: strOrNull(row.session_error),
    last_activity_at: strOrNull(row.last_activity_at),
    last_user_message: fromJson<MayorState['last_user_message']>(row.last_user_message, null),
    system_prompt: str(row.system_prompt),
    system_prompt_context: fromJson<Record<string, string>>(row.system_prompt_context, {}),
  };
}

/** Recorded after an AgentDO append so town views can show stream activity without waking it. */
export function noteSdkEvents(sql: SqlPort, agentId: string, total: number, lastAt: string | null): void {
  sql.exec(
    'UPDATE agents SET sdk_event_count = ?, last_sdk_event_at = coalesce(?, last_sdk_event_at) WHERE id = ?',
    total,
    lastAt,
    agentId,
  );
}
