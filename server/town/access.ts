import type { SqlPort, SqlValue } from '../ports';
import type { Agent, AuditEntry, Bead, CredentialStatus, Dependency, Rig } from '../../src/api/schemas';
import { canonicalJson, type AuditLog, type TownAccess } from '../engine';
import type { ConvoyRow, EnvSeed, ReviewRow, RigConfigRow, TownSeed } from '../../scenarios/types';
import { all, bool, first, fromJson, insert, num, numOrNull, str, strOrNull, type Row } from '../db/sql';
import { toRig } from '../user/rig-row';
import { mayorState } from './agents';
import { AUDIT_ANCHOR, enqueue } from './outbox';
import { recordBeadEvent } from './ingest';
import { toAgent, toBead, toCredentialStatus, toProcess } from './rows';
import { PRIORITY_RANK, STATUS_RANK } from './schema';
import { escalationRow } from './escalations';

/**
 * Caps on the list reads the intervention engine makes. A town has tens of agents and processes; the
 * review list is read pending/running first, so clearing the queue sees every open merge request up
 * to the cap; a bead's dependency lists are capped like the graph view.
 */
const AGENT_CAP = 500;
const PROCESS_CAP = 1000;
const REVIEW_CAP = 2000;
const DEPENDENCY_CAP = 1000;

/** Columns a patch may touch, per table: keys come from the engine, never from request input. */
const COLUMNS = {
  agents: [
    'rig_id',
    'role',
    'name',
    'identity',
    'status',
    'status_since',
    'current_hook_bead_id',
    'dispatch_attempts',
    'last_activity_at',
    'checkpoint',
    'agent_status_message',
    'active_tools',
    'stalled_at',
    'container_process_id',
    'created_at',
    'version',
  ],
  beads: [
    'type',
    'status',
    'title',
    'body',
    'rig_id',
    'parent_bead_id',
    'assignee_agent_bead_id',
    'priority',
    'labels',
    'metadata',
    'dispatch_attempts',
    'last_dispatch_attempt_at',
    'created_by',
    'created_at',
    'updated_at',
    'closed_at',
    'version',
  ],
  reviews: [
    'source_bead_id',
    'branch',
    'target_branch',
    'pr_url',
    'pr_state',
    'review_state',
    'failure_reason',
    'refinery_agent_id',
    'retry_count',
    'merge_commit',
    'enqueued_at',
    'started_at',
    'completed_at',
  ],
  container_state: [
    'instance_id',
    'status',
    'health',
    'image',
    'started_at',
    'last_restart_at',
    'idle_since',
    'memory_limit_mb',
    'version',
  ],
  container_processes: ['agent_id', 'agent_name', 'pid', 'command', 'status', 'started_at', 'exited_at', 'exit_code', 'memory_mb'],
  convoys: ['total_beads', 'closed_beads', 'landed_at', 'feature_branch', 'target_branch', 'staged', 'merge_mode', 'landing_mr_bead_id'],
  rigs: ['name', 'git_url', 'default_branch', 'platform_integration_id', 'integration', 'created_at', 'updated_at'],
  rig_configs: ['max_polecats', 'model_override', 'custom_instructions', 'version'],
  credentials: [
    'rig_name',
    'source',
    'integration_id',
    'status',
    'last_resolved_at',
    'token_expires_at',
    'last_error',
    'last_verified_at',
    'verification',
  ],
  escalations: ['severity', 'acknowledged', 'acknowledged_at', 'acknowledged_by', 're_escalation_count', 'last_escalated_at'],
  mayor_state: [
    'session_id',
    'session_state',
    'session_error',
    'last_activity_at',
    'last_user_message',
    'system_prompt',
    'system_prompt_context',
  ],
} as const;

type Table = keyof typeof COLUMNS;

function cell(value: unknown): SqlValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'object') return JSON.stringify(value);
  return value as SqlValue;
}

/** `UPDATE table SET <patched columns> WHERE key = ?`. A key outside the table's columns is a bug: it throws. */
function update(sql: SqlPort, table: Table, keyColumn: string, key: unknown, patch: object): void {
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
  if (!entries.length) return;
  const allowed: readonly string[] = COLUMNS[table];
  for (const [column] of entries) {
    if (!allowed.includes(column)) throw new Error(`${table}: no column ${column} to update`);
  }
  sql.exec(
    `UPDATE ${table} SET ${entries.map(([c]) => `${c} = ?`).join(', ')} WHERE ${keyColumn} = ?`,
    ...entries.map(([, v]) => cell(v)),
    cell(key),
  );
}

const toDependency = (r: Row): Dependency => ({
  bead_id: str(r.bead_id),
  depends_on_bead_id: str(r.depends_on_bead_id),
  dependency_type: str(r.dependency_type) as Dependency['dependency_type'],
});

const toReviewRow = (r: Row): ReviewRow => ({
  bead_id: str(r.bead_id),
  source_bead_id: strOrNull(r.source_bead_id),
  branch: str(r.branch),
  target_branch: str(r.target_branch),
  pr_url: strOrNull(r.pr_url),
  pr_state: strOrNull(r.pr_state) as ReviewRow['pr_state'],
  review_state: str(r.review_state) as ReviewRow['review_state'],
  failure_reason: strOrNull(r.failure_reason),
  refinery_agent_id: strOrNull(r.refinery_agent_id),
  retry_count: num(r.retry_count),
  merge_commit: strOrNull(r.merge_commit),
  enqueued_at: str(r.enqueued_at),
  started_at: strOrNull(r.started_at),
  completed_at: strOrNull(r.completed_at),
});

const toConvoyRow = (r: Row): ConvoyRow => ({
  bead_id: str(r.bead_id),
  total_beads: num(r.total_beads),
  closed_beads: num(r.closed_beads),
  landed_at: strOrNull(r.landed_at),
  feature_branch: strOrNull(r.feature_branch),
  target_branch: str(r.target_branch),
  staged: bool(r.staged),
  merge_mode: str(r.merge_mode) as ConvoyRow['merge_mode'],
  landing_mr_bead_id: strOrNull(r.landing_mr_bead_id),
});

type StoredConfig = Omit<TownSeed['config'], 'version' | 'updated_at'>;

/** Called when a rig row changes, so the caller can mirror it where else rigs are kept (the user's DO). */
export type RigListener = (rigId: string) => void;

/**
 * TownAccess over TownDO's SQLite tables: the reference worker's side of the shared intervention
 * engine. Reads return fresh objects in the contract's shapes; writes are plain UPDATE/INSERT/DELETE,
 * meant to run inside the caller's `transactionSync` together with the audit append. Denormalized
 * columns (status_rank, priority_rank, bead_labels, last_event_at) follow every write, so list views and
 * the summary stay consistent with the change.
 */
export function sqlAccess(sql: SqlPort, townId: string, onRigChange: RigListener = () => {}): TownAccess {
  const bead = (id: string) => {
    const row = first(sql, 'SELECT * FROM beads WHERE id = ?', id);
    return row ? toBead(row) : null;
  };
  const agent = (id: string) => {
    const row = first(sql, 'SELECT * FROM agents WHERE id = ?', id);
    return row ? toAgent(row) : null;
  };
  const readConfig = (): TownSeed['config'] => {
    const row = first(sql, 'SELECT * FROM town_config WHERE id = 1');
    if (!row) throw new Error('town config missing');
    return { ...fromJson<StoredConfig>(row.config, {} as StoredConfig), version: num(row.version), updated_at: str(row.updated_at) };
  };

  return {
    townId,
    agent,
    agents: () => all(sql, 'SELECT * FROM agents ORDER BY created_at, id LIMIT ?', AGENT_CAP).map(toAgent),
    bead,
    openIssues: () =>
      all(
        sql,
        `SELECT * FROM beads WHERE type = 'issue' AND status IN ('open', 'in_progress', 'in_review') ORDER BY created_at, id LIMIT 50`,
      ).map(toBead),
    beadsAssignedTo: (agentId) => all(sql, 'SELECT * FROM beads WHERE assignee_agent_bead_id = ? ORDER BY id', agentId).map(toBead),
    blockedBy: (beadId) =>
      all(
        sql,
        `SELECT b.* FROM bead_dependencies d JOIN beads b ON b.id = d.bead_id
         WHERE d.depends_on_bead_id = ? AND d.dependency_type = 'blocks' ORDER BY b.id LIMIT ?`,
        beadId,
        DEPENDENCY_CAP,
      ).map(toBead),
    dependencies: (beadId) =>
      all(
        sql,
        `SELECT * FROM bead_dependencies WHERE bead_id = ?1
         UNION SELECT * FROM bead_dependencies WHERE depends_on_bead_id = ?1 LIMIT ?2`,
        beadId,
        DEPENDENCY_CAP,
      ).map(toDependency),
    review: (id) => {
      const row = first(sql, 'SELECT * FROM reviews WHERE bead_id = ?', id);
      return row ? toReviewRow(row) : null;
    },
    reviews: () =>
      all(sql, `SELECT * FROM reviews ORDER BY review_state IN ('pending', 'running') DESC, enqueued_at, bead_id LIMIT ?`, REVIEW_CAP).map(
        toReviewRow,
      ),
    // As MSW: the agent's first live process in insertion order, else its most recently inserted one.
    process: (agentId) => {
      const row = first(
        sql,
        `SELECT * FROM container_processes WHERE agent_id = ?
         ORDER BY status IN ('running', 'starting') DESC,
                  CASE WHEN status IN ('running', 'starting') THEN rowid ELSE -rowid END
         LIMIT 1`,
        agentId,
      );
      return row ? toProcess(row) : null;
    },
    processes: () =>
      all(sql, `SELECT * FROM container_processes ORDER BY status IN ('running', 'starting') DESC, rowid LIMIT ?`, PROCESS_CAP).map(
        toProcess,
      ),
    container: () => {
      const row = first(sql, 'SELECT * FROM container_state WHERE id = 1');
      if (!row) throw new Error('container state missing');
      return {
        instance_id: strOrNull(row.instance_id),
        status: str(row.status) as TownSeed['container']['status'],
        health: str(row.health) as TownSeed['container']['health'],
        image: str(row.image),
        started_at: strOrNull(row.started_at),
        last_restart_at: strOrNull(row.last_restart_at),
        idle_since: strOrNull(row.idle_since),
        memory_limit_mb: num(row.memory_limit_mb),
        version: num(row.version),
      };
    },
    config: readConfig,
    // The clear values: the engine needs them to rewrite the set; nothing here reaches a response.
    env: () =>
      all(sql, 'SELECT key, value, secret FROM env_vars ORDER BY rowid').map((r): EnvSeed => ({
        key: str(r.key),
        value: str(r.value),
        secret: bool(r.secret),
      })),
    convoy: (id) => {
      const row = first(sql, 'SELECT * FROM convoys WHERE bead_id = ?', id);
      return row ? toConvoyRow(row) : null;
    },
    escalation: (beadId) => escalationRow(sql, beadId),
    rig: (id) => {
      const row = first(sql, 'SELECT * FROM rigs WHERE id = ?', id);
      return row ? toRig(row) : null;
    },
    rigConfig: (id) => {
      const row = first(sql, 'SELECT * FROM rig_configs WHERE rig_id = ?', id);
      return row
        ? ({
            rig_id: str(row.rig_id),
            max_polecats: numOrNull(row.max_polecats),
            model_override: strOrNull(row.model_override),
            custom_instructions: strOrNull(row.custom_instructions),
            version: num(row.version),
          } satisfies RigConfigRow)
        : null;
    },
    credential: (id) => {
      const row = first(sql, 'SELECT * FROM credentials WHERE rig_id = ?', id);
      return row ? toCredentialStatus(row) : null;
    },
    mayor: () => {
      const row = first(sql, 'SELECT agent_id FROM mayor_state LIMIT 1');
      if (!row) return null;
      const state = mayorState(sql, str(row.agent_id));
      return state ? { ...state, agent_id: str(row.agent_id) } : null;
    },
    gitTokenSet: () => first(sql, `SELECT 1 AS x FROM town_secrets WHERE name = 'git_token'`) !== null,

    updateAgent: (id, patch) => update(sql, 'agents', 'id', id, stripId(patch)),
    deleteAgent: (id) => {
      sql.exec(`INSERT OR REPLACE INTO deleted_names (id, kind, name) SELECT id, 'agent', name FROM agents WHERE id = ?`, id);
      sql.exec('DELETE FROM agents WHERE id = ?', id);
    },
    deleteBead: (id) => {
      // The bead and what only it owns. History that belongs to agents (assignments, dispatch
      // attempts) stays: it keeps the bead's id and title, and the agent's page still tells that story.
      sql.exec(`INSERT OR REPLACE INTO deleted_names (id, kind, name) SELECT id, 'bead', title FROM beads WHERE id = ?`, id);
      sql.exec('DELETE FROM bead_dependencies WHERE bead_id = ?1 OR depends_on_bead_id = ?1', id);
      for (const table of ['bead_labels', 'bead_events', 'escalations', 'reviews', 'convoys', 'beads'])
        sql.exec(`DELETE FROM ${table} WHERE ${table === 'beads' ? 'id' : 'bead_id'} = ?`, id);
    },
    updateBead: (id, patch) => {
      const rest: Partial<Bead> = stripId(patch);
      update(sql, 'beads', 'id', id, rest);
      if (rest.status) sql.exec('UPDATE beads SET status_rank = ? WHERE id = ?', STATUS_RANK[rest.status], id);
      if (rest.priority) sql.exec('UPDATE beads SET priority_rank = ? WHERE id = ?', PRIORITY_RANK[rest.priority], id);
      if (rest.labels) {
        sql.exec('DELETE FROM bead_labels WHERE bead_id = ?', id);
        for (const label of new Set(rest.labels)) insert(sql, 'bead_labels', { bead_id: id, label });
      }
    },
    addBeadEvent: (event) => recordBeadEvent(sql, event),
    addStatusChange: (agentId, status, at, reason) => insert(sql, 'agent_status_history', { agent_id: agentId, status, at, reason }),
    startAssignment: (a: Agent, b: Bead, at) =>
      insert(sql, 'assignments', {
        agent_id: a.id,
        agent_name: a.name,
        role: a.role,
        bead_id: b.id,
        bead_title: b.title,
        started_at: at,
        ended_at: null,
        outcome: 'active',
      }),
    endAssignment: (agentId, beadId, at, outcome) => {
      sql.exec(
        'UPDATE assignments SET ended_at = ?, outcome = ? WHERE agent_id = ? AND bead_id = ? AND ended_at IS NULL',
        at,
        outcome,
        agentId,
        beadId,
      );
    },
    // Appends only, as in MSW: the engine sets the counters and states it means to change itself.
    addDispatchAttempt: (attempt) => insert(sql, 'dispatch_attempts', { ...attempt }),
    updateReview: (id, patch) => update(sql, 'reviews', 'bead_id', id, withoutKey(patch, 'bead_id')),
    updateContainer: (patch) => update(sql, 'container_state', 'id', 1, patch),
    updateProcess: (id, patch) => update(sql, 'container_processes', 'process_id', id, withoutKey(patch, 'process_id')),
    addProcess: (process) => insert(sql, 'container_processes', { ...process }),
    addContainerEvent: (event) => insert(sql, 'container_events', { ...event }),
    setEnv: (env) => {
      sql.exec('DELETE FROM env_vars');
      for (const v of env) insert(sql, 'env_vars', { key: v.key, value: v.value, secret: v.secret });
    },
    updateConfig: (patch) => {
      const { version, updated_at, ...fields } = { ...readConfig(), ...patch };
      const stored: Record<string, unknown> = { ...fields };
      sql.exec('UPDATE town_config SET config = ?, version = ?, updated_at = ? WHERE id = 1', JSON.stringify(stored), version, updated_at);
    },
    addDependency: (dep) => insert(sql, 'bead_dependencies', { ...dep }, 'INSERT OR IGNORE'),
    removeDependency: (dep) => {
      sql.exec(
        'DELETE FROM bead_dependencies WHERE bead_id = ? AND depends_on_bead_id = ? AND dependency_type = ?',
        dep.bead_id,
        dep.depends_on_bead_id,
        dep.dependency_type,
      );
    },
    updateConvoy: (id, patch) => update(sql, 'convoys', 'bead_id', id, withoutKey(patch, 'bead_id')),
    updateEscalation: (beadId, patch) => update(sql, 'escalations', 'bead_id', beadId, withoutKey(patch, 'bead_id')),
    updateRig: (id, patch: Partial<Rig>) => {
      update(sql, 'rigs', 'id', id, withoutKey(stripId(patch), 'town_id'));
      onRigChange(id);
    },
    updateRigConfig: (id, patch) => update(sql, 'rig_configs', 'rig_id', id, withoutKey(patch, 'rig_id')),
    updateCredential: (id, patch: Partial<CredentialStatus>) => update(sql, 'credentials', 'rig_id', id, withoutKey(patch, 'rig_id')),
    addCredentialEvent: (event) => insert(sql, 'credential_events', { ...event }),
    setGitToken: (token) => insert(sql, 'town_secrets', { name: 'git_token', value: token }, 'INSERT OR REPLACE'),
    updateMayor: (patch) =>
      update(
        sql,
        'mayor_state',
        'agent_id',
        first(sql, 'SELECT agent_id FROM mayor_state LIMIT 1')?.agent_id ?? null,
        withoutKey(patch, 'agent_id'),
      ),
  };
}

function stripId<T extends { id?: unknown }>(patch: T): Omit<T, 'id'> {
  const { id: _id, ...rest } = patch;
  return rest;
}

function withoutKey<T extends object, K extends string>(patch: T, key: K): Omit<T, K> {
  const rest = { ...patch } as Record<string, unknown>;
  delete rest[key];
  return rest as Omit<T, K>;
}

/**
 * The town's audit log for the engine: head of the chain and the append (inside the caller's
 * transaction). Each append also queues the move of the town's signed head outside the town (the
 * outbox, same transaction), so a tail deleted later is caught by verification.
 */
export function sqlAuditLog(sql: SqlPort): AuditLog {
  return {
    head: () => {
      const row = first(sql, 'SELECT seq, hash FROM admin_audit_log ORDER BY seq DESC LIMIT 1');
      return row ? { seq: num(row.seq), hash: str(row.hash) } : null;
    },
    append: (entry: AuditEntry) => {
      appendAudit(sql, entry);
      enqueue(sql, AUDIT_ANCHOR, [entry.town_id, entry.seq, entry.hash, entry.at], entry.at);
    },
  };
}

/** JSON columns are stored canonical, so verification can hash the stored text as it is. */
export function appendAudit(sql: SqlPort, entry: AuditEntry): void {
  const { target, params, before, after, ...rest } = entry;
  insert(sql, 'admin_audit_log', {
    ...rest,
    params: canonicalJson(params),
    before: canonicalJson(before),
    after: canonicalJson(after),
    target_kind: target.kind,
    target_id: target.id,
  });
}
