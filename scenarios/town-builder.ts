import type { Agent, Bead, BeadPriority, Rig } from '../src/api/schemas';
import { ISSUE_TITLES, polecatName } from './names';
import { createRng, minutesAgo, type Rng } from './random';
import type { ScenarioKind, TownSeed } from './types';
import { recordGitOp, recordUsage } from './town/history';
import { addAgent, findFreePolecat, setAgentStatus, setMayorState } from './town/agents';
import { initialContainer, sampleResources, sleepWhenIdle, startContainer } from './town/container';
import { defaultConfig, defaultEnv } from './town/config';
import { resolveCredentials } from './town/credentials';
import { addBead, depend, hook, setBeadStatus, unhook } from './town/beads';
import { addMergeRequest, findReviewSlot, sampleReviewQueue } from './town/refinery';

/** What a scenario will write itself, so that `populate()` leaves it alone. */
export interface PopulateOptions {
  /** Polecats (by index, or all) whose recent work the scenario writes: populate gives them none. */
  reserved?: readonly number[] | 'all';
  /** The scenario owns the refinery's recent hours: populate submits no recent work and puts no review in flight. */
  noRecentReviews?: boolean;
  /** When populate's busy polecats took their current bead, in minutes ago (default 12–55). */
  activeHookedMinutesAgo?: readonly [number, number];
  /** Titles the scenario gives its own beads: generated titles skip them. */
  titles?: readonly string[];
}

export interface TownOptions {
  seed: number;
  name: string;
  ownerId: string;
  /** Anchor time in epoch ms. */
  now: number;
  scenario: ScenarioKind;
  /** GitHub organisation of the town's repositories. */
  org: string;
  rigs: string[];
  polecats: number;
  /** Finished work items to generate as history. */
  closedBeads: number;
}

const HOUR = 60;
const DAY = 24 * HOUR;

/**
 * Builds a healthy, busy town with believable history; scenario functions then break it in one
 * specific way and leave the evidence of the root cause where production would record it.
 */
export class TownBuilder {
  readonly rng: Rng;
  readonly now: number;
  readonly seed: TownSeed;
  readonly mayor: Agent;
  readonly refinery: Agent;
  readonly polecats: Agent[] = [];
  private titleIndex = 0;
  /** Every bead title in the town (titles are unique) and the ones a scenario keeps for itself. */
  private readonly titlesInUse = new Set<string>();
  private readonly reservedTitles = new Set<string>();
  /** Hooks an agent had before a historical hook, restored when that hook ends (`hook` and `unhook`, town/beads.ts). */
  readonly previousHooks = new Map<string, (string | null)[]>();

  constructor(readonly options: TownOptions) {
    this.rng = createRng(options.seed);
    this.now = options.now;
    const townId = this.rng.uuid();
    const created = this.ago(21 * DAY + this.rng.int(0, 600));
    this.seed = {
      scenario: options.scenario,
      town: { id: townId, name: options.name, owner_user_id: options.ownerId, created_at: created, updated_at: this.ago(3) },
      rigs: [],
      beads: [],
      bead_events: [],
      dependencies: [],
      agents: [],
      agent_status_history: [],
      assignments: [],
      convoys: [],
      reviews: [],
      review_samples: [],
      container: initialContainer(this),
      processes: [],
      container_events: [],
      resource_samples: [],
      config: defaultConfig(this),
      env: defaultEnv(this),
      git_token: null,
      rig_configs: [],
      credentials: [],
      credential_events: [],
      git_operations: [],
      dispatch_attempts: [],
      usage: [],
      mayor: null,
      sdk_streams: [],
      audit_log: [],
    };
    this.addRigs();
    this.mayor = addAgent(this, 'mayor', 'Mayor', null);
    this.refinery = addAgent(this, 'refinery', 'Refinery', this.seed.rigs[0]!.id);
    for (let i = 0; i < options.polecats; i++) {
      const rig = this.seed.rigs[i % this.seed.rigs.length]!;
      this.polecats.push(addAgent(this, 'polecat', polecatName(i), rig.id));
    }
    this.seed.config.git_auth.platform_integration_id = this.seed.rigs[0]!.platform_integration_id;
  }

  get townId(): string {
    return this.seed.town.id;
  }

  ago(minutes: number): string {
    return minutesAgo(this.now, minutes);
  }

  minutesSince(iso: string): number {
    return (this.now - Date.parse(iso)) / 60_000;
  }

  /** Takes the title for a new bead: titles are unique in a town, because tests and the interventions suite find beads by title. */
  claimTitle(title: string) {
    if (this.titlesInUse.has(title)) throw new Error(`${this.options.name}: two beads titled “${title}”`);
    this.titlesInUse.add(title);
  }

  /** Keeps titles the scenario will give its own beads out of the generated ones. */
  reserveTitles(titles: readonly string[]) {
    for (const title of titles) this.reservedTitles.add(title);
  }

  /** The next generated work title not used in the town nor kept by its scenario. */
  nextTitle(): string {
    for (;;) {
      const title = ISSUE_TITLES[this.titleIndex % ISSUE_TITLES.length]!;
      const round = Math.floor(this.titleIndex / ISSUE_TITLES.length);
      this.titleIndex++;
      const candidate = round === 0 ? title : `${title} (part ${round + 1})`;
      if (!this.titlesInUse.has(candidate) && !this.reservedTitles.has(candidate)) return candidate;
    }
  }

  /** The town's repositories, each with its GitHub App integration and its (empty) per-rig config overrides. */
  private addRigs() {
    for (const name of this.options.rigs) {
      const integrationId = `ghi_${this.rng.int(40_000_000, 59_999_999)}`;
      const created = this.ago(20 * DAY + this.rng.int(0, 300));
      const rig: Rig = {
        id: this.rng.uuid(),
        town_id: this.townId,
        name,
        git_url: `https://github.com/${this.options.org}/${name}.git`,
        default_branch: 'main',
        platform_integration_id: integrationId,
        integration: { id: integrationId, provider: 'github', account: this.options.org, status: 'active', linked_at: created },
        created_at: created,
        updated_at: created,
      };
      this.seed.rigs.push(rig);
      this.seed.rig_configs.push({ rig_id: rig.id, max_polecats: null, model_override: null, custom_instructions: null, version: 1 });
    }
  }

  /** The agent hooks the bead, works on it and submits it for review (bead → in_review); the agent goes idle. */
  workOn(agent: Agent, bead: Bead, hookedMinutesAgo: number, durationMinutes: number, opts: { usage?: boolean } = {}) {
    hook(this, agent, bead, hookedMinutesAgo);
    const submitted = hookedMinutesAgo - durationMinutes;
    recordGitOp(this, { operation: 'pull', minutesAgoAt: hookedMinutesAgo - 1, agent, bead });
    recordGitOp(this, { operation: 'push', minutesAgoAt: submitted + 1, agent, bead });
    setBeadStatus(this, bead, 'in_review', submitted, agent.id);
    unhook(this, agent, bead, submitted, 'completed');
    if (opts.usage !== false) recordUsage(this, agent, bead, hookedMinutesAgo, durationMinutes, 9000);
  }

  /** A new bead, worked on and submitted for review. */
  submittedWork(
    agent: Agent,
    hookedMinutesAgo: number,
    durationMinutes: number,
    opts: { title?: string; createdMinutesAgo?: number; priority?: BeadPriority; usage?: boolean } = {},
  ) {
    const bead = addBead(this, {
      title: opts.title ?? this.nextTitle(),
      createdMinutesAgo: opts.createdMinutesAgo ?? hookedMinutesAgo + this.rng.int(5, 90),
      ...(opts.priority ? { priority: opts.priority } : {}),
    });
    this.workOn(agent, bead, hookedMinutesAgo, durationMinutes, { usage: opts.usage });
    return bead;
  }

  /** A finished piece of work: hooked, worked, submitted, reviewed and merged when the refinery was free, closed. */
  completedWork(agent: Agent, minutesAgoAt: number, durationMinutes: number, opts: { title?: string; priority?: BeadPriority } = {}) {
    const bead = this.submittedWork(agent, minutesAgoAt, durationMinutes, opts);
    const submitted = minutesAgoAt - durationMinutes;
    const [start, end] = findReviewSlot(this, submitted - 2, this.rng.int(6, 20));
    addMergeRequest(this, bead, agent, 'merged', submitted, { startedMinutesAgo: start, completedMinutesAgo: end });
    setBeadStatus(this, bead, 'closed', Math.max(0, end - 1), this.refinery.id);
    return bead;
  }

  /** Gives a polecat a bead in progress with fresh activity. */
  activeWork(agent: Agent, hookedMinutesAgo: number) {
    const bead = addBead(this, { title: this.nextTitle(), createdMinutesAgo: hookedMinutesAgo + this.rng.int(3, 40) });
    hook(this, agent, bead, hookedMinutesAgo);
    recordGitOp(this, { operation: 'clone', minutesAgoAt: hookedMinutesAgo - 1, agent, bead });
    agent.last_activity_at = this.ago(this.rng.int(0, 3));
    agent.agent_status_message = this.rng.pick(['Running tests', 'Editing files', 'Reading the codebase', 'Fixing lint errors']);
    agent.active_tools = [this.rng.pick(['bash', 'edit', 'read'])];
    recordUsage(this, agent, bead, hookedMinutesAgo, hookedMinutesAgo, 11000);
    return bead;
  }

  /**
   * Fills in the history a healthy town accumulates; the scenario runs after this. It tells populate
   * what it will write itself, so that nothing populate writes is rewritten afterwards.
   */
  populate(opts: PopulateOptions = {}) {
    const { polecats } = this;
    const reserved = new Set(opts.reserved === 'all' ? polecats.map((_, i) => i) : (opts.reserved ?? []));
    this.reserveTitles(opts.titles ?? []);
    // Finished work spread over the last 20 days, one polecat after the other.
    const span = 19 * DAY + 12 * HOUR;
    for (let i = 0; i < this.options.closedBeads; i++) {
      const agent = polecats[i % polecats.length]!;
      const at = Math.round(span - (i * (span - 3 * HOUR)) / Math.max(1, this.options.closedBeads));
      this.completedWork(agent, at, this.rng.int(18, 95));
    }
    this.landedConvoy();
    // Half of the polecats are busy right now.
    const [low, high] = opts.activeHookedMinutesAgo ?? [12, 55];
    polecats.forEach((agent, i) => {
      if (i % 2 === 0 && !reserved.has(i)) this.activeWork(agent, this.rng.int(low, high));
    });
    if (!opts.noRecentReviews) {
      // The others submitted work in the last hours; one review is in flight.
      const author = polecats.length > 1 && !reserved.has(1) ? polecats[1]! : null;
      let submitted = 100;
      polecats.forEach((agent, i) => {
        if (i % 2 === 0 || reserved.has(i) || agent === author) return;
        submitted += this.rng.int(0, 30);
        const duration = this.rng.int(25, 80);
        this.completedWork(agent, submitted + duration, duration);
        submitted += 45;
      });
      if (author) {
        // Just before taking the bead now in review, the author submitted one the refinery merged within the hour.
        const previous = this.rng.int(62, 66);
        const duration = this.rng.int(30, 60);
        this.completedWork(author, previous + duration, duration);
        // No usage rows for it: the silent-consumption rule reads any unhooked polecat's tokens in the
        // last hour as a zombie's, and this town is healthy.
        const source = this.submittedWork(author, 60, 46, { createdMinutesAgo: 70, usage: false });
        addMergeRequest(this, source, author, 'running', 14);
        this.refinery.last_activity_at = this.ago(1);
        this.refinery.active_tools = ['bash'];
        this.refinery.agent_status_message = 'Running gates: npm test';
        recordUsage(this, this.refinery, null, 12, 12, 6000);
      }
    }
    for (let i = 0; i < 3; i++) addBead(this, { title: this.nextTitle(), createdMinutesAgo: this.rng.int(2, 12), priority: 'medium' });
    addBead(this, { title: 'Mail: weekly status digest', type: 'message', createdMinutesAgo: 3 * DAY, status: 'closed', rigId: null });
    setMayorState(this);
    // The Mayor's session has been busy for the last hours; a user message 4 min ago was answered.
    setAgentStatus(this, this.mayor, 'working', 6 * HOUR, 'session started');
    recordUsage(this, this.mayor, null, 6 * HOUR, 6 * HOUR, 1500);
    this.mayor.last_activity_at = this.ago(2);
    startContainer(this);
    resolveCredentials(this);
  }

  landedConvoy() {
    const convoy = addBead(this, {
      title: 'Convoy: Q4 accessibility pass',
      type: 'convoy',
      createdMinutesAgo: 9 * DAY,
      rigId: null,
      priority: 'high',
    });
    const tracked: Bead[] = [];
    setBeadStatus(this, convoy, 'in_progress', 9 * DAY - 120, this.mayor.id);
    for (let i = 0; i < 4; i++) {
      const at = 9 * DAY - 120 - i * 180;
      const bead = this.completedWork(findFreePolecat(this, i, at, at - 60), at, 60);
      depend(this, convoy, bead, 'tracks');
      if (tracked.length > 0) depend(this, bead, tracked[tracked.length - 1]!, 'blocks');
      tracked.push(bead);
    }
    setBeadStatus(this, convoy, 'closed', 8 * DAY, this.refinery.id);
    this.seed.convoys.push({
      bead_id: convoy.id,
      total_beads: 4,
      closed_beads: 4,
      landed_at: this.ago(8 * DAY),
      feature_branch: 'convoy/q4-accessibility',
      target_branch: 'main',
      staged: false,
      merge_mode: 'review-then-land',
      landing_mr_bead_id: null,
    });
  }

  build(): TownSeed {
    sleepWhenIdle(this);
    sampleResources(this);
    sampleReviewQueue(this);
    const latest = [
      ...this.seed.bead_events.map((e) => e.created_at),
      ...this.seed.agents.map((a) => a.last_activity_at ?? a.created_at),
    ].sort();
    this.seed.town.updated_at = latest[latest.length - 1] ?? this.seed.town.updated_at;
    return this.seed;
  }
}
