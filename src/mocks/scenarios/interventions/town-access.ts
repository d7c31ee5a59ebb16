import type {
  Agent,
  Bead,
  BeadEvent,
  ContainerEvent,
  ContainerProcess,
  CredentialEvent,
  CredentialStatus,
  Dependency,
  DispatchAttempt,
  Rig,
} from '../../../api/schemas';
import type { ConvoyRow, EnvSeed, ReviewRow, RigConfigRow, TownSeed } from '../types';

/**
 * What the intervention engine needs from a town's storage. MSW implements it over the
 * scenario rows in memory; the reference worker implements it over TownDO's SQLite tables.
 * One engine, so both backends act identically.
 */
export interface TownAccess {
  townId: string;
  agent(id: string): Agent | null;
  agents(): Agent[];
  bead(id: string): Bead | null;
  /** Direct `blocks` dependents of a bead (beads that wait on it). */
  blockedBy(beadId: string): Bead[];
  dependencies(beadId: string): Dependency[];
  review(mrBeadId: string): ReviewRow | null;
  reviews(): ReviewRow[];
  process(agentId: string): ContainerProcess | null;
  processes(): ContainerProcess[];
  container(): TownSeed['container'];
  config(): TownSeed['config'];
  env(): EnvSeed[];
  convoy(beadId: string): ConvoyRow | null;
  rig(rigId: string): Rig | null;
  rigConfig(rigId: string): RigConfigRow | null;
  credential(rigId: string): CredentialStatus | null;
  mayor(): TownSeed['mayor'];
  gitTokenSet(): boolean;

  updateAgent(id: string, patch: Partial<Agent>): void;
  deleteAgent(id: string): void;
  updateBead(id: string, patch: Partial<Bead>): void;
  addBeadEvent(event: BeadEvent): void;
  addStatusChange(agentId: string, status: Agent['status'], at: string, reason: string): void;
  startAssignment(agent: Agent, bead: Bead, at: string): void;
  endAssignment(
    agentId: string,
    beadId: string,
    at: string,
    outcome: 'completed' | 'failed' | 'unhooked' | 'reassigned' | 'timed_out',
  ): void;
  addDispatchAttempt(attempt: DispatchAttempt): void;
  updateReview(mrBeadId: string, patch: Partial<ReviewRow>): void;
  updateContainer(patch: Partial<TownSeed['container']>): void;
  updateProcess(processId: string, patch: Partial<ContainerProcess>): void;
  addProcess(process: ContainerProcess): void;
  addContainerEvent(event: ContainerEvent): void;
  setEnv(env: EnvSeed[]): void;
  updateConfig(patch: Partial<TownSeed['config']>): void;
  addDependency(dep: Dependency): void;
  removeDependency(dep: Dependency): void;
  updateConvoy(beadId: string, patch: Partial<ConvoyRow>): void;
  updateRig(rigId: string, patch: Partial<Rig>): void;
  updateRigConfig(rigId: string, patch: Partial<RigConfigRow>): void;
  updateCredential(rigId: string, patch: Partial<CredentialStatus>): void;
  addCredentialEvent(event: CredentialEvent): void;
  setGitToken(token: string): void;
  updateMayor(patch: Partial<NonNullable<TownSeed['mayor']>>): void;
}

/**
 * TownAccess over a scenario town's rows in memory (MSW). Reads return copies, as rows read from
 * SQLite would: a handler's snapshot must not change under it when it writes.
 */
export function memoryAccess(town: TownSeed): TownAccess {
  const copy = <T>(row: T | undefined | null): T | null => (row ? structuredClone(row) : null);
  const byIdLive = <T extends { id: string }>(rows: T[], id: string) => rows.find((r) => r.id === id) ?? null;
  const byId = <T extends { id: string }>(rows: T[], id: string) => copy(byIdLive(rows, id));
  const patchRow = <T>(row: T | null | undefined, patch: Partial<T>) => {
    if (row) Object.assign(row as object, patch);
  };
  return {
    townId: town.town.id,
    agent: (id) => byId(town.agents, id),
    agents: () => town.agents.map((a) => ({ ...a })),
    bead: (id) => byId(town.beads, id),
    blockedBy: (beadId) =>
      town.dependencies
        .filter((d) => d.depends_on_bead_id === beadId && d.dependency_type === 'blocks')
        .map((d) => byId(town.beads, d.bead_id))
        .filter((b): b is Bead => b !== null),
    dependencies: (beadId) => town.dependencies.filter((d) => d.bead_id === beadId || d.depends_on_bead_id === beadId),
    review: (id) => copy(town.reviews.find((r) => r.bead_id === id)),
    reviews: () => town.reviews.map((r) => ({ ...r })),
    process: (agentId) =>
      copy(
        town.processes.find((p) => p.agent_id === agentId && (p.status === 'running' || p.status === 'starting')) ??
          town.processes.findLast((p) => p.agent_id === agentId),
      ),
    processes: () => town.processes.map((p) => ({ ...p })),
    container: () => ({ ...town.container }),
    config: () => structuredClone(town.config),
    env: () => town.env.map((v) => ({ ...v })),
    convoy: (id) => copy(town.convoys.find((c) => c.bead_id === id)),
    rig: (id) => byId(town.rigs, id),
    rigConfig: (id) => copy(town.rig_configs.find((c) => c.rig_id === id)),
    credential: (id) => copy(town.credentials.find((c) => c.rig_id === id)),
    mayor: () => copy(town.mayor),
    gitTokenSet: () => town.git_token !== null,

    updateAgent: (id, patch) => patchRow(byIdLive(town.agents, id), patch),
    deleteAgent: (id) => {
      town.agents = town.agents.filter((a) => a.id !== id);
    },
    updateBead: (id, patch) => patchRow(byIdLive(town.beads, id), patch),
    addBeadEvent: (e) => town.bead_events.push(e),
    addStatusChange: (agent_id, status, at, reason) => town.agent_status_history.push({ agent_id, status, at, reason }),
    startAssignment: (agent, bead, at) =>
      town.assignments.push({
        agent_id: agent.id,
        agent_name: agent.name,
        role: agent.role,
        bead_id: bead.id,
        bead_title: bead.title,
        started_at: at,
        ended_at: null,
        outcome: 'active',
      }),
    endAssignment: (agentId, beadId, at, outcome) => {
      for (const a of town.assignments)
        if (a.agent_id === agentId && a.bead_id === beadId && !a.ended_at) Object.assign(a, { ended_at: at, outcome });
    },
    addDispatchAttempt: (d) => town.dispatch_attempts.push(d),
    updateReview: (id, patch) =>
      patchRow(
        town.reviews.find((r) => r.bead_id === id),
        patch,
      ),
    updateContainer: (patch) => Object.assign(town.container, patch),
    updateProcess: (id, patch) =>
      patchRow(
        town.processes.find((p) => p.process_id === id),
        patch,
      ),
    addProcess: (p) => town.processes.push(p),
    addContainerEvent: (e) => town.container_events.push(e),
    setEnv: (env) => {
      town.env = env;
    },
    updateConfig: (patch) => Object.assign(town.config, patch),
    addDependency: (dep) => town.dependencies.push(dep),
    removeDependency: (dep) => {
      town.dependencies = town.dependencies.filter(
        (d) => !(d.bead_id === dep.bead_id && d.depends_on_bead_id === dep.depends_on_bead_id && d.dependency_type === dep.dependency_type),
      );
    },
    updateConvoy: (id, patch) =>
      patchRow(
        town.convoys.find((c) => c.bead_id === id),
        patch,
      ),
    updateRig: (id, patch) => patchRow(byIdLive(town.rigs, id), patch),
    updateRigConfig: (id, patch) =>
      patchRow(
        town.rig_configs.find((c) => c.rig_id === id),
        patch,
      ),
    updateCredential: (id, patch) =>
      patchRow(
        town.credentials.find((c) => c.rig_id === id),
        patch,
      ),
    addCredentialEvent: (e) => town.credential_events.push(e),
    setGitToken: (token) => {
      town.git_token = token;
    },
    updateMayor: (patch) => {
      if (town.mayor) Object.assign(town.mayor, patch);
    },
  };
}
