import type { AgentDetail } from '../../../api';
import { formatDuration, HOUR_MS, MINUTE_MS } from '../../../lib/time';
import { formatCompact } from '../../../lib/format';

export interface AgentFinding {
  severity: 'red' | 'yellow';
  id: 'stalled' | 'dead' | 'process-down' | 'dispatch-failing' | 'silent' | 'zombie' | 'git-failing' | 'mayor-errored' | 'mayor-unanswered';
  text: string;
}

/** Production's GUPP timings: a hook with no activity is stale after 30 min. */
const STALE_MS = 30 * MINUTE_MS;
/** The window in which token use without a hooked bead counts as a zombie. */
const ZOMBIE_WINDOW_MS = HOUR_MS;

/** Tokens (input + output) the agent used within the last `windowMs`. */
export function recentTokens(detail: AgentDetail, now: number, windowMs = ZOMBIE_WINDOW_MS): number {
  return detail.token_usage.series
    .filter((s) => now - Date.parse(s.at) <= windowMs)
    .reduce((sum, s) => sum + s.input_tokens + s.output_tokens, 0);
}

/**
 * The seed's zombie: a polecat consuming tokens while it has no hooked bead. The Mayor and the
 * refinery legitimately work without a hook, so only polecats are flagged.
 */
export function isZombie(detail: AgentDetail, now: number): boolean {
  return detail.agent.role === 'polecat' && detail.agent.current_hook_bead_id === null && recentTokens(detail, now) > 0;
}

/** What an operator should notice first about this agent, worst first. */
export function toAgentFindings(detail: AgentDetail, now: number): AgentFinding[] {
  const a = detail.agent;
  const out: AgentFinding[] = [];
  const since = now - Date.parse(a.status_since);
  if (a.status === 'stalled') out.push({ severity: 'red', id: 'stalled', text: `Stalled for ${formatDuration(since)}` });
  if (a.status === 'dead') out.push({ severity: 'red', id: 'dead', text: `Dead for ${formatDuration(since)}` });
  const p = detail.process;
  if (p && (p.status === 'exited' || p.status === 'failed')) {
    out.push({
      severity: 'red',
      id: 'process-down',
      text: `Container process ${p.status}${p.exit_code !== null ? `, exit code ${p.exit_code}${p.exit_code === 137 ? ' (SIGKILL)' : ''}` : ''}${p.exited_at ? `, ${formatDuration(now - Date.parse(p.exited_at))} ago` : ''}`,
    });
  } else if (!p && a.status === 'working') {
    out.push({ severity: 'red', id: 'process-down', text: 'Working, but no process in the container' });
  }
  const failed = detail.dispatch_attempts.filter((d) => d.outcome === 'failed');
  if (failed.length > 0) {
    const last = failed[0]!;
    out.push({
      severity: failed.length >= 3 ? 'red' : 'yellow',
      id: 'dispatch-failing',
      text: `${failed.length} failed dispatch attempt${failed.length === 1 ? '' : 's'}; last: ${last.error_message ?? 'no error recorded'}`,
    });
  }
  if (a.current_hook_bead_id && a.last_sdk_event_at && now - Date.parse(a.last_sdk_event_at) > STALE_MS) {
    out.push({
      severity: 'yellow',
      id: 'silent',
      text: `Hooked, but the last SDK event was ${formatDuration(now - Date.parse(a.last_sdk_event_at))} ago`,
    });
  }
  if (isZombie(detail, now)) {
    out.push({
      severity: 'red',
      id: 'zombie',
      text: `Consuming tokens with no hooked bead: ${formatCompact(recentTokens(detail, now))} tokens in the last hour`,
    });
  }
  const gitFailures = detail.git_operations.filter((g) => g.outcome === 'failure');
  if (gitFailures.length > 0)
    out.push({
      severity: 'yellow',
      id: 'git-failing',
      text: `${gitFailures.length} failed git operation${gitFailures.length === 1 ? '' : 's'}; last: ${gitFailures[0]!.operation} exit ${gitFailures[0]!.exit_code ?? '?'}`,
    });
  const m = detail.mayor;
  if (m?.session_state === 'errored')
    out.push({ severity: 'red', id: 'mayor-errored', text: `Mayor session errored: ${m.session_error ?? 'no error recorded'}` });
  if (m?.last_user_message && !m.last_user_message.answered) {
    out.push({
      severity: 'red',
      id: 'mayor-unanswered',
      text: `User message unanswered for ${formatDuration(now - Date.parse(m.last_user_message.at))}`,
    });
  }
  return out.sort((x, y) => (x.severity === y.severity ? 0 : x.severity === 'red' ? -1 : 1));
}
