import { AgentStream } from '../../server/agent/agent-stream';
import { createAdminApi } from '../../server/api';
import { sdkEventRetentionOf, type Profile } from '../../server/capabilities';
import { DEV_KEYS, devTokenConfig } from '../../server/auth/dev-tokens';
import { Directory } from '../../server/directory/directory';
import { invoke, type Host, type ObjectKind, type Objects } from '../../server/host';
import type { Clock, Remote, Storage } from '../../server/ports';
import { GastownOrg } from '../../server/org/gastown-org';
import { lastStreamEventAt } from '../../server/seed/seed-world';
import { Town } from '../../server/town/town';
import { GastownUser } from '../../server/user/gastown-user';
import { buildLargeTown, buildWorld, createRng, USERS, type TownSeed, type WorldSeed } from '../../scenarios';
import { LARGE_TOWN_SEED } from '../../scenarios/large-town';
import { openMemoryStorage } from './sqlite';

/** The benchmark town's id (10,000 beads; built on first request). */
export const LARGE_TOWN_ID = createRng(LARGE_TOWN_SEED).uuid();

/** A clock that runs with real time, and that tests and the dev clock route can move forward. */
export class MockClock implements Clock {
  private offset = 0;

  now(): number {
    return Date.now() + this.offset;
  }

  advance(ms: number): void {
    this.offset += ms;
  }
}

type Core = Directory | GastownUser | GastownOrg | Town | AgentStream;

/**
 * Seeded objects, as bytes, for the current anchor: the next backend of the same test file restores
 * a town in well under a millisecond instead of seeding it again. An anchor older than REANCHOR_MS is
 * dropped, so scenario evidence ("stalled 47 min") never drifts by a minute against the UI's clock.
 */
const REANCHOR_MS = 30_000;
let seeded: { anchor: number; world: WorldSeed; snapshots: Map<string, Uint8Array> } | null = null;

/**
 * The MSW host of `server/`: every object (directory, users, towns, agents) is the server's own core
 * class over its own in-memory SQLite, reached through the same promise-returning face the worker's
 * RPC stubs have (arguments and results are copied, as structured cloning does between objects).
 *
 * Objects are seeded from the scenario world the first time they are touched, with the same core
 * methods the dev seed route calls: a test that opens one town pays for that town only.
 */
export class MockBackend {
  readonly world: WorldSeed;
  readonly clock = new MockClock();
  readonly handle: (request: Request) => Promise<Response>;
  private readonly host: Host;
  private largeRegistered: Promise<void> | null = null;
  private readonly instances = new Map<string, Promise<Core>>();
  private large: TownSeed | null = null;

  private readonly snapshots: Map<string, Uint8Array>;
  /** Objects whose scenario rows a test edited before first use: seeded from the edit, never cached. */
  private readonly edited = new Set<string>();

  /** `live`: towns patrol on timers in real time (dev:mock, the demo); otherwise only the dev clock moves them (tests). */
  private readonly live: boolean;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  /** `testHooks`: the test-only dev hooks (audit tamper and bulk append), for Vitest only, never in a browser. */
  /** `profile`: which deployment the backend plays (server/capabilities.ts; `production-today` for dev:mock with VITE_PROFILE). */
  constructor(options: { now?: number; live?: boolean; testHooks?: boolean; profile?: Profile } = {}) {
    const now = options.now ?? Date.now();
    this.live = options.live ?? false;
    if (!seeded || now - seeded.anchor > REANCHOR_MS || now < seeded.anchor) {
      seeded = { anchor: now, world: buildWorld({ now }), snapshots: new Map() };
    }
    // Each backend gets its own copy: a test may edit its world before the first request.
    this.world = structuredClone(seeded.world);
    this.snapshots = seeded.snapshots;
    const objects: Objects = {
      directory: () => this.remote('directory', 'directory'),
      user: (id) => this.remote('user', id),
      org: (id) => this.remote('org', id),
      town: (id) => this.remote('town', id),
      agent: (id) => this.remote('agent', id),
    };
    this.host = {
      objects,
      clock: this.clock,
      ids: { uuid: () => crypto.randomUUID() },
      sdkEventRetention: sdkEventRetentionOf(options.profile ?? 'reference'),
    };
    // The MSW host is a dev stand-in running in the page or the test process: it holds the dev keys (mock builds only).
    const api = createAdminApi(this.host, {
      dev: { enabled: true, instance: 'msw', testHooks: options.testHooks ?? false, signingKid: DEV_KEYS.current_kid },
      auth: devTokenConfig(() => Date.now()),
      profile: options.profile ?? 'reference',
    });
    this.handle = async (request) => {
      if (request.url.includes(LARGE_TOWN_ID) || request.url.includes(USERS.bench.id)) await this.registerLargeTown();
      return api(request);
    };
  }

  /**
   * The benchmark town exists only once something names it (its town or its owner), as on the worker
   * it exists only after `npm run seed:large`: a cross-town read never pays for 10,000 beads unasked.
   */
  private registerLargeTown(): Promise<void> {
    return (this.largeRegistered ??= this.host.objects
      .directory()
      .upsert({ users: [], towns: [{ id: LARGE_TOWN_ID, owner_user_id: USERS.bench.id }] }));
  }

  /** The benchmark town (10,000 beads), built the first time anything asks for it. */
  largeTown(): TownSeed {
    return (this.large ??= buildLargeTown({ now: Date.parse(this.world.now), ownerId: USERS.bench.id }));
  }

  /**
   * Edits a scenario town's rows before the backend first seeds it (test set-up, e.g. a hostile system
   * prompt). Refused once the town has been read: the database would no longer follow the edit.
   */
  editTown(name: string, edit: (town: TownSeed) => void): TownSeed {
    const town = this.world.towns.find((t) => t.town.name === name);
    if (!town) throw new Error(`no scenario town ${name}`);
    if (this.instances.has(`town:${town.town.id}`)) throw new Error(`town ${name} is already seeded; edit it before the first request`);
    edit(town);
    this.edited.add(`town:${town.town.id}`);
    return town;
  }

  /** A scenario town by id (the benchmark town included). */
  town(id: string): TownSeed | undefined {
    return id === LARGE_TOWN_ID ? this.largeTown() : this.world.towns.find((t) => t.town.id === id);
  }

  /** A user's own towns: an organization's towns are in its GastownOrg, in no user's. */
  private townsOf(userId: string): TownSeed[] {
    return userId === USERS.bench.id
      ? [this.largeTown()]
      : this.world.towns.filter((t) => t.town.owner_user_id === userId && !t.town.owner_org_id);
  }

  private remote<T>(kind: ObjectKind, name: string): Remote<T> {
    return new Proxy({} as Remote<T>, {
      get: (_target, method) =>
        typeof method === 'string'
          ? async (...args: unknown[]) => {
              const core = await this.instance(kind, name);
              return structuredClone(await invoke(core, method, structuredClone(args)));
            }
          : undefined,
    });
  }

  private instance(kind: ObjectKind, name: string): Promise<Core> {
    const key = `${kind}:${name}`;
    let found = this.instances.get(key);
    if (!found) {
      found = this.create(kind, name);
      this.instances.set(key, found);
    }
    return found;
  }

  private async create(kind: ObjectKind, name: string): Promise<Core> {
    const key = `${kind}:${name}`;
    const cached = this.edited.has(key) || this.live ? undefined : this.snapshots.get(key);
    const storage = await openMemoryStorage(cached);
    const core = cached ? this.construct(kind, storage) : await this.seed(kind, name, storage);
    if (!cached && !this.edited.has(key) && !this.live && !this.isLarge(kind, name)) this.snapshots.set(key, storage.snapshot());
    // Alarms, as the Durable Object runtime keeps them: a timer in live mode, a note otherwise.
    storage.onAlarm = (at) => this.arm(key, core, at);
    if (storage.alarmAt !== null) this.arm(key, core, storage.alarmAt);
    return core;
  }

  private arm(key: string, core: Core, at: number | null): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    if (!this.live || at === null || !(core instanceof Town)) return;
    this.timers.set(
      key,
      setTimeout(() => void core.alarm(), Math.max(0, at - this.clock.now())),
    );
  }

  /** Stops every timer (a test or a page that drops this backend). */
  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** The benchmark town and its agents are too big to keep a copy of (a million events). */
  private isLarge(kind: ObjectKind, name: string): boolean {
    if (kind === 'town') return name === LARGE_TOWN_ID;
    if (kind === 'agent') return !this.world.towns.some((t) => t.agents.some((a) => a.id === name));
    return kind === 'user' && name === USERS.bench.id;
  }

  private construct(kind: ObjectKind, storage: Storage): Core {
    switch (kind) {
      case 'directory':
        return new Directory(storage, this.host);
      case 'user':
        return new GastownUser(storage, this.host);
      case 'org':
        return new GastownOrg(storage, this.host);
      case 'town':
        return new Town(storage, this.host);
      case 'agent':
        return new AgentStream(storage, this.host);
    }
  }

  /** Seeds a new object from the scenario world with the core methods the dev seed route uses. */
  private async seed(kind: ObjectKind, name: string, storage: Storage): Promise<Core> {
    switch (kind) {
      case 'directory': {
        const directory = new Directory(storage, this.host);
        const towns = this.world.towns.map(({ town }) => ({
          id: town.id,
          owner_user_id: town.owner_user_id,
          owner_org_id: town.owner_org_id ?? null,
        }));
        await directory.upsert({ users: this.world.users, towns, integrations: this.world.integrations, orgs: this.world.orgs });
        return directory;
      }
      case 'user': {
        const user = new GastownUser(storage, this.host);
        for (const town of this.townsOf(name)) user.addTown(town.town, town.rigs);
        return user;
      }
      case 'org': {
        const org = new GastownOrg(storage, this.host);
        for (const town of this.world.towns.filter((t) => t.town.owner_org_id === name)) org.addTown(town.town, town.rigs);
        return org;
      }
      case 'town': {
        const town = new Town(storage, this.host);
        const seed = this.town(name);
        if (seed) {
          await town.seed(seed, this.live ? 'live' : 'manual');
          // The AgentDO keeps only the newest N in a profile with a retention: the town counts what it keeps.
          const kept = (total: number) => Math.min(total, this.host.sdkEventRetention ?? total);
          for (const spec of seed.sdk_streams) town.noteSdkEvents(spec.agent_id, kept(spec.total), lastStreamEventAt(spec));
        }
        return town;
      }
      case 'agent': {
        const stream = new AgentStream(storage, this.host);
        const spec = [...this.world.towns, ...(this.large ? [this.large] : [])]
          .flatMap((t) => t.sdk_streams)
          .find((s) => s.agent_id === name);
        if (spec) await stream.seedStream(spec);
        return stream;
      }
    }
  }
}
