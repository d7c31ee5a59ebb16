import type { HostUser } from '../../../src/app/embed/messages';
import { USERS } from '../../../scenarios/users';

/**
 * Who is signed in to the demo dashboard. Like a real dashboard, the demo's server mints a short-lived
 * signed admin token for its signed-in admin (`/demo-api/token`, demo/host/vite.config.ts): the page
 * holds no key. "Expiring" first hands over an expired token, then a valid one when the panel asks for
 * a fresh one (the panel must ask, not show a login).
 */
export type PersonaId = 'admin' | 'support' | 'expiring';
/** What the demo's token endpoint mints: the admin's, the support operator's (not admin), or an expired admin one. */
export type TokenKind = 'admin' | 'support' | 'expired';

export interface Persona {
  id: PersonaId;
  label: string;
  user: HostUser;
  /** The kind of token handed over the n-th time the panel asks (the last one repeats). */
  tokens: TokenKind[];
}

const admin = { id: USERS.admin.id, email: USERS.admin.email, name: USERS.admin.name };
const support = { id: USERS.support.id, email: USERS.support.email, name: USERS.support.name };

export const PERSONAS: Record<PersonaId, Persona> = {
  admin: { id: 'admin', label: `${admin.name} (admin)`, user: admin, tokens: ['admin'] },
  support: { id: 'support', label: `${support.name} (support, not admin)`, user: support, tokens: ['support'] },
  expiring: {
    id: 'expiring',
    label: `${admin.name} (token about to expire)`,
    user: admin,
    tokens: ['expired', 'admin'],
  },
};

const KEY = 'kilo-admin-demo.persona';

export function readPersona(): PersonaId {
  const stored = sessionStorage.getItem(KEY);
  return stored === 'support' || stored === 'expiring' ? stored : 'admin';
}

export function storePersona(id: PersonaId) {
  sessionStorage.setItem(KEY, id);
}

/** Hands out a persona's tokens in order, freshly minted by the demo's server, as a dashboard refreshing a short-lived token would. */
export function tokenSource(persona: Persona): () => Promise<string> {
  let handed = 0;
  return async () => {
    const kind = persona.tokens[Math.min(handed++, persona.tokens.length - 1)]!;
    const response = await fetch(`/demo-api/token?kind=${kind}`);
    if (!response.ok) throw new Error(`the demo dashboard could not mint a ${kind} token (HTTP ${response.status})`);
    return ((await response.json()) as { token: string }).token;
  };
}
