import type { Rig } from '../src/api/schemas';
import type { StoredAgent as Agent } from './types';
import { ISSUE_TITLES, polecatName } from './names';
import { createRng, minutesAgo, type Rng } from './random';
import { addAgent } from './town/agents';
import { defaultConfig, defaultEnv } from './town/config';
import { initialContainer, sampleResources, sleepWhenIdle } from './town/container';
import { sampleReviewQueue } from './town/refinery';
import type { ScenarioKind, TownSeed } from './types';

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

const DAY = 24 * 60;

/**
 * One town being written: its rows (`seed`), its seeded rng, its clock (`ago`, relative to the anchor
 * time) and the little state that spans concerns (unique titles, the hook stack). The constructor
 * creates the town as it stands before any work: rigs, the Mayor, the refinery and the polecats, the
 * default config, env and container. Everything else is written by the functions of `town/`, one
 * module per concern, which take the builder as their first argument:
 *
 * - `populate` (town/populate.ts) fills in a healthy, busy town's history;
 * - a scenario (failures.ts) then breaks it in one specific way and leaves the evidence of the root
 *   cause where production would record it;
 * - `build()` derives what follows from everything else (container sleep and wake, resource and
 *   queue samples) and returns the rows.
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
      escalations: [],
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
      conditions: [],
    };
    this.addRigs();
    this.mayor = addAgent(this, 'mayor', 'Mayor', null);
    this.refinery = addAgent(this, 'refinery', 'Refinery', this.seed.rigs[0]!.id);
    for (let i = 0; i < options.polecats; i++) {
      const rig = this.seed.rigs[i % this.seed.rigs.length]!;
      this.polecats.push(addAgent(this, 'polecat', polecatName(i), rig.id));
    }
    // Git auth goes through the first rig's GitHub App integration.
    this.seed.config.git_auth.platform_integration_id = this.seed.rigs[0]!.platform_integration_id;
  }

  get townId(): string {
    return this.seed.town.id;
  }

  /** The ISO time `minutes` before the anchor: every row is placed this way, so a town built twice for one anchor is identical. */
  ago(minutes: number): string {
    return minutesAgo(this.now, minutes);
  }

  /** How long before the anchor an ISO time is, in (fractional) minutes. */
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

  /** Derives the container's sleep and wake, the resource and review-queue samples, and the town's `updated_at`; call once, last. */
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
