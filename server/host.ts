import type { AgentStream } from './agent/agent-stream';
import type { Directory } from './directory/directory';
import type { Clock, Ids, Remote } from './ports';
import type { GastownOrg } from './org/gastown-org';
import type { Town } from './town/town';
import type { GastownUser } from './user/gastown-user';

/**
 * How one object reaches another, by name, as production's Durable Objects do (`idFromName`): the worker
 * hands out RPC stubs, the MSW host in-process instances behind the same promise-returning face.
 */
export interface Objects {
  /** The one user directory (stand-in for the dashboard's Postgres `kilocode_users`). */
  directory(): Remote<Directory>;
  user(userId: string): Remote<GastownUser>;
  /** An organization's towns and rigs (production's GastownOrgDO). */
  org(orgId: string): Remote<GastownOrg>;
  town(townId: string): Remote<Town>;
  agent(agentId: string): Remote<AgentStream>;
}

/** What a host gives the server: the other objects, time and ids, and the key that signs audit chain heads. */
export interface Host {
  objects: Objects;
  clock: Clock;
  ids: Ids;
  /** HMAC key for the audit chain heads (server/directory/audit-anchors.ts): a Worker secret, never in any object's storage. */
  auditAnchorKey?: string | undefined;
  /**
   * How many SDK events an AgentDO keeps (the newest N; production keeps 10,000), or null/absent for all.
   * From the deployment's profile (server/capabilities.ts), so what it declares is what it enforces.
   */
  sdkEventRetention?: number | null | undefined;
}

/** The object kinds a host keeps, one SQLite database each. */
export type ObjectKind = 'directory' | 'user' | 'org' | 'town' | 'agent';

/**
 * Calls a public method of a core object by name: how a thin host object (a Durable Object's RPC
 * entry point, or the MSW host's in-process stub) reaches the core it wraps.
 */
export function invoke(core: object, method: string, args: unknown[]): unknown {
  const fn = (core as Record<string, unknown>)[method];
  if (method.startsWith('_') || method === 'constructor' || typeof fn !== 'function') {
    throw new Error(`no method ${method.slice(0, 60)} on ${core.constructor.name}`);
  }
  return (fn as (...a: unknown[]) => unknown).apply(core, args);
}
