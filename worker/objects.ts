import { DurableObject } from 'cloudflare:workers';
import { AgentStream } from '../server/agent/agent-stream';
import { Directory } from '../server/directory/directory';
import { invoke } from '../server/host';
import { GastownOrg } from '../server/org/gastown-org';
import type { Row, SqlCursor, Storage } from '../server/ports';
import { Town } from '../server/town/town';
import { GastownUser } from '../server/user/gastown-user';
import { hostOf, type Env } from './env';

/** `ctx.storage` as the server's storage port: the SQL API is used as it is (the port is its shape). */
function storageOf(ctx: DurableObjectState): Storage {
  return {
    sql: {
      exec: <T extends Row>(query: string, ...bindings: unknown[]) =>
        ctx.storage.sql.exec<T & Record<string, SqlStorageValue>>(query, ...bindings) as SqlCursor<T>,
    },
    transactionSync: (fn) => ctx.storage.transactionSync(fn),
    deleteAll: () => ctx.storage.deleteAll(),
    setAlarm: (at) => (at === null ? ctx.storage.deleteAlarm() : ctx.storage.setAlarm(at)),
  };
}

/**
 * The five Durable Object classes, each a thin shell around its core in `server/`: the core owns the
 * schema, the reads and the writes; the shell only hands it storage and the host, and answers RPC.
 */
abstract class HostedObject<Core extends object> extends DurableObject<Env> {
  protected readonly core: Core;

  constructor(ctx: DurableObjectState, env: Env, make: (storage: Storage, host: ReturnType<typeof hostOf>) => Core) {
    super(ctx, env);
    this.core = make(storageOf(ctx), hostOf(env));
  }

  /** The single RPC entry point (see env.ts `remote`): a public core method by name. */
  async invoke(method: string, args: unknown[]): Promise<unknown> {
    return await invoke(this.core, method, args);
  }

  /** The platform's alarm, for cores that keep a schedule (the town's patrol). */
  async alarm(): Promise<void> {
    const core = this.core as { alarm?: () => Promise<void> };
    await core.alarm?.();
  }
}

export class DirectoryDO extends HostedObject<Directory> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env, (storage, host) => new Directory(storage, host));
  }
}

export class GastownUserDO extends HostedObject<GastownUser> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env, (storage, host) => new GastownUser(storage, host));
  }
}

export class GastownOrgDO extends HostedObject<GastownOrg> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env, (storage, host) => new GastownOrg(storage, host));
  }
}

export class TownDO extends HostedObject<Town> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env, (storage, host) => new Town(storage, host));
  }
}

export class AgentDO extends HostedObject<AgentStream> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env, (storage, host) => new AgentStream(storage, host));
  }
}
