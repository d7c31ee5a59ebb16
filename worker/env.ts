import type { AdminTokenConfig } from '../server/auth/admin-token';
import { parseProfile, sdkEventRetentionOf } from '../server/capabilities';
import type { Host, ObjectKind, Objects } from '../server/host';
import type { Remote } from '../server/ports';

export interface Env {
  DIRECTORY: DurableObjectNamespace;
  USERS: DurableObjectNamespace;
  ORGS: DurableObjectNamespace;
  TOWNS: DurableObjectNamespace;
  AGENTS: DurableObjectNamespace;
  /** `on` enables the dev-only routes (`/api/dev/*`); set only by the local scripts. */
  DEV_ROUTES?: string;
  /** `on` adds the test-only hooks (audit tamper/bulk append, reseeding intervened towns); set only by the test and bench harness. */
  TEST_HOOKS?: string;
  /** Signs the audit chain heads (a secret in a deploy: `wrangler secret put AUDIT_ANCHOR_KEY`; the local scripts pass one per state folder). */
  AUDIT_ANCHOR_KEY?: string;
  /** Set by the local scripts: which `wrangler dev` answers (so a run never talks to another run's server). */
  DEV_INSTANCE?: string;
  /** The admin-token verification keys, `kid=base64url-secret` pairs, comma-separated (two during a rotation). A secret, never in wrangler.jsonc. */
  ADMIN_TOKEN_KEYS?: string;
  /** Expected `iss` and `aud` of admin tokens. */
  ADMIN_TOKEN_ISSUER?: string;
  ADMIN_TOKEN_AUDIENCE?: string;
  /** Local only: the key `POST /api/dev/token` signs with (the local scripts set it; a deploy never does). */
  ADMIN_TOKEN_SIGNING_KID?: string;
  /** `production-today` plays production as it records today (server/capabilities.ts); `reference` otherwise. */
  PROFILE?: string;
  /** The dashboards that embed the panel (same list as the build's VITE_EMBED_ALLOWED_ORIGINS): CORS for exactly these. */
  EMBED_ALLOWED_ORIGINS?: string;
}

/**
 * The admin-token check from the Worker's vars. Without keys every admin route answers 401: a
 * deployment that forgot its keys is closed, not open.
 */
export function authOf(env: Env): AdminTokenConfig {
  const keys: Record<string, string> = {};
  for (const pair of (env.ADMIN_TOKEN_KEYS ?? '').split(',')) {
    const at = pair.indexOf('=');
    if (at > 0) keys[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return {
    issuer: env.ADMIN_TOKEN_ISSUER ?? 'https://app.kilo.ai',
    audience: env.ADMIN_TOKEN_AUDIENCE ?? 'gastown-admin',
    keys,
    now: () => Date.now(),
  };
}

/** The one RPC method every host object has (see objects.ts): a core method by name. */
interface Invokable {
  invoke(method: string, args: unknown[]): Promise<unknown>;
}

const NAMESPACE: Record<ObjectKind, keyof Pick<Env, 'DIRECTORY' | 'USERS' | 'ORGS' | 'TOWNS' | 'AGENTS'>> = {
  directory: 'DIRECTORY',
  user: 'USERS',
  org: 'ORGS',
  town: 'TOWNS',
  agent: 'AGENTS',
};

/**
 * A core object's face over Durable Object RPC: `remote.summary()` calls `invoke('summary', [])` on the
 * object's stub. Arguments and results cross by structured clone, as they do between any two objects.
 */
function remote<T>(env: Env, kind: ObjectKind, name: string): Remote<T> {
  const namespace = env[NAMESPACE[kind]];
  const stub = namespace.get(namespace.idFromName(name)) as unknown as Invokable;
  return new Proxy({} as Remote<T>, {
    get: (_target, method) => (typeof method === 'string' ? (...args: unknown[]) => stub.invoke(method, args) : undefined),
  });
}

export function objectsOf(env: Env): Objects {
  return {
    directory: () => remote(env, 'directory', 'directory'),
    user: (userId) => remote(env, 'user', userId),
    org: (orgId) => remote(env, 'org', orgId),
    town: (townId) => remote(env, 'town', townId),
    agent: (agentId) => remote(env, 'agent', agentId),
  };
}

/** The Cloudflare host: real time, the runtime's UUIDs, other objects over RPC. */
export function hostOf(env: Env): Host {
  return {
    objects: objectsOf(env),
    clock: { now: () => Date.now() },
    ids: { uuid: () => crypto.randomUUID() },
    auditAnchorKey: env.AUDIT_ANCHOR_KEY,
    sdkEventRetention: sdkEventRetentionOf(parseProfile(env.PROFILE)),
  };
}
