import type { SqlPort } from '../ports';
import type { TownSeed } from '../../scenarios/types';
import { insert } from '../db/sql';
import { recordBeadEvent, recordContainerEvent, recordCredentialResolution, recordDispatchAttempt, recordGitOperation } from './ingest';
import { PRIORITY_RANK, STATUS_RANK } from './schema';
import { writeEscalation } from './escalations';

/**
 * Writes a scenario town into an empty TownDO database. Snapshots the scenario states directly
 * (container state, credential status) are written after the events that would have moved them,
 * so the scenario's picture wins where the two disagree.
 */
export function seedTown(sql: SqlPort, seed: TownSeed): void {
  insert(sql, 'town', { ...seed.town, scenario: seed.scenario });
  for (const rig of seed.rigs) insert(sql, 'rigs', { ...rig });

  for (const bead of seed.beads) {
    insert(sql, 'beads', {
      ...bead,
      status_rank: STATUS_RANK[bead.status],
      priority_rank: PRIORITY_RANK[bead.priority],
    });
    for (const label of new Set(bead.labels)) insert(sql, 'bead_labels', { bead_id: bead.id, label });
  }
  for (const event of seed.bead_events) recordBeadEvent(sql, event);
  for (const dep of seed.dependencies) insert(sql, 'bead_dependencies', { ...dep }, 'INSERT OR IGNORE');

  for (const agent of seed.agents) insert(sql, 'agents', { ...agent });
  for (const change of seed.agent_status_history) insert(sql, 'agent_status_history', { ...change });
  for (const assignment of seed.assignments) insert(sql, 'assignments', { ...assignment });

  for (const convoy of seed.convoys) insert(sql, 'convoys', { ...convoy });
  for (const escalation of seed.escalations ?? []) writeEscalation(sql, escalation);
  for (const review of seed.reviews) insert(sql, 'reviews', { ...review });
  for (const sample of seed.review_samples) insert(sql, 'review_samples', { ...sample }, 'INSERT OR REPLACE');

  insert(sql, 'container_state', { id: 1, ...seed.container });
  for (const process of seed.processes) insert(sql, 'container_processes', { ...process });
  for (const event of seed.container_events) recordContainerEvent(sql, event);
  sql.exec('UPDATE container_state SET last_restart_at = ? WHERE id = 1', seed.container.last_restart_at);
  for (const sample of seed.resource_samples) insert(sql, 'resource_samples', { ...sample }, 'INSERT OR REPLACE');

  const { version, updated_at, ...config } = seed.config;
  insert(sql, 'town_config', { id: 1, config, version, updated_at });
  for (const env of seed.env) insert(sql, 'env_vars', { ...env });
  if (seed.git_token !== null) insert(sql, 'town_secrets', { name: 'git_token', value: seed.git_token });
  for (const rigConfig of seed.rig_configs) insert(sql, 'rig_configs', { ...rigConfig });

  for (const credential of seed.credentials) insert(sql, 'credentials', { ...credential });
  for (const event of seed.credential_events) recordCredentialResolution(sql, event);
  for (const credential of seed.credentials) insert(sql, 'credentials', { ...credential }, 'INSERT OR REPLACE');

  for (const operation of seed.git_operations) recordGitOperation(sql, operation);
  for (const attempt of seed.dispatch_attempts) recordDispatchAttempt(sql, attempt);
  // The scenario's bead counters are the truth; attempts above only fill gaps.
  for (const bead of seed.beads) {
    sql.exec(
      'UPDATE beads SET dispatch_attempts = ?, last_dispatch_attempt_at = ? WHERE id = ?',
      bead.dispatch_attempts,
      bead.last_dispatch_attempt_at,
      bead.id,
    );
  }
  for (const usage of seed.usage) insert(sql, 'usage_samples', { ...usage });
  if (seed.mayor) insert(sql, 'mayor_state', { ...seed.mayor });

  for (const c of seed.conditions ?? []) insert(sql, 'world_conditions', { ...c, detail: JSON.stringify(c.detail) });

  for (const entry of seed.audit_log) {
    const { target, ...rest } = entry;
    insert(sql, 'admin_audit_log', { ...rest, target_kind: target.kind, target_id: target.id });
  }
}
