import type {
  Agent,
  AgentStatusChange,
  Assignment,
  AuditEntry,
  Bead,
  BeadEvent,
  ContainerEvent,
  ContainerProcess,
  ContainerState,
  CredentialEvent,
  CredentialStatus,
  Dependency,
  DispatchAttempt,
  GitOperation,
  MayorState,
  QueueSample,
  ResourceSample,
  ReviewEntry,
  Rig,
  TownConfig,
  User,
  LinkedIntegration,
  Org,
} from '../src/api/schemas';

/**
 * The raw rows of a scenario, shaped like the tables of the Durable Objects.
 * MSW answers from these in memory; the reference worker inserts them into SQLite.
 * Secrets are present here in clear (as they are in production storage); every API response masks them.
 */
export interface WorldSeed {
  /** The instant the scenario was built for; every timestamp is relative to it. */
  now: string;
  users: User[];
  towns: TownSeed[];
  /** The platform integrations users have installed (the platform's records, not a town's). */
  integrations: LinkedIntegration[];
  /** Organizations and their members (the dashboard's records); their towns are in `towns` with `owner_org_id`. */
  orgs: OrgSeed[];
}

/** Production's escalation side table: one row per escalation bead. */
export interface EscalationRow {
  bead_id: string;
  severity: string;
  acknowledged: boolean;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  re_escalation_count: number;
  source_bead_id: string | null;
  last_escalated_at: string | null;
}

/** An organization with its members. */
export interface OrgSeed {
  org: Org;
  members: { user_id: string; role: string }[];
}

export type ScenarioKind =
  | 'healthy'
  | 'stuck-agent'
  | 'stuck-bead'
  | 'refinery-failure'
  | 'container-instability'
  | 'credential-issues'
  | 'convoy-stall'
  | 'mayor-dysfunction'
  | 'silent-consumption'
  | 'large';

export interface ConvoyRow {
  bead_id: string;
  total_beads: number;
  closed_beads: number;
  landed_at: string | null;
  feature_branch: string | null;
  target_branch: string;
  staged: boolean;
  merge_mode: 'review-then-land' | 'review-and-merge';
  landing_mr_bead_id: string | null;
}

/** A merge request's review row (the bead itself is in `beads`). */
export type ReviewRow = Omit<ReviewEntry, 'title' | 'status' | 'rig_id' | 'refinery_name' | 'version'>;

export interface UsageRow {
  agent_id: string;
  bead_id: string | null;
  at: string;
  input_tokens: number;
  output_tokens: number;
  cost_microdollars: number;
}

export interface EnvSeed {
  key: string;
  /** The clear value; secret ones are masked in every response. */
  value: string;
  secret: boolean;
}

/**
 * A row as the reference backend stores it: always with a version. The contract's `version` is
 * nullable (production's tables carry none), so the panel and the backend read the same schema while
 * the backend's own code keeps counting versions.
 */
export type Versioned<T extends { version: unknown }> = Omit<T, 'version'> & { version: number };
export type StoredAgent = Versioned<Agent>;
export type StoredBead = Versioned<Bead>;

export interface RigConfigRow {
  rig_id: string;
  max_polecats: number | null;
  model_override: string | null;
  custom_instructions: string | null;
  version: number;
}

/**
 * An agent's SDK event stream, generated lazily: event `n` (1-based id) is a pure function of the spec,
 * so a million-event stream needs no fixture file. The last `tail.length` events are the scripted ones.
 */
export interface SdkStreamSpec {
  agent_id: string;
  seed: number;
  total: number;
  first_at: string;
  last_at: string;
  session_id: string;
  /** Scripted events that end the stream (the scenario's evidence), oldest first. */
  tail: { type: string; properties: Record<string, unknown>; at: string }[];
}

export interface TownSeed {
  scenario: ScenarioKind;
  /** `owner_user_id` is the creator; `owner_org_id` is set when an organization owns the town (GastownOrgDO). */
  town: { id: string; name: string; owner_user_id: string; owner_org_id?: string | null; created_at: string; updated_at: string };
  rigs: Rig[];
  beads: StoredBead[];
  bead_events: BeadEvent[];
  dependencies: Dependency[];
  agents: StoredAgent[];
  agent_status_history: (AgentStatusChange & { agent_id: string })[];
  assignments: Assignment[];
  convoys: ConvoyRow[];
  /** Escalation side rows, one per escalation bead (type `escalation`). */
  escalations: EscalationRow[];
  reviews: ReviewRow[];
  review_samples: QueueSample[];
  container: Versioned<Omit<ContainerState, 'processes' | 'env_vars' | 'events' | 'resources' | 'sleep_after_minutes' | 'town_id'>>;
  processes: ContainerProcess[];
  container_events: ContainerEvent[];
  resource_samples: ResourceSample[];
  config: Versioned<Omit<TownConfig, 'env_vars' | 'git_auth'>> & { git_auth: Omit<TownConfig['git_auth'], 'token_set'> };
  env: EnvSeed[];
  /** A manually set git token (secret), or null. */
  git_token: string | null;
  rig_configs: RigConfigRow[];
  credentials: CredentialStatus[];
  credential_events: CredentialEvent[];
  git_operations: GitOperation[];
  dispatch_attempts: DispatchAttempt[];
  usage: UsageRow[];
  /** Keyed by the mayor's agent id. */
  mayor: (MayorState & { agent_id: string }) | null;
  sdk_streams: SdkStreamSpec[];
  audit_log: AuditEntry[];
  /** Root causes the patrol keeps meeting (faults as state); see server/patrol/conditions.ts. */
  conditions: WorldCondition[];
}

/**
 * A condition of the world behind a failure scenario that no other row states: it keeps producing its
 * symptoms on every patrol tick until an intervention's change removes it.
 * - `submodule_access` (subject: rig id): the rig's credential cannot read a private submodule, so every
 *   clone for the beads that need it (`detail.bead_ids`) fails; gone once the rig's credential is replaced
 *   (a manual token, another integration).
 * - `merge_conflict` (subject: merge request bead id): the branch conflicts with its target; gone once a
 *   polecat reworks (rebases) the source bead.
 * - `mayor_loop` (subject: the Mayor's agent id): the Mayor's session `detail.session_id` loops on a tool
 *   call; gone once the Mayor runs a new session.
 */
export interface WorldCondition {
  kind: 'submodule_access' | 'merge_conflict' | 'mayor_loop';
  subject: string;
  detail: Record<string, unknown>;
  since: string;
}
