// @vitest-environment node
import { base64url, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { DEV_KEYS, mintDevToken } from '../../../server/auth/dev-tokens';
import { USERS } from '../../../scenarios/users';
import { createApiClient } from '../client';
import { endpoints } from '../endpoints';
import { runSeededWorker } from './seeded-worker';

/**
 * Signed, short-lived admin tokens on the reference worker (server/auth/admin-token.ts): every forged,
 * stale or misaddressed token gets the right status and no data, a non-admin gets 403, the previous key
 * still verifies during a rotation, and the audit names the admin the token vouches for.
 */
const worker = runSeededWorker('gastown-jwt-', { testHooks: false });
const DANA = USERS.dana.id;
const secret = (kid: string) => base64url.decode((DEV_KEYS.keys as Record<string, string>)[kid]!);

/** A token like the dashboard's, with any part of it changed. */
function token(
  o: {
    alg?: string;
    kid?: string;
    key?: Uint8Array | CryptoKey;
    iss?: string;
    aud?: string;
    sub?: string;
    email?: string;
    is_admin?: unknown;
    exp?: number;
    nbf?: number;
  } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  const kid = o.kid ?? DEV_KEYS.current_kid;
  return new SignJWT({ email: o.email ?? USERS.admin.email, is_admin: o.is_admin ?? true })
    .setProtectedHeader({ alg: o.alg ?? 'HS256', kid })
    .setSubject(o.sub ?? USERS.admin.id)
    .setIssuer(o.iss ?? DEV_KEYS.issuer)
    .setAudience(o.aud ?? DEV_KEYS.audience)
    .setIssuedAt(now - 60)
    .setNotBefore(o.nbf ?? now - 60)
    .setExpirationTime(o.exp ?? now + 600)
    .sign(o.key ?? secret(Object.hasOwn(DEV_KEYS.keys, kid) ? kid : DEV_KEYS.current_kid));
}

async function call(bearer: string, path = `/api/admin/users/${DANA}/towns`) {
  const res = await worker.fetch(`${worker.base()}${path}`, { headers: { authorization: `Bearer ${bearer}` } });
  const body = (await res.json()) as Record<string, unknown>;
  return { status: res.status, body, code: (body.error as { code?: string } | undefined)?.code };
}

/** Refused, and nothing but the error came back. */
function expectRefused(result: Awaited<ReturnType<typeof call>>, status: number, code: string) {
  expect(result.status).toBe(status);
  expect(result.code).toBe(code);
  expect(Object.keys(result.body)).toEqual(['error']);
  expect(JSON.stringify(result.body)).not.toContain('Dana');
}

const unsigned = (header: object, payload: object) =>
  `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(payload))}.`;

describe('admin tokens on the reference worker', () => {
  it('a token from the dashboard reads data; one signed with the previous key still does (rotation)', async () => {
    expect((await call(await token())).status).toBe(200);
    const previous = Object.keys(DEV_KEYS.keys).find((k) => k !== DEV_KEYS.current_kid)!;
    const rotated = await call(await token({ kid: previous }));
    expect(rotated.status).toBe(200);
    expect((rotated.body.items as unknown[]).length).toBe(9);
  });

  it('a bad signature: 401, no data', async () => {
    expectRefused(
      await call(await token({ key: new TextEncoder().encode('not-the-dashboard-key-not-the-dashboard-key') })),
      401,
      'unauthorized',
    );
    const good = await token();
    const tampered = good.slice(0, -4) + (good.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expectRefused(await call(tampered), 401, 'unauthorized');
  });

  it('alg none: 401, no data', async () => {
    const now = Math.floor(Date.now() / 1000);
    const payload = {
      sub: USERS.admin.id,
      email: USERS.admin.email,
      is_admin: true,
      iss: DEV_KEYS.issuer,
      aud: DEV_KEYS.audience,
      iat: now,
      exp: now + 600,
    };
    expectRefused(await call(unsigned({ alg: 'none', kid: DEV_KEYS.current_kid }, payload)), 401, 'unauthorized');
    expectRefused(await call(unsigned({ alg: 'none' }, payload)), 401, 'unauthorized');
  });

  it('HS/RS confusion: an RS256 token, and an HMAC token labelled RS256, are both refused', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    expectRefused(await call(await token({ alg: 'RS256', key: privateKey })), 401, 'unauthorized');
    // The classic confusion: sign with HMAC over the "public" material but claim RS256.
    const header = base64url.encode(JSON.stringify({ alg: 'RS256', kid: DEV_KEYS.current_kid }));
    const hmac = (await token()).split('.');
    expectRefused(await call(`${header}.${hmac[1]}.${hmac[2]}`), 401, 'unauthorized');
  });

  it('expired: 401 token_expired, no data; a few seconds past expiry is within the skew', async () => {
    const now = Math.floor(Date.now() / 1000);
    expectRefused(await call(await token({ exp: now - 120 })), 401, 'token_expired');
    expectRefused(await call(await mintDevToken({ now: Date.now(), expiresInS: -60 })), 401, 'token_expired');
    expect((await call(await token({ exp: now - 5 }))).status).toBe(200);
  });

  it('not yet valid (nbf 10 min ahead): 401, no data', async () => {
    expectRefused(await call(await token({ nbf: Math.floor(Date.now() / 1000) + 600 })), 401, 'token_not_yet_valid');
  });

  it('wrong audience or issuer: 401, no data', async () => {
    expectRefused(await call(await token({ aud: 'kilo-billing' })), 401, 'unauthorized');
    expectRefused(await call(await token({ iss: 'https://evil.example' })), 401, 'unauthorized');
  });

  it('an unknown kid, or none: 401, no data', async () => {
    expectRefused(await call(await token({ kid: 'retired-2025', key: secret(DEV_KEYS.current_kid) })), 401, 'unauthorized');
    const now = Math.floor(Date.now() / 1000);
    const noKid = await new SignJWT({ email: USERS.admin.email, is_admin: true })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(USERS.admin.id)
      .setIssuer(DEV_KEYS.issuer)
      .setAudience(DEV_KEYS.audience)
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(secret(DEV_KEYS.current_kid));
    expectRefused(await call(noKid), 401, 'unauthorized');
  });

  it('not an admin (is_admin false, or missing): 403 / 401, no data — dev routes too', async () => {
    expectRefused(await call(await token({ is_admin: false })), 403, 'forbidden');
    expectRefused(await call(await token({ is_admin: 'yes' })), 401, 'unauthorized');
    const dev = await worker.fetch(`${worker.base()}/api/dev/status`, {
      headers: { authorization: `Bearer ${await token({ is_admin: false })}` },
    });
    expect(dev.status).toBe(403);
  });

  it('a token that lives longer than 12 h is refused', async () => {
    expectRefused(await call(await token({ exp: Math.floor(Date.now() / 1000) + 13 * 3600 })), 401, 'unauthorized');
  });

  it('the audit records the admin the verified token names', async () => {
    const other = await token({ sub: 'usr_0ther0ad01', email: 'sam.oncall@kilocode.ai' });
    const api = createApiClient({ baseUrl: worker.base(), getToken: () => other, fetch: worker.fetch });
    expect((await api.get(endpoints.session())).user).toMatchObject({
      id: 'usr_0ther0ad01',
      email: 'sam.oncall@kilocode.ai',
      is_admin: true,
    });
    const town = worker.world().towns.find((t) => t.town.name === 'payments-api')!.town;
    const container = await api.get(endpoints.container(town.id));
    const result = await api.act(
      town.id,
      'container.force_restart',
      { target: { kind: 'container', id: town.id }, params: {}, reason: 'on-call restart', dryRun: false },
      { idempotencyKey: crypto.randomUUID(), ifMatch: container.version },
    );
    expect(result.audit_entry).toMatchObject({ admin_id: 'usr_0ther0ad01', admin_email: 'sam.oncall@kilocode.ai' });
  });

  it('the dev token route mints a working token for the scenario admin, and answers only its own origin', async () => {
    const res = await worker.fetch(`${worker.base()}/api/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const { token: minted } = (await res.json()) as { token: string };
    expect((await call(minted)).status).toBe(200);
    const cross = await worker.fetch(`${worker.base()}/api/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: '{}',
    });
    expect(cross.status).toBe(403);
  });
});
