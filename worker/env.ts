import type { DirectoryDO } from './directory/directory-do';
import type { GastownUserDO } from './user/gastown-user-do';
import type { TownDO } from './town/town-do';
import type { AgentDO } from './agent/agent-do';

export interface Env {
  DIRECTORY: DurableObjectNamespace;
  USERS: DurableObjectNamespace;
  TOWNS: DurableObjectNamespace;
  AGENTS: DurableObjectNamespace;
  /** `on` enables the dev-only seeding routes (`/api/dev/*`); set only by the local scripts. */
  DEV_ROUTES?: string;
  /** Set by the local scripts: which `wrangler dev` answers (so a run never talks to another run's server). */
  DEV_INSTANCE?: string;
}

/**
 * A Durable Object as seen through RPC: every public method returns a promise of its plain result.
 * (workers-types' own stub typing turns `Record<string, unknown>` payloads into `never`; our results
 * are plain JSON-shaped data, which structured cloning carries unchanged.)
 */
export type Remote<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

const stub = <T>(namespace: DurableObjectNamespace, name: string) => namespace.get(namespace.idFromName(name)) as unknown as Remote<T>;

/** The one user directory (stand-in for the dashboard's Postgres `kilocode_users`). */
export const directoryOf = (env: Env) => stub<DirectoryDO>(env.DIRECTORY, 'directory');
export const userDoOf = (env: Env, userId: string) => stub<GastownUserDO>(env.USERS, userId);
export const townDoOf = (env: Env, townId: string) => stub<TownDO>(env.TOWNS, townId);
export const agentDoOf = (env: Env, agentId: string) => stub<AgentDO>(env.AGENTS, agentId);
