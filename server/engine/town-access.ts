import type {
  Agent,
  BeadEvent,
  ContainerEvent,
  ContainerProcess,
  CredentialEvent,
  CredentialStatus,
  Dependency,
  DispatchAttempt,
  Rig,
} from '../../src/api/schemas';
import type { ConvoyRow, EnvSeed, EscalationRow, ReviewRow, RigConfigRow, StoredAgent, StoredBead, TownSeed } from '../../scenarios/types';

/**
 * What the intervention engine needs from a town's storage, implemented over the town's SQLite tables
 * (`server/town/access.ts`). The engine stays free of SQL, so its rules read as rules.
 */
export interface TownAccess {
  townId: string;
  agent(id: string): StoredAgent | null;
  agents(): StoredAgent[];
  bead(id: string): StoredBead | null;
  /** Beads whose assignee is this agent (the bead list shows the agent's name beside each). */
  beadsAssignedTo(agentId: string): StoredBead[];
  /** Issues not yet done (open, in progress, in review), oldest first, at most 50: the Mayor's prompt lists them. */
  openIssues(): StoredBead[];
  /** Direct `blocks` dependents of a bead (beads that wait on it). */
  blockedBy(beadId: string): StoredBead[];
  dependencies(beadId: string): Dependency[];
  review(mrBeadId: string): ReviewRow | null;
  reviews(): ReviewRow[];
  process(agentId: string): ContainerProcess | null;
  processes(): ContainerProcess[];
  container(): TownSeed['container'];
  config(): TownSeed['config'];
  env(): EnvSeed[];
  convoy(beadId: string): ConvoyRow | null;
  /** An escalation bead's side row (severity, acknowledgement, re-escalations); null for any other bead. */
  escalation(beadId: string): EscalationRow | null;
  rig(rigId: string): Rig | null;
  rigConfig(rigId: string): RigConfigRow | null;
  credential(rigId: string): CredentialStatus | null;
  mayor(): TownSeed['mayor'];
  gitTokenSet(): boolean;

  updateAgent(id: string, patch: Partial<StoredAgent>): void;
  deleteAgent(id: string): void;
  /** Removes a bead, its dependency edges (both ways), labels, events and side rows (review, convoy, escalation). */
  deleteBead(id: string): void;
  updateBead(id: string, patch: Partial<StoredBead>): void;
  addBeadEvent(event: BeadEvent): void;
  addStatusChange(agentId: string, status: Agent['status'], at: string, reason: string): void;
  startAssignment(agent: StoredAgent, bead: StoredBead, at: string): void;
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
  updateEscalation(beadId: string, patch: Partial<EscalationRow>): void;
  updateRig(rigId: string, patch: Partial<Rig>): void;
  updateRigConfig(rigId: string, patch: Partial<RigConfigRow>): void;
  updateCredential(rigId: string, patch: Partial<CredentialStatus>): void;
  addCredentialEvent(event: CredentialEvent): void;
  setGitToken(token: string): void;
  updateMayor(patch: Partial<NonNullable<TownSeed['mayor']>>): void;
}
