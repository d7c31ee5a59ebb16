import type { AuditEntry, RecoveryCheck, RecoveryCheckId } from '../../src/api/schemas';
import { recoverySpec } from '../../src/api/schemas';
import { mayorState } from '../town/agents';
import type { SqlPort } from '../ports';
import { all, first, scalar } from '../db/sql';

/** "No tokens for 2 min": the window a zombie's silence is judged over (a working agent reports every tick). */
const QUIET_MS = 2 * 60_000;

/** The agent an action's recovery is about: the new assignee of a reassigned bead, else the target. */
function subjectAgent(entry: AuditEntry): string {
  const picked = entry.params.agent_id;
  return entry.action === 'bead.reassign' && typeof picked === 'string' ? picked : entry.target.id;
}

type Reading = Pick<RecoveryCheck, 'met' | 'evidence' | 'link'>;

const agentName = (sql: SqlPort, id: string) => String(first(sql, 'SELECT name FROM agents WHERE id = ?', id)?.name ?? id.slice(0, 8));

/** Each expectation read off the town at `now` (ms): whether it holds, and the newest evidence for it. */
const READ: Record<RecoveryCheckId, (sql: SqlPort, entry: AuditEntry, now: number) => Reading> = {
  container_running(sql, entry) {
    // Running, and run clean since the action: an OOM kill after the restart means it has not recovered.
    const c = first(sql, 'SELECT status, health FROM container_state WHERE id = 1');
    const status = String(c?.status ?? 'unknown');
    const oom = first(
      sql,
      `SELECT created_at, message FROM container_events WHERE event_type = 'oom' AND created_at >= ? ORDER BY created_at DESC LIMIT 1`,
      entry.at,
    );
    // Still starting: a start that missed the cold-start grace says why (its last log line).
    const missed =
      status === 'running'
        ? null
        : first(
            sql,
            `SELECT created_at, message FROM container_events WHERE event_type = 'not_found' AND created_at >= ? ORDER BY created_at DESC LIMIT 1`,
            entry.at,
          );
    return {
      met: status === 'running' && oom === null,
      evidence: oom
        ? `OOM-killed at ${String(oom.created_at).slice(11, 19)} after the restart: ${String(oom.message ?? '')}`
        : missed
          ? `Not found at ${String(missed.created_at).slice(11, 19)}: ${String(missed.message ?? '')}`
          : `Container ${status} (health ${String(c?.health ?? 'unknown')})`,
      link: { kind: 'container', id: entry.town_id },
    };
  },
  processes_running(sql, entry) {
    const missing = all(
      sql,
      `SELECT a.name FROM agents a WHERE a.current_hook_bead_id IS NOT NULL AND a.role != 'mayor'
         AND NOT EXISTS (SELECT 1 FROM container_processes p WHERE p.agent_id = a.id AND p.status = 'running')
       ORDER BY a.name LIMIT 5`,
    ).map((r) => String(r.name));
    const hooked = scalar(sql, `SELECT count(*) FROM agents WHERE current_hook_bead_id IS NOT NULL AND role != 'mayor'`);
    return {
      met: missing.length === 0,
      evidence:
        missing.length === 0 ? `All ${hooked} hooked agents have a running process` : `No running process yet for ${missing.join(', ')}`,
      link: { kind: 'container', id: entry.town_id },
    };
  },
  agents_working(sql, entry) {
    const idle = all(
      sql,
      `SELECT name, status FROM agents WHERE current_hook_bead_id IS NOT NULL AND role != 'mayor' AND status != 'working' ORDER BY name LIMIT 5`,
    ).map((r) => `${String(r.name)} ${String(r.status)}`);
    return {
      met: idle.length === 0,
      evidence: idle.length === 0 ? 'Every hooked agent is working' : `Not working yet: ${idle.join(', ')}`,
      link: { kind: 'town', id: entry.town_id },
    };
  },
  attempt_recorded(sql, entry) {
    const agent = subjectAgent(entry);
    const beadId = entry.target.kind === 'bead' ? entry.target.id : null;
    const attempt = first(
      sql,
      `SELECT attempt_number, outcome, error_message, created_at FROM dispatch_attempts
       WHERE created_at >= ? AND (agent_id = ? OR bead_id = ?) ORDER BY created_at DESC, id DESC LIMIT 1`,
      entry.at,
      agent,
      beadId,
    );
    return {
      met: attempt !== null,
      evidence: attempt
        ? `Attempt ${String(attempt.attempt_number)} at ${String(attempt.created_at).slice(11, 19)}: ${String(attempt.outcome)}${attempt.error_message ? ` (${String(attempt.error_message)})` : ''}`
        : `No dispatch attempt for ${agentName(sql, agent)} since the action`,
      link: { kind: 'agent', id: agent },
    };
  },
  process_running(sql, entry) {
    // Running now, or a process started since the action that ran to a clean exit (its work done).
    const agent = subjectAgent(entry);
    const p = first(
      sql,
      'SELECT status, exit_code, started_at FROM container_processes WHERE agent_id = ? ORDER BY started_at DESC LIMIT 1',
      agent,
    );
    const status = p ? String(p.status) : 'none';
    const ranClean = p !== null && String(p.started_at) >= entry.at && status === 'exited' && Number(p.exit_code) === 0;
    return {
      met: status === 'running' || ranClean,
      evidence: p
        ? `${agentName(sql, agent)}'s process ${status}${p.exit_code !== null ? ` (exit ${String(p.exit_code)})` : ''}`
        : `${agentName(sql, agent)} has no process`,
      link: { kind: 'agent', id: agent },
    };
  },
  agent_working(sql, entry) {
    // Working now, or worked since the action (a short bead can be done between two looks).
    const agent = subjectAgent(entry);
    const status = String(first(sql, 'SELECT status FROM agents WHERE id = ?', agent)?.status ?? 'gone');
    const worked = first(
      sql,
      `SELECT at FROM agent_status_history WHERE agent_id = ? AND status = 'working' AND at >= ? ORDER BY at LIMIT 1`,
      agent,
      entry.at,
    );
    const name = agentName(sql, agent);
    return {
      met: status === 'working' || worked !== null,
      evidence:
        status === 'working' || !worked ? `${name} is ${status}` : `${name} worked from ${String(worked.at).slice(11, 19)}, now ${status}`,
      link: { kind: 'agent', id: agent },
    };
  },
  tokens_stopped(sql, entry, now) {
    const agent = subjectAgent(entry);
    const since = new Date(Math.max(Date.parse(entry.at), now - QUIET_MS)).toISOString();
    const tokens = scalar(
      sql,
      'SELECT coalesce(sum(input_tokens + output_tokens), 0) FROM usage_samples WHERE agent_id = ? AND at > ?',
      agent,
      since,
    );
    const quietFor = now - Date.parse(entry.at);
    return {
      met: tokens === 0 && quietFor >= QUIET_MS,
      evidence:
        tokens > 0
          ? `${tokens} tokens since ${since.slice(11, 19)}`
          : quietFor >= QUIET_MS
            ? 'No tokens for 2 min'
            : 'No tokens since the action (watching for 2 min)',
      link: { kind: 'agent', id: agent },
    };
  },
  mayor_ready(sql, entry) {
    const m = first(sql, 'SELECT session_state, session_error FROM mayor_state WHERE agent_id = ?', entry.target.id);
    const state = String(m?.session_state ?? 'unknown');
    return {
      met: state !== 'starting' && state !== 'errored' && state !== 'unknown',
      evidence: `Mayor session ${state}${m?.session_error ? `: ${String(m.session_error)}` : ''}`,
      link: { kind: 'agent', id: entry.target.id },
    };
  },
  mayor_answered(sql, entry) {
    const m = mayorState(sql, entry.target.id);
    const message = m?.last_user_message ?? null;
    const answered = message === null || message.answered;
    return {
      met: answered,
      evidence: message
        ? answered
          ? "The Mayor answered the user's message"
          : `The user's message from ${message.at.slice(11, 19)} is waiting (session ${m?.session_state ?? 'unknown'})`
        : 'No user message waiting',
      link: { kind: 'agent', id: entry.target.id },
    };
  },
  credential_valid(sql, entry) {
    const c = first(sql, 'SELECT status, last_error FROM credentials WHERE rig_id = ?', entry.target.id);
    const status = String(c?.status ?? 'unknown');
    return {
      met: status === 'valid',
      evidence: `Credential ${status}${c?.last_error ? `: ${String(c.last_error)}` : ''}`,
      link: { kind: 'rig', id: entry.target.id },
    };
  },
  git_clean(sql, entry) {
    const failed = first(
      sql,
      `SELECT operation, stderr_excerpt, created_at FROM git_operations WHERE rig_id = ? AND outcome = 'failure'
         AND operation != 'merge' AND created_at >= ? ORDER BY created_at DESC LIMIT 1`,
      entry.target.id,
      entry.at,
    );
    const ok = scalar(
      sql,
      `SELECT count(*) FROM git_operations WHERE rig_id = ? AND outcome = 'success' AND created_at >= ?`,
      entry.target.id,
      entry.at,
    );
    // Proven by git work, not by its absence: a rig nothing touched since the action is still waiting.
    return {
      met: failed === null && ok > 0,
      evidence: failed
        ? `git ${String(failed.operation)} failed at ${String(failed.created_at).slice(11, 19)}: ${String(failed.stderr_excerpt ?? '')
            .split('\n')
            .at(-1)}`
        : ok > 0
          ? `No git failure since the action (${ok} ${ok === 1 ? 'operation' : 'operations'} succeeded)`
          : 'No git operation on the rig since the action: waiting for one to prove the credential',
      link: { kind: 'rig', id: entry.target.id },
    };
  },
  convoy_landed(sql, entry) {
    const c = first(sql, 'SELECT landed_at, total_beads, closed_beads FROM convoys WHERE bead_id = ?', entry.target.id);
    return {
      met: c?.landed_at !== null && c?.landed_at !== undefined,
      evidence: c
        ? c.landed_at
          ? `Landed at ${String(c.landed_at).slice(11, 19)}`
          : `Not landed: ${String(c.closed_beads)}/${String(c.total_beads)} closed`
        : 'No such convoy',
      link: { kind: 'convoy', id: entry.target.id },
    };
  },
  convoy_counted(sql, entry) {
    const c = first(sql, 'SELECT total_beads, closed_beads FROM convoys WHERE bead_id = ?', entry.target.id);
    const present = scalar(
      sql,
      `SELECT count(t.id) FROM bead_dependencies d JOIN beads t ON t.id = d.depends_on_bead_id WHERE d.bead_id = ? AND d.dependency_type = 'tracks'`,
      entry.target.id,
    );
    const total = Number(c?.total_beads ?? 0);
    return {
      met: c !== null && total === present,
      evidence: c
        ? `Counts ${String(c.closed_beads)}/${total}; ${present} tracked ${present === 1 ? 'bead exists' : 'beads exist'}`
        : 'No such convoy',
      link: { kind: 'convoy', id: entry.target.id },
    };
  },
  review_merged(sql, entry) {
    const r = first(sql, 'SELECT review_state, failure_reason FROM reviews WHERE bead_id = ?', entry.target.id);
    const state = String(r?.review_state ?? 'unknown');
    return {
      met: state === 'merged',
      evidence: `Review ${state}${state === 'failed' && r?.failure_reason ? `: ${String(r.failure_reason)}` : ''}`,
      link: { kind: 'review', id: entry.target.id },
    };
  },
};

/** The declared expectations of `entry`'s action, read now, with the times the patrol first saw them hold. */
export function readChecks(sql: SqlPort, entry: AuditEntry, now: number): RecoveryCheck[] {
  const spec = recoverySpec(entry.action);
  if (!spec) return [];
  const metAt = new Map(
    all(sql, 'SELECT check_id, met_at FROM recovery_checks WHERE audit_id = ?', entry.id).map((r) => [
      String(r.check_id),
      String(r.met_at),
    ]),
  );
  const started = Date.parse(entry.at);
  return spec.expect.map(({ id, says }) => {
    const reading = READ[id](sql, entry, now);
    const at = metAt.get(id) ?? null;
    return { id, says, ...reading, met_at: at, took_ms: at ? Date.parse(at) - started : null };
  });
}
