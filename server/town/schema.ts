/**
 * TownDO schema, by version (see db/migrate.ts). Rows mirror the contract's shapes; JSON columns hold
 * what is read whole (labels, metadata, checkpoint). Denormalized columns (priority_rank, status_rank,
 * last_event_at, sdk_event_count) exist so the 10k-bead table pages by index without joins or sorts.
 */
export const TOWN_MIGRATIONS = [
  `CREATE TABLE town (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     owner_user_id TEXT NOT NULL,
     scenario TEXT,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE rigs (
     id TEXT PRIMARY KEY,
     town_id TEXT NOT NULL,
     name TEXT NOT NULL,
     git_url TEXT NOT NULL,
     default_branch TEXT NOT NULL,
     platform_integration_id TEXT,
     integration TEXT,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );

   CREATE TABLE beads (
     id TEXT PRIMARY KEY,
     type TEXT NOT NULL,
     status TEXT NOT NULL,
     status_rank INTEGER NOT NULL,
     title TEXT NOT NULL,
     body TEXT NOT NULL,
     rig_id TEXT,
     parent_bead_id TEXT,
     assignee_agent_bead_id TEXT,
     priority TEXT NOT NULL,
     priority_rank INTEGER NOT NULL,
     labels TEXT NOT NULL,
     metadata TEXT NOT NULL,
     dispatch_attempts INTEGER NOT NULL DEFAULT 0,
     last_dispatch_attempt_at TEXT,
     created_by TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     closed_at TEXT,
     last_event_at TEXT,
     version INTEGER NOT NULL DEFAULT 1
   );
   CREATE INDEX beads_updated ON beads (updated_at, id);
   CREATE INDEX beads_created ON beads (created_at, id);
   CREATE INDEX beads_status ON beads (status, updated_at);
   CREATE INDEX beads_type ON beads (type, status);
   CREATE INDEX beads_assignee ON beads (assignee_agent_bead_id);
   CREATE TABLE bead_labels (bead_id TEXT NOT NULL, label TEXT NOT NULL, PRIMARY KEY (label, bead_id)) WITHOUT ROWID;
   CREATE TABLE bead_events (
     id TEXT PRIMARY KEY,
     bead_id TEXT NOT NULL,
     agent_id TEXT,
     event_type TEXT NOT NULL,
     old_value TEXT,
     new_value TEXT,
     metadata TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE INDEX bead_events_bead ON bead_events (bead_id, created_at);
   CREATE INDEX bead_events_time ON bead_events (created_at, id);
   CREATE TABLE bead_dependencies (
     bead_id TEXT NOT NULL,
     depends_on_bead_id TEXT NOT NULL,
     dependency_type TEXT NOT NULL DEFAULT 'blocks',
     UNIQUE (bead_id, depends_on_bead_id, dependency_type)
   );
   CREATE INDEX bead_dependencies_reverse ON bead_dependencies (depends_on_bead_id);

   CREATE TABLE agents (
     id TEXT PRIMARY KEY,
     rig_id TEXT,
     role TEXT NOT NULL,
     name TEXT NOT NULL,
     identity TEXT NOT NULL,
     status TEXT NOT NULL,
     status_since TEXT NOT NULL,
     current_hook_bead_id TEXT,
     dispatch_attempts INTEGER NOT NULL DEFAULT 0,
     last_activity_at TEXT,
     checkpoint TEXT,
     agent_status_message TEXT,
     active_tools TEXT NOT NULL,
     stalled_at TEXT,
     container_process_id TEXT,
     created_at TEXT NOT NULL,
     version INTEGER NOT NULL DEFAULT 1,
     -- Reported by the agent's AgentDO after each append, so town views need not wake every AgentDO.
     sdk_event_count INTEGER NOT NULL DEFAULT 0,
     last_sdk_event_at TEXT
   );
   CREATE TABLE agent_status_history (
     id INTEGER PRIMARY KEY,
     agent_id TEXT NOT NULL,
     status TEXT NOT NULL,
     at TEXT NOT NULL,
     reason TEXT
   );
   CREATE INDEX agent_status_history_agent ON agent_status_history (agent_id, at);
   CREATE INDEX agent_status_history_time ON agent_status_history (at, id);
   CREATE TABLE assignments (
     id INTEGER PRIMARY KEY,
     agent_id TEXT NOT NULL,
     agent_name TEXT NOT NULL,
     role TEXT NOT NULL,
     bead_id TEXT NOT NULL,
     bead_title TEXT,
     started_at TEXT NOT NULL,
     ended_at TEXT,
     outcome TEXT NOT NULL
   );
   CREATE INDEX assignments_agent ON assignments (agent_id, started_at);
   CREATE INDEX assignments_bead ON assignments (bead_id, started_at);

   CREATE TABLE convoys (
     bead_id TEXT PRIMARY KEY,
     total_beads INTEGER NOT NULL,
     closed_beads INTEGER NOT NULL,
     landed_at TEXT,
     feature_branch TEXT,
     target_branch TEXT NOT NULL,
     staged INTEGER NOT NULL,
     merge_mode TEXT NOT NULL,
     landing_mr_bead_id TEXT
   );
   CREATE TABLE reviews (
     bead_id TEXT PRIMARY KEY,
     source_bead_id TEXT,
     branch TEXT NOT NULL,
     target_branch TEXT NOT NULL,
     pr_url TEXT,
     pr_state TEXT,
     review_state TEXT NOT NULL,
     failure_reason TEXT,
     refinery_agent_id TEXT,
     retry_count INTEGER NOT NULL DEFAULT 0,
     merge_commit TEXT,
     enqueued_at TEXT NOT NULL,
     started_at TEXT,
     completed_at TEXT
   );
   CREATE INDEX reviews_state ON reviews (review_state, enqueued_at);
   CREATE TABLE review_samples (at TEXT PRIMARY KEY, depth INTEGER NOT NULL, processed INTEGER NOT NULL);

   CREATE TABLE container_state (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     instance_id TEXT,
     status TEXT NOT NULL,
     health TEXT NOT NULL,
     image TEXT NOT NULL,
     started_at TEXT,
     last_restart_at TEXT,
     idle_since TEXT,
     memory_limit_mb REAL NOT NULL,
     version INTEGER NOT NULL DEFAULT 1
   );
   CREATE TABLE container_processes (
     process_id TEXT PRIMARY KEY,
     agent_id TEXT,
     agent_name TEXT,
     pid INTEGER,
     command TEXT NOT NULL,
     status TEXT NOT NULL,
     started_at TEXT NOT NULL,
     exited_at TEXT,
     exit_code INTEGER,
     memory_mb REAL
   );
   CREATE INDEX container_processes_agent ON container_processes (agent_id, started_at);
   CREATE TABLE container_events (
     id TEXT PRIMARY KEY,
     event_type TEXT NOT NULL,
     exit_code INTEGER,
     reason TEXT,
     message TEXT,
     metadata TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE INDEX container_events_time ON container_events (created_at, id);
   CREATE TABLE resource_samples (
     at TEXT PRIMARY KEY,
     memory_mb REAL NOT NULL,
     memory_limit_mb REAL NOT NULL,
     cpu_percent REAL,
     active_processes INTEGER NOT NULL
   );

   -- The town config document minus its secrets; secrets live in env_vars / town_secrets only.
   CREATE TABLE town_config (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     config TEXT NOT NULL,
     version INTEGER NOT NULL DEFAULT 1,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE env_vars (key TEXT PRIMARY KEY, value TEXT NOT NULL, secret INTEGER NOT NULL);
   CREATE TABLE town_secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE rig_configs (
     rig_id TEXT PRIMARY KEY,
     max_polecats INTEGER,
     model_override TEXT,
     custom_instructions TEXT,
     version INTEGER NOT NULL DEFAULT 1
   );
   CREATE TABLE credentials (
     rig_id TEXT PRIMARY KEY,
     rig_name TEXT NOT NULL,
     source TEXT NOT NULL,
     integration_id TEXT,
     status TEXT NOT NULL,
     last_resolved_at TEXT,
     token_expires_at TEXT,
     last_error TEXT,
     last_verified_at TEXT,
     verification TEXT
   );
   CREATE TABLE credential_events (
     id TEXT PRIMARY KEY,
     rig_id TEXT NOT NULL,
     integration_id TEXT,
     kind TEXT NOT NULL,
     outcome TEXT NOT NULL,
     error TEXT,
     token_expires_at TEXT,
     created_at TEXT NOT NULL
   );
   CREATE INDEX credential_events_time ON credential_events (created_at, id);
   CREATE TABLE git_operations (
     id TEXT PRIMARY KEY,
     rig_id TEXT,
     agent_id TEXT,
     bead_id TEXT,
     operation TEXT NOT NULL,
     command TEXT NOT NULL,
     outcome TEXT NOT NULL,
     exit_code INTEGER,
     stderr_excerpt TEXT,
     duration_ms INTEGER NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE INDEX git_operations_time ON git_operations (created_at, id);
   CREATE INDEX git_operations_agent ON git_operations (agent_id, created_at);
   CREATE TABLE dispatch_attempts (
     id TEXT PRIMARY KEY,
     bead_id TEXT NOT NULL,
     agent_id TEXT,
     attempt_number INTEGER NOT NULL,
     outcome TEXT NOT NULL,
     container_status INTEGER,
     container_response TEXT,
     error_message TEXT,
     created_at TEXT NOT NULL
   );
   CREATE INDEX dispatch_attempts_time ON dispatch_attempts (created_at, id);
   CREATE INDEX dispatch_attempts_bead ON dispatch_attempts (bead_id, created_at);
   CREATE INDEX dispatch_attempts_agent ON dispatch_attempts (agent_id, created_at);
   CREATE TABLE usage_samples (
     id INTEGER PRIMARY KEY,
     agent_id TEXT NOT NULL,
     bead_id TEXT,
     at TEXT NOT NULL,
     input_tokens INTEGER NOT NULL,
     output_tokens INTEGER NOT NULL,
     cost_microdollars INTEGER NOT NULL
   );
   CREATE INDEX usage_samples_agent ON usage_samples (agent_id, at);
   CREATE INDEX usage_samples_time ON usage_samples (at);
   CREATE TABLE mayor_state (
     agent_id TEXT PRIMARY KEY,
     session_id TEXT,
     session_state TEXT NOT NULL,
     session_error TEXT,
     last_activity_at TEXT,
     last_user_message TEXT,
     system_prompt TEXT NOT NULL,
     system_prompt_context TEXT NOT NULL
   );

   -- Append-only and hash-chained: interventions insert here in the same transaction as their change;
   -- the triggers refuse any UPDATE or DELETE, whatever code path tries it.
   CREATE TABLE admin_audit_log (
     seq INTEGER PRIMARY KEY,
     id TEXT NOT NULL UNIQUE,
     town_id TEXT NOT NULL,
     at TEXT NOT NULL,
     admin_id TEXT NOT NULL,
     admin_email TEXT NOT NULL,
     action TEXT NOT NULL,
     target_kind TEXT NOT NULL,
     target_id TEXT NOT NULL,
     reason TEXT NOT NULL,
     params TEXT NOT NULL,
     before TEXT NOT NULL,
     after TEXT NOT NULL,
     outcome TEXT NOT NULL,
     error TEXT,
     request_id TEXT NOT NULL,
     prev_hash TEXT NOT NULL,
     hash TEXT NOT NULL
   );
   CREATE INDEX admin_audit_log_time ON admin_audit_log (at, seq);
   CREATE TRIGGER admin_audit_log_no_update BEFORE UPDATE ON admin_audit_log
     BEGIN SELECT RAISE(ABORT, 'admin_audit_log is append-only'); END;
   CREATE TRIGGER admin_audit_log_no_delete BEFORE DELETE ON admin_audit_log
     BEGIN SELECT RAISE(ABORT, 'admin_audit_log is append-only'); END;`,

  // v2 (issue 8): idempotency records for interventions, written in the same transaction as the change
  // and its audit row. `fingerprint` is the SHA-256 of action + body (a body may carry a token);
  // `body` is the first answer, replayed for a retry with the same key.
  `CREATE TABLE idempotency_keys (
     key TEXT PRIMARY KEY,
     fingerprint TEXT NOT NULL,
     status INTEGER NOT NULL,
     body TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE INDEX idempotency_keys_time ON idempotency_keys (created_at);`,

  // v3 (issue 13): per-town facts beside the domain tables (dev clock offset, id counter, patrol schedule),
  // and the outbox of writes other objects must receive (delivered after commit, until acknowledged).
  `CREATE TABLE town_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE outbox (
     id INTEGER PRIMARY KEY,
     target_kind TEXT NOT NULL,
     target_name TEXT NOT NULL,
     method TEXT NOT NULL,
     args TEXT NOT NULL,
     created_at TEXT NOT NULL
   );`,

  // v4 (issue 13): the root causes of failure scenarios that are not already a row's state (a
  // credential without access to a private submodule, a branch that conflicts with its target, a Mayor
  // session stuck in a tool-call loop). The patrol keeps meeting them until an intervention's change
  // removes them (see server/patrol/conditions.ts).
  `CREATE TABLE world_conditions (
     kind TEXT NOT NULL,
     subject TEXT NOT NULL,
     detail TEXT NOT NULL,
     since TEXT NOT NULL,
     PRIMARY KEY (kind, subject)
   );`,

  // v5 (issue 13): the change counter behind the read routes' ETags. Triggers on every domain table
  // bump it in the writing transaction (server/town/changes.ts keeps them in step with the tables).
  `CREATE TABLE town_changes (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL);
   INSERT INTO town_changes (id, seq) VALUES (1, 0);`,

  // v6 (issue 15): bulk actions. A batch keeps the targets its filter resolved to when it was previewed,
  // so a run acts on exactly those (never on an id list a client built), and each target's outcome,
  // so progress, failures and retries survive a reload. Not the audit: each applied target also has
  // its own entry in admin_audit_log (request_id = the batch id).
  `CREATE TABLE batches (
     key TEXT PRIMARY KEY,
     id TEXT NOT NULL,
     fingerprint TEXT NOT NULL,
     action TEXT NOT NULL,
     target_kind TEXT NOT NULL,
     params TEXT NOT NULL,
     reason TEXT NOT NULL,
     admin_id TEXT NOT NULL,
     count INTEGER NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE batch_targets (
     batch_key TEXT NOT NULL,
     idx INTEGER NOT NULL,
     target_id TEXT NOT NULL,
     label TEXT NOT NULL,
     status TEXT NOT NULL,
     error TEXT,
     audit_seq INTEGER,
     PRIMARY KEY (batch_key, idx)
   );`,

  // v7 (issue 13): the patrol's dispatch walks open beads most urgent first and stops at the first few
  // it can take. Convoys whose tracked beads changed status (or whose tracked set changed) are marked by
  // triggers, so a tick recounts those only, not 20k edges; every convoy starts marked.
  `CREATE INDEX beads_dispatch ON beads (status, priority_rank DESC, created_at, id);
   CREATE TABLE convoys_dirty (bead_id TEXT PRIMARY KEY);
   CREATE TRIGGER convoys_dirty_status AFTER UPDATE OF status ON beads BEGIN
     INSERT OR IGNORE INTO convoys_dirty (bead_id)
       SELECT d.bead_id FROM bead_dependencies d WHERE d.depends_on_bead_id = NEW.id AND d.dependency_type = 'tracks';
   END;
   CREATE TRIGGER convoys_dirty_track AFTER INSERT ON bead_dependencies WHEN NEW.dependency_type = 'tracks' BEGIN
     INSERT OR IGNORE INTO convoys_dirty (bead_id) VALUES (NEW.bead_id);
   END;
   CREATE TRIGGER convoys_dirty_untrack AFTER DELETE ON bead_dependencies WHEN OLD.dependency_type = 'tracks' BEGIN
     INSERT OR IGNORE INTO convoys_dirty (bead_id) VALUES (OLD.bead_id);
   END;
   CREATE TRIGGER convoys_dirty_deleted AFTER DELETE ON beads BEGIN
     INSERT OR IGNORE INTO convoys_dirty (bead_id)
       SELECT d.bead_id FROM bead_dependencies d WHERE d.depends_on_bead_id = OLD.id AND d.dependency_type = 'tracks';
   END;
   CREATE TRIGGER convoys_dirty_new AFTER INSERT ON convoys BEGIN
     INSERT OR IGNORE INTO convoys_dirty (bead_id) VALUES (NEW.bead_id);
   END;
   INSERT OR IGNORE INTO convoys_dirty (bead_id) SELECT bead_id FROM convoys;`,

  // v8 (issue 13): following the recovery after an intervention (server/recovery/). When the patrol
  // first saw each declared expectation hold, and the verdict: appended once beside the audit entry it
  // judges (the entry is never changed), and refused any UPDATE or DELETE like the log itself.
  `CREATE TABLE recovery_checks (
     audit_id TEXT NOT NULL,
     check_id TEXT NOT NULL,
     met_at TEXT NOT NULL,
     PRIMARY KEY (audit_id, check_id)
   );
   CREATE TABLE recovery_observations (
     id TEXT PRIMARY KEY,
     audit_id TEXT NOT NULL UNIQUE,
     audit_seq INTEGER NOT NULL,
     at TEXT NOT NULL,
     verdict TEXT NOT NULL,
     summary TEXT NOT NULL,
     checks TEXT NOT NULL
   );
   CREATE INDEX recovery_observations_seq ON recovery_observations (audit_seq);
   CREATE TRIGGER recovery_observations_no_update BEFORE UPDATE ON recovery_observations
     BEGIN SELECT RAISE(ABORT, 'recovery_observations is append-only'); END;
   CREATE TRIGGER recovery_observations_no_delete BEFORE DELETE ON recovery_observations
     BEGIN SELECT RAISE(ABORT, 'recovery_observations is append-only'); END;`,

  // v9 (issue 17): outbox ids are never reused. A plain INTEGER PRIMARY KEY starts again at 1 once the
  // table is empty, so a later message got an id its receiver had already seen and was dropped as a
  // redelivery (a relinked rig never reached the user's list). Message ids also gain a version prefix
  // (outbox.ts), so none can meet an id handed out before this migration.
  `CREATE TABLE outbox_v9 (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     target_kind TEXT NOT NULL,
     target_name TEXT NOT NULL,
     method TEXT NOT NULL,
     args TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   INSERT INTO outbox_v9 (target_kind, target_name, method, args, created_at)
     SELECT target_kind, target_name, method, args, created_at FROM outbox ORDER BY id;
   DROP TABLE outbox;
   ALTER TABLE outbox_v9 RENAME TO outbox;`,

  // v10 (issue 16): a town an organization owns names it (its rig mirror goes to the GastownOrgDO).
  `ALTER TABLE town ADD COLUMN owner_org_id TEXT;`,

  // v11 (issue 13): the patrol asks each tick for an agent's live session and for the processes starting
  // or running; container_processes only grows (about ten sessions a tick in the 10k-bead town), so
  // without these every such question walked all of an agent's past sessions or the whole table.
  `CREATE INDEX container_processes_live ON container_processes (agent_id, status);
   CREATE INDEX container_processes_status ON container_processes (status);`,

  // v12 (issue 16): production's escalation side table, keyed by the escalation bead's id. A
  // re-escalation bumps the count and clears the acknowledgement (someone must look again).
  `CREATE TABLE escalations (
     bead_id TEXT PRIMARY KEY,
     severity TEXT NOT NULL,
     acknowledged INTEGER NOT NULL DEFAULT 0,
     acknowledged_at TEXT,
     acknowledged_by TEXT,
     re_escalation_count INTEGER NOT NULL DEFAULT 0,
     source_bead_id TEXT,
     last_escalated_at TEXT
   );
   CREATE INDEX escalations_open ON escalations (acknowledged, severity);
   CREATE INDEX escalations_source ON escalations (source_bead_id);`,

  // v13 (issue 13): the agents' stream activity counted apart from the town's changes (changes.ts): an
  // SDK event of one agent moves only the reads that show stream activity, not beads, reviews or others.
  `CREATE TABLE town_activity (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL);
   INSERT INTO town_activity (id, seq) VALUES (1, 0);`,

  // v14 (issue 14): the name a deleted agent or bead had, so the audit log can still say what an entry
  // was about ("Toast, deleted") after its row is gone. Written by the delete, never read for state.
  `CREATE TABLE deleted_names (
     id TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     name TEXT NOT NULL
   );`,

  // v15 (issue 17): every town summary names the oldest open work beads (health.ts oldestOpenBeads). The
  // planner took them by status and type (4,300 rows in the 10k-bead town), sorted them by age and ran
  // the last-dispatch-error subquery for each: a fifth of the CPU of bench load. The open ones, by age.
  `CREATE INDEX beads_open_oldest ON beads (created_at, id)
     WHERE status IN ('open', 'in_progress', 'in_review') AND type IN ('issue', 'molecule');`,
] as const;

export const STATUS_RANK: Record<string, number> = { open: 0, in_progress: 1, in_review: 2, closed: 3, failed: 4 };
export const PRIORITY_RANK: Record<string, number> = { low: 0, medium: 1, high: 2, critical: 3 };
