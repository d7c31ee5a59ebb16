import type { HostUser } from '../../../src/app/embed/messages';
import { DEV_TOKENS, USERS } from '../../../scenarios/users';

/**
 * Who is signed in to the demo dashboard. A real dashboard mints a short-lived admin token; the demo
 * hands over the scenario tokens. "Expiring" first hands over a token the API rejects, then a valid
 * one when the panel asks for a fresh one (the panel must ask, not show a login).
 */
export type PersonaId = 'admin' | 'support' | 'expiring';

export interface Persona {
  id: PersonaId;
  label: string;
  user: HostUser;
  /** The token handed over the n-th time the panel asks (the last one repeats). */
  tokens: string[];
}

const admin = { id: USERS.admin.id, email: USERS.admin.email, name: USERS.admin.name };
const support = { id: USERS.support.id, email: USERS.support.email, name: USERS.support.name };

export const PERSONAS: Record<PersonaId, Persona> = {
  admin: { id: 'admin', label: `${admin.name} (admin)`, user: admin, tokens: [DEV_TOKENS.admin] },
  support: { id: 'support', label: `${support.name} (support, not admin)`, user: support, tokens: [DEV_TOKENS.nonAdmin] },
  expiring: {
    id: 'expiring',
    label: `${admin.name} (token about to expire)`,
    user: admin,
    tokens: ['dev-expired-token', DEV_TOKENS.admin],
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

/** Hands out a persona's tokens in order, as a dashboard refreshing a short-lived token would. */
export function tokenSource(persona: Persona): () => string {
  let handed = 0;
  return () => persona.tokens[Math.min(handed++, persona.tokens.length - 1)]!;
}
