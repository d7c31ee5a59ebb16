import { AgentStream } from '../../server/agent/agent-stream';
import { createAdminApi } from '../../server/api';
import { Directory } from '../../server/directory/directory';
import { invoke, type Host, type ObjectKind, type Objects } from '../../server/host';
import type { Clock, Remote } from '../../server/ports';
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

type Core = Directory | GastownUser | Town | AgentStream;

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
  private readonly instances = new Map<string, Promise<Core>>();
  private large: TownSeed | null = null;

  constructor(now: number = Date.now()) {
    this.world = buildWorld({ now });
    const objects: Objects = {
      directory: () => this.remote('directory', 'directory'),
      user: (id) => this.remote('user', id),
      town: (id) => this.remote('town', id),
      agent: (id) => this.remote('agent', id),
    };
    this.host = { objects, clock: this.clock, ids: { uuid: () => crypto.randomUUID() } };
    this.handle = createAdminApi(this.host, { dev: { enabled: true, instance: 'msw' } });
  }

  /** The benchmark town (10,000 beads), built the first time anything asks for it. */
  largeTown(): TownSeed {
    return (this.large ??= buildLargeTown({ now: Date.parse(this.world.now), ownerId: USERS.bench.id }));
  }

  /** A scenario town by id (the benchmark town included). */
  town(id: string): TownSeed | undefined {
    return id === LARGE_TOWN_ID ? this.largeTown() : this.world.towns.find((t) => t.town.id === id);
  }

  private townsOf(userId: string): TownSeed[] {
    return userId === USERS.bench.id ? [this.largeTown()] : this.world.towns.filter((t) => t.town.owner_user_id === userId);
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
    const storage = await openMemoryStorage();
    switch (kind) {
      case 'directory': {
        const directory = new Directory(storage, this.host);
        const towns = [...this.world.towns.map((t) => t.town), { id: LARGE_TOWN_ID, owner_user_id: USERS.bench.id }];
        await directory.upsert({
          users: this.world.users,
          tokens: this.world.tokens,
          towns: towns.map(({ id, owner_user_id }) => ({ id, owner_user_id })),
        });
        return directory;
      }
      case 'user': {
        const user = new GastownUser(storage, this.host);
        for (const town of this.townsOf(name)) user.addTown(town.town, town.rigs);
        return user;
      }
      case 'town': {
        const town = new Town(storage, this.host);
        const seed = this.town(name);
        if (seed) {
          await town.seed(seed);
          for (const spec of seed.sdk_streams) town.noteSdkEvents(spec.agent_id, spec.total, lastStreamEventAt(spec));
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
