// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { USERS } from '../../../scenarios/users';
import { DEV_TOKENS } from '../../test/tokens';
import { runSeededWorker } from './seeded-worker';

/**
 * CORS on the reference worker for exactly the dashboards that embed the panel (EMBED_ALLOWED_ORIGINS,
 * the build's VITE_EMBED_ALLOWED_ORIGINS): a module-federated panel calls the API from the dashboard's
 * page. Any other origin gets no CORS header, so its page can read nothing; dev routes stay same-origin.
 */
const DASHBOARD = 'http://dashboard.example';
const worker = runSeededWorker('gastown-cors-', { testHooks: false, corsOrigins: `${DASHBOARD} https://admin.kilo.example` });
const towns = () => `${worker.base()}/api/admin/users/${USERS.dana.id}/towns`;
const preflight = (origin: string) =>
  worker.fetch(towns(), {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
  });

describe('CORS on the admin API', () => {
  it('answers the preflight of an allowed dashboard with its origin, the methods and the headers the panel sends', async () => {
    const res = await preflight(DASHBOARD);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(DASHBOARD);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/authorization.*idempotency-key.*if-match/);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('gives an allowed dashboard its answer with the CORS header (and the ETag exposed)', async () => {
    const res = await worker.fetch(towns(), { headers: { origin: DASHBOARD, authorization: `Bearer ${DEV_TOKENS.admin}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(DASHBOARD);
    expect(res.headers.get('access-control-expose-headers')).toContain('etag');
  });

  it('gives any other origin nothing: no CORS header on the preflight or the answer', async () => {
    const pre = await preflight('http://evil.example');
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const res = await worker.fetch(towns(), { headers: { origin: 'http://evil.example', authorization: `Bearer ${DEV_TOKENS.admin}` } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const lookalike = await preflight('http://dashboard.example.evil.example');
    expect(lookalike.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('keeps the dev routes same-origin even for an allowed dashboard', async () => {
    const res = await worker.fetch(`${worker.base()}/api/dev/status`, {
      headers: { origin: DASHBOARD, authorization: `Bearer ${DEV_TOKENS.admin}` },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
