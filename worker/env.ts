import type { DirectoryDO } from './directory/directory-do';
import type { GastownUserDO } from './user/gastown-user-do';
import type { TownDO } from './town/town-do';
import type { AgentDO } from './agent/agent-do';

export interface Env {
  DIRECTORY: DurableObjectNamespace<DirectoryDO>;
  USERS: DurableObjectNamespace<GastownUserDO>;
  TOWNS: DurableObjectNamespace<TownDO>;
  AGENTS: DurableObjectNamespace<AgentDO>;
  /** `on` enables the dev-only seeding routes (`/api/dev/*`); set only by the local scripts. */
  DEV_ROUTES?: string;
}

/** The one user directory (stand-in for the dashboard's Postgres `kilocode_users`). */
export const directoryOf = (env: Env) => env.DIRECTORY.get(env.DIRECTORY.idFromName('directory'));
export const userDoOf = (env: Env, userId: string) => env.USERS.get(env.USERS.idFromName(userId));
export const townDoOf = (env: Env, townId: string) => env.TOWNS.get(env.TOWNS.idFromName(townId));
export const agentDoOf = (env: Env, agentId: string) => env.AGENTS.get(env.AGENTS.idFromName(agentId));
