import type { User } from '../src/api/schemas';

/**
 * The dashboard's users in the scenarios: four Gastown customers (Tomas owns no town, but belongs to the
 * organization that owns one: scenarios/orgs.ts), an admin and a non-admin operator.
 */
export const USERS = {
  dana: {
    id: 'usr_2b7f1c9e4a',
    email: 'dana.whitfield@acme-robotics.dev',
    name: 'Dana Whitfield',
    is_admin: false,
    created_at: '2026-03-14T09:21:07.412Z',
  },
  priya: {
    id: 'usr_5d0e8a13c7',
    email: 'priya.raman@northwind.io',
    name: 'Priya Raman',
    is_admin: false,
    created_at: '2026-05-02T16:45:51.090Z',
  },
  marco: {
    id: 'usr_9a4c2f7b01',
    email: 'marco.bellini@fastmail.com',
    name: 'Marco Bellini',
    is_admin: false,
    created_at: '2026-10-29T11:02:33.675Z',
  },
  tomas: {
    id: 'usr_3e61b0d2f8',
    email: 'tomas.lindqvist@northwind.io',
    name: 'Tomas Lindqvist',
    is_admin: false,
    created_at: '2026-06-18T07:40:12.204Z',
  },
  bench: {
    id: 'usr_be9c400000',
    email: 'bench@kilocode.ai',
    name: 'Bench Monorepo Owner',
    is_admin: false,
    created_at: '2026-01-05T08:00:00.000Z',
  },
  admin: { id: 'usr_a11ce0ad01', email: 'ops@kilocode.ai', name: 'Alex Ops', is_admin: true, created_at: '2025-11-03T10:00:00.000Z' },
  support: {
    id: 'usr_5c0ffee042',
    email: 'jamie.support@kilocode.ai',
    name: 'Jamie Ortega',
    is_admin: false,
    created_at: '2026-02-11T13:30:00.000Z',
  },
} satisfies Record<string, User>;
