import type {
  AgentDetail,
  AgentSessionList,
  CompareKind,
  AuditAnchor,
  AuditPage,
  AuditVerification,
  BeadDetail,
  BeadEvent,
  BeadGraph,
  BeadPage,
  ContainerEvent,
  ContainerState,
  CredentialEvent,
  DispatchAttempt,
  Feed,
  GitOperation,
  RecoveryObservationList,
  RecoveryWatch,
  ReviewQueue,
  EscalationList,
  Rig,
  TimelinePage,
  TownConfigResponse,
  TownSummary,
  TownCost,
  TownUsage,
} from '../../src/api/schemas';
import type { AgentList, BeadEventList, DispatchAttemptList, GitOperationList } from '../contract-types';
import type { TownSeed } from '../../scenarios/types';
import { migrate } from '../db/migrate';
import type { Host } from '../host';
import type { SqlPort, Storage } from '../ports';
import { all, first, num } from '../db/sql';
import { toRig } from '../user/rig-row';
import { getAgentDetail, listAgents, noteSdkEvents } from './agents';
import { act, type ActInput, type ActOutcome } from './act';
import { prepareBatch, runBatch, type BatchInput } from './batches';
import { listAudit, verifyAudit, type AuditFilter } from './audit';
import { probeAuditTriggers, seedAuditEntries, tamperAuditEntry, truncateAuditLog } from './audit-dev';
import { getBeadGraph } from './bead-graph';
import { beadExists, getBeadDetail, listBeadEvents } from './bead-detail';
import { listBeads, type BeadListParams } from './bead-list';
import { getConfigResponse } from './config';
import { getContainer } from './container';
import { listEscalations } from './escalations';
import * as ingest from './ingest';
import { getReviewQueue } from './reviews';
import { TOWN_MIGRATIONS } from './schema';
import { seedTown } from './seed';
import { getTimeline, type TimelineParams } from './timeline';
import { getTownSummary } from './summary';
import { toDispatchAttempt, toGitOperation, toProcess } from './rows';
import { townUsage } from './usage';
import { townCost } from './cost';
import { townRun, type TownRun } from './compare';
import { nextTickAfter, runTick } from '../patrol/patrol';
import { createTick } from '../patrol/tick';
import { TownClock } from './clock';
import { TownIds } from './ids';
import { readMeta, readMetaNumber, writeMeta } from './meta';
import { deliver, pendingCount } from './outbox';
import { ensureChangeTriggers, townTag, type TagScope } from './changes';
import { listObservations, readRecovery } from '../recovery/watch';
import { searchTownRows, type TownSearchGroup } from '../search/town-search';

/** Rows in the dispatch and git lists; the timeline pages further back. */
const LIST_CAP = 500;
/** Sessions listed to pick from: the newest are the ones worth comparing. */
const SESSION_CAP = 100;

/**
 * One town (production's TownDO): beads, agents, reviews, container, config, the persisted data gaps
 * and the audit log, in one SQLite database. Reads return contract shapes or null for "no such row";
 * writes run inside `transactionSync`; an intervention changes state, appends its audit row and records
 * its idempotency key in one transaction (`act`).
 */
/** Faults a test can arm (devArmFault): where a simulated crash happens. */
export type TownFault = 'crash_after_commit' | 'crash_before_ack';
export const TOWN_FAULTS: readonly TownFault[] = ['crash_after_commit', 'crash_before_ack'];

/** Real ms before undelivered outbox messages are tried again by alarm. */
const OUTBOX_RETRY_MS = 2_000;

/** How the patrol is driven: by the host's alarm in real time (`npm start`), or only by the dev clock (tests). */
export type PatrolMode = 'live' | 'manual';

/** A dev clock advance never runs more ticks than this in one call (a day at 10-s ticks). */
const MAX_TICKS_PER_ADVANCE = 10_000;

export class Town {
  private readonly sql: SqlPort;
  private readonly clock: TownClock;
  /** The town's own ids: the same town, seed and steps give the same rows on both hosts. */
  private readonly ids: TownIds;

  constructor(
    private readonly storage: Storage,
    private readonly host: Host,
  ) {
    this.sql = storage.sql;
    migrate(storage, TOWN_MIGRATIONS);
    storage.transactionSync(() => ensureChangeTriggers(this.sql));
    this.clock = new TownClock(this.sql, host.clock);
    this.ids = new TownIds(this.sql, () => this.townId() ?? 'unseeded');
    // Woken after a crash with messages still undelivered: make sure an alarm will retry them.
    if (pendingCount(this.sql) > 0) void storage.setAlarm(host.clock.now() + OUTBOX_RETRY_MS);
  }

  private now(): number {
    return this.clock.now();
  }

  private townId(): string | null {
    const row = first(this.sql, 'SELECT id FROM town LIMIT 1');
    return row ? String(row.id) : null;
  }

  /**
   * The read routes' ETag: moves with every write to the town and every 15 s of town time, and with
   * the stream activity the scope follows, so `If-None-Match` is answered 304 from a counter row or
   * two (null: no such town, or no such agent for an agent's scope).
   */
  readTag(scope?: TagScope): { tag: string; now: string } | null {
    if (!this.townId()) return null;
    const now = this.now();
    const tag = townTag(this.sql, now, scope);
    // The town's time rides along: the panel reads "now" on the town's clock (X-Town-Time).
    return tag ? { tag, now: new Date(now).toISOString() } : null;
  }

  summary(): TownSummary | null {
    return getTownSummary(this.sql, this.now());
  }

  rigs(): Rig[] {
    return all(this.sql, 'SELECT * FROM rigs ORDER BY name, id').map(toRig);
  }

  beads(params: BeadListParams): BeadPage {
    return listBeads(this.sql, params);
  }

  bead(beadId: string): BeadDetail | null {
    return getBeadDetail(this.sql, this.now(), beadId);
  }

  beadEvents(beadId: string): BeadEventList | null {
    return beadExists(this.sql, beadId) ? { items: listBeadEvents(this.sql, beadId) } : null;
  }

  beadGraph(beadId: string, depth: number | null): BeadGraph | null {
    return beadExists(this.sql, beadId) ? getBeadGraph(this.sql, beadId, depth) : null;
  }

  agents(): AgentList {
    return { items: listAgents(this.sql, this.now()) };
  }

  agent(agentId: string): Omit<AgentDetail, 'event_count'> | null {
    return getAgentDetail(this.sql, this.now(), agentId);
  }

  hasAgent(agentId: string): boolean {
    return first(this.sql, 'SELECT 1 AS x FROM agents WHERE id = ?', agentId) !== null;
  }

  dispatchAttempts(filter: { bead_id?: string | undefined; agent_id?: string | undefined }): DispatchAttemptList {
    return {
      items: all(
        this.sql,
        `SELECT * FROM dispatch_attempts WHERE (?1 IS NULL OR bead_id = ?1) AND (?2 IS NULL OR agent_id = ?2)
         ORDER BY created_at DESC, id DESC LIMIT ?3`,
        filter.bead_id ?? null,
        filter.agent_id ?? null,
        LIST_CAP,
      ).map(toDispatchAttempt),
    };
  }

  gitOperations(filter: { agent_id?: string | undefined; outcome?: string | undefined }): GitOperationList {
    return {
      items: all(
        this.sql,
        `SELECT * FROM git_operations WHERE (?1 IS NULL OR agent_id = ?1) AND (?2 IS NULL OR outcome = ?2)
         ORDER BY created_at DESC, id DESC LIMIT ?3`,
        filter.agent_id ?? null,
        filter.outcome ?? null,
        LIST_CAP,
      ).map(toGitOperation),
    };
  }

  /** One side of a comparison as the town records it (null: no such run in this town). */
  compareRun(kind: CompareKind, id: string): TownRun | null {
    return townRun(this.sql, this.now(), kind, id);
  }

  /** The town's agent sessions (container processes), newest first, optionally one agent's. */
  sessions(agentId: string | null): AgentSessionList {
    return {
      items: all(
        this.sql,
        'SELECT * FROM container_processes WHERE (?1 IS NULL OR agent_id = ?1) ORDER BY started_at DESC, process_id LIMIT ?2',
        agentId,
        SESSION_CAP,
      ).map(toProcess),
    };
  }

  cost(): TownCost {
    return townCost(this.sql, this.now());
  }

  usage(): TownUsage {
    return townUsage(this.sql, this.now());
  }

  /** The town's escalations (null: no such town). */
  escalations(): EscalationList | null {
    return this.townId() ? listEscalations(this.sql) : null;
  }

  reviewQueue(): ReviewQueue {
    return getReviewQueue(this.sql);
  }

  container(): ContainerState | null {
    const townId = this.townId();
    return townId ? getContainer(this.sql, townId) : null;
  }

  config(): TownConfigResponse | null {
    return getConfigResponse(this.sql);
  }

  /** Town-wide search's first part: this town's rows that contain `q`, and the agents whose streams to read next. */
  search(q: string, unrecorded: Feed[] = []): { groups: TownSearchGroup[]; agents: { id: string; name: string }[] } {
    return {
      groups: searchTownRows(this.sql, q, unrecorded),
      agents: all(this.sql, 'SELECT id, name FROM agents ORDER BY last_activity_at DESC, id').map((r) => ({
        id: String(r.id),
        name: String(r.name),
      })),
    };
  }

  timeline(params: TimelineParams): TimelinePage {
    return getTimeline(this.sql, params);
  }

  /** How the town is recovering after the intervention of audit entry `auditId` (null: no such entry). */
  recovery(auditId: string): RecoveryWatch | null {
    return readRecovery(this.sql, auditId, this.now());
  }

  recoveryObservations(): RecoveryObservationList {
    return { items: listObservations(this.sql) };
  }

  audit(filter: AuditFilter): AuditPage {
    return listAudit(this.sql, this.townId() ?? '', filter);
  }

  /** How many interventions this town's log holds (the dev seed route keeps state that has any). */
  auditCount(): number {
    return num(first(this.sql, 'SELECT count(*) AS n FROM admin_audit_log')?.n ?? 0);
  }

  /** Recomputes the chain and compares it with the town's signed head (the directory's, passed in by the route). */
  async verifyAudit(anchor: AuditAnchor | null = null): Promise<AuditVerification | null> {
    const townId = this.townId();
    return townId ? await verifyAudit(this.sql, townId, anchor) : null;
  }

  // ── Interventions (issue 8) ──

  /**
   * Runs one admin action: validation, the change, its audit entry and the idempotency record in one
   * `transactionSync` (see act.ts). Returns the status and body to answer, and the rigs it changed.
   */
  async act(input: ActInput): Promise<ActOutcome & { changedRigs: Rig[] }> {
    const townId = this.townId();
    if (!townId) {
      return {
        status: 404,
        body: { error: { code: 'not_found', message: 'No such town.', details: { resource: 'town' } } },
        changedRigIds: [],
        changedRigs: [],
      };
    }
    const outcome = act(this.storage, townId, input, { now: new Date(this.now()).toISOString(), ids: this.ids });
    // Committed with the outbox rows it queued: the retry alarm goes with them (no await in between),
    // so a crash from here on still gets them delivered.
    if (pendingCount(this.sql) > 0) await this.storage.setAlarm(this.host.clock.now() + OUTBOX_RETRY_MS);
    this.crashIfArmed('crash_after_commit');
    if (outcome.status === 200 && !('error' in outcome.body) && !outcome.body.dry_run) await this.kickPatrol();
    // Also on a replay (same Idempotency-Key): what an earlier, cut-short attempt left undelivered goes now.
    else await this.settle();
    const changed = new Set(outcome.changedRigIds);
    return { ...outcome, changedRigs: changed.size ? this.rigs().filter((r) => changed.has(r.id)) : [] };
  }

  // ── Bulk actions (issue 15): one action over many targets, each through act() ──

  /** Previews a batch (resolves its selection once, dry-runs every target) and keeps it under its key. */
  async prepareBatch(input: BatchInput): Promise<{ status: number; body: unknown }> {
    const townId = this.townId();
    if (!townId) return { status: 404, body: { error: { code: 'not_found', message: 'No such town.', details: { resource: 'town' } } } };
    const result = prepareBatch(this.storage, townId, input, { now: new Date(this.now()).toISOString(), ids: this.ids });
    return 'status' in result ? result : { status: 200, body: result };
  }

  /** Runs the next targets of a batch, each in its own transaction with its own audit entry. */
  async runBatch(batchKey: string, input: BatchInput): Promise<{ status: number; body: unknown }> {
    const townId = this.townId();
    if (!townId) return { status: 404, body: { error: { code: 'not_found', message: 'No such town.', details: { resource: 'town' } } } };
    const result = runBatch(this.storage, townId, batchKey, input, { now: new Date(this.now()).toISOString(), ids: this.ids });
    if ('status' in result) return result;
    if (result.applied > 0) await this.kickPatrol();
    return { status: 200, body: result.page };
  }

  // ── The patrol (issue 13): Gastown's alarm loop, in server/patrol/ ──

  /** The host's alarm: every tick that has fallen due, then what the ticks must tell other objects. */
  async alarm(): Promise<void> {
    // Undelivered outbox messages are retried whatever the patrol mode.
    if (readMeta(this.sql, 'patrol_mode') !== 'live') return this.settle();
    const rate = readMetaNumber(this.sql, 'clock_rate', 1);
    const lastReal = readMetaNumber(this.sql, 'clock_rate_since', this.host.clock.now());
    // A sped-up town (`npm start -- --speed N`) gains (N - 1) × the real time since the last alarm.
    if (rate > 1) this.storage.transactionSync(() => this.clock.advance((this.host.clock.now() - lastReal) * (rate - 1)));
    writeMeta(this.sql, 'clock_rate_since', this.host.clock.now());
    this.runDueTicks(MAX_TICKS_PER_ADVANCE);
    await this.settle();
  }

  /**
   * The dev clock (`POST /api/dev/clock`): moves the town's time forward and runs every tick that falls
   * due, in order, each at its own instant.
   */
  /**
   * Moves the town's clock and runs the ticks that fell due. `deliver: 'after'` (the dev clock route)
   * answers once the ticks have committed and delivers their outbox (SDK events to the AgentDOs) after
   * the answer, with the retry alarm armed first; the default waits for the delivery.
   */
  async advanceClock(ms: number, deliver: 'await' | 'after' = 'await'): Promise<{ now: string; ticks: number; tick_ms: number }> {
    this.storage.transactionSync(() => this.clock.advance(ms));
    // The ticks' own cost, read on the host's clock (real time on the worker; a test host's stands still):
    // what bench patrol reports beside the round trip, which adds HTTP, RPC and the outbox delivery.
    const started = this.host.clock.now();
    const ticks = this.runDueTicks(MAX_TICKS_PER_ADVANCE);
    const tickMs = this.host.clock.now() - started;
    const answer = { now: new Date(this.now()).toISOString(), ticks, tick_ms: tickMs };
    if (deliver === 'await') await this.settle();
    else await this.settleAfterAnswer();
    return answer;
  }

  /** The town's time, as the dev clock route reports it. */
  clockNow(): { now: string; offset_ms: number } {
    return { now: new Date(this.now()).toISOString(), offset_ms: this.clock.offsetMs };
  }

  /** `live`: the host's alarm drives the patrol (at `rate` × real time); `manual`: only the dev clock does. */
  async setPatrol(mode: PatrolMode, rate = 1): Promise<void> {
    this.storage.transactionSync(() => {
      writeMeta(this.sql, 'patrol_mode', mode);
      writeMeta(this.sql, 'clock_rate', Math.max(1, rate));
      writeMeta(this.sql, 'clock_rate_since', this.host.clock.now());
      if (readMeta(this.sql, 'patrol_next_at') === null) writeMeta(this.sql, 'patrol_next_at', nextTickAfter(this.sql, this.now()));
    });
    await this.settle();
  }

  /** Runs due ticks, one transaction each; returns how many ran. */
  private runDueTicks(limit: number): number {
    const townId = this.townId();
    if (!townId) return 0;
    let ticks = 0;
    while (ticks < limit) {
      const next = readMetaNumber(this.sql, 'patrol_next_at', Number.POSITIVE_INFINITY);
      if (next > this.now()) break;
      this.storage.transactionSync(() => {
        const number = readMetaNumber(this.sql, 'patrol_tick', 0) + 1;
        runTick(createTick(this.sql, townId, next, number, this.ids));
        writeMeta(this.sql, 'patrol_tick', number);
        writeMeta(this.sql, 'patrol_next_at', nextTickAfter(this.sql, next));
      });
      ticks++;
    }
    return ticks;
  }

  /** After an intervention, the patrol looks again within its active interval (production arms the alarm). */
  private async kickPatrol(): Promise<void> {
    const next = readMetaNumber(this.sql, 'patrol_next_at', Number.POSITIVE_INFINITY);
    const soon = nextTickAfter(this.sql, this.now());
    if (soon < next) this.storage.transactionSync(() => writeMeta(this.sql, 'patrol_next_at', soon));
    await this.settle();
  }

  /** Delivers the outbox and asks the host for the next alarm (real time = town time − offset). */
  private async settle(): Promise<void> {
    const townId = this.townId();
    if (!townId) return;
    const { failed } = await deliver(this.storage, this.host.objects, townId, () => this.crashIfArmed('crash_before_ack'));
    // A receiver that failed is asked again by alarm until it acknowledges.
    await this.armAlarm(failed || pendingCount(this.sql) > 0);
  }

  /** The next alarm: the live patrol's next tick, or sooner an outbox retry. */
  private async armAlarm(retry: boolean): Promise<void> {
    const next = readMetaNumber(this.sql, 'patrol_next_at', Number.POSITIVE_INFINITY);
    const live = readMeta(this.sql, 'patrol_mode') === 'live';
    const rate = readMetaNumber(this.sql, 'clock_rate', 1);
    const patrolAt = live && Number.isFinite(next) ? this.host.clock.now() + Math.max(0, next - this.now()) / rate : null;
    const retryAt = retry ? this.host.clock.now() + OUTBOX_RETRY_MS : null;
    await this.storage.setAlarm(patrolAt === null ? retryAt : retryAt === null ? patrolAt : Math.min(patrolAt, retryAt));
  }

  /** The delivery running after an answer (one at a time: a settle asked meanwhile makes it go round again). */
  private delivering: Promise<void> | null = null;
  private deliverAgain = false;

  /**
   * Arms the retry alarm for what is pending (so a delivery cut short by eviction is still made), then
   * delivers without holding the caller: receivers dedupe by message id and each gets its messages in
   * order, so this delivery and an alarm's meeting is harmless.
   */
  private async settleAfterAnswer(): Promise<void> {
    if (pendingCount(this.sql) === 0) return this.armAlarm(false);
    await this.armAlarm(true);
    if (this.delivering) {
      this.deliverAgain = true;
      return;
    }
    this.delivering = (async () => {
      try {
        do {
          this.deliverAgain = false;
          await this.settle();
        } while (this.deliverAgain);
      } catch (error) {
        // The armed alarm retries what is left.
        console.error('outbox: delivery after the answer failed', error);
      } finally {
        this.delivering = null;
      }
    })();
  }

  // ── Dev-only (reached through /api/dev/audit/* when DEV_ROUTES=on) ──

  async devSeedAudit(count: number): Promise<{ appended: number; head: number } | null> {
    const townId = this.townId();
    if (!townId) return null;
    const result = seedAuditEntries(this.storage, townId, count, Date.parse('2026-01-01T00:00:00.000Z'), this.ids);
    await this.settle();
    return result;
  }

  /**
   * Test hook: the next time the town reaches `fault`, it throws as if the process died there —
   * `crash_after_commit` (an action committed, nothing delivered yet) or `crash_before_ack` (a receiver
   * applied a message the town has not yet marked delivered).
   */
  devArmFault(fault: TownFault): { armed: TownFault } {
    this.storage.transactionSync(() => writeMeta(this.sql, 'dev_fault', fault));
    return { armed: fault };
  }

  private crashIfArmed(fault: TownFault): void {
    if (readMeta(this.sql, 'dev_fault') !== fault) return;
    this.storage.transactionSync(() => this.sql.exec(`DELETE FROM town_meta WHERE key = 'dev_fault'`));
    throw new Error(`test hook: the town crashed (${fault})`);
  }

  devTruncateAudit(keep: number): { deleted: number } {
    return truncateAuditLog(this.storage, keep);
  }

  devTamperAudit(seq: number, reason: string): { tampered: boolean } {
    return tamperAuditEntry(this.storage, seq, reason);
  }

  devProbeAuditTriggers(): { update: string; delete: string } {
    return probeAuditTriggers(this.storage);
  }

  // ── Ingestion: what the production worker calls when the container or dispatcher reports ──

  recordDispatchAttempt(attempt: DispatchAttempt): void {
    this.storage.transactionSync(() => ingest.recordDispatchAttempt(this.sql, attempt));
  }

  recordContainerEvent(event: ContainerEvent): void {
    this.storage.transactionSync(() => ingest.recordContainerEvent(this.sql, event));
  }

  recordGitOperation(operation: GitOperation): void {
    this.storage.transactionSync(() => ingest.recordGitOperation(this.sql, operation));
  }

  recordCredentialResolution(event: CredentialEvent): void {
    this.storage.transactionSync(() => ingest.recordCredentialResolution(this.sql, event));
  }

  recordBeadEvent(event: BeadEvent): void {
    this.storage.transactionSync(() => ingest.recordBeadEvent(this.sql, event));
  }

  /** Called after the agent's AgentDO appended events. */
  noteSdkEvents(agentId: string, total: number, lastAt: string | null): void {
    noteSdkEvents(this.sql, agentId, total, lastAt);
  }

  /** Dev seeding: replaces this town's whole database with a scenario town; its patrol starts a tick later. */
  async seed(seed: TownSeed, patrol: PatrolMode = 'manual'): Promise<void> {
    // A delivery still running belongs to the database about to be replaced.
    await this.delivering;
    await this.storage.deleteAll();
    migrate(this.storage, TOWN_MIGRATIONS);
    this.storage.transactionSync(() => ensureChangeTriggers(this.sql));
    this.clock.reload();
    this.ids.reload();
    this.storage.transactionSync(() => {
      seedTown(this.sql, seed);
      writeMeta(this.sql, 'patrol_mode', patrol);
      writeMeta(this.sql, 'patrol_next_at', nextTickAfter(this.sql, this.now()));
    });
    await this.settle();
  }
}
