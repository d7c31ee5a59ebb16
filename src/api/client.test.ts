import { describe, expect, it } from 'vitest';
import { createApiClient } from './client';
import { endpoints } from './endpoints';
import { failure } from './contract/lookups';
import { TownSummary } from './schemas';
import { http, HttpResponse } from 'msw';
import { failWith, getStore } from '../mocks/handlers';
import { server } from '../mocks/node';
import { DEV_TOKENS } from '../test/tokens';

const client = (token: string | null = DEV_TOKENS.admin, timeoutMs = 2000) =>
  createApiClient({ baseUrl: 'http://localhost', getToken: () => token, timeoutMs });

describe('the typed client', () => {
  it('parses every scenario town summary under the contract', async () => {
    const dana = getStore().world.users.find((u) => u.name === 'Dana Whitfield')!;
    const towns = await client().get(endpoints.userTowns(dana.id));
    expect(towns.items).toHaveLength(9);
  });

  it('rejects a malformed payload with an error naming the endpoint and the field', async () => {
    failWith('/users/usr_2b7f1c9e4a/towns', 'malformed');
    const error = await failure(client().get(endpoints.userTowns('usr_2b7f1c9e4a')));
    expect(error.code).toBe('invalid_response');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('GET /api/admin/users/usr_2b7f1c9e4a/towns');
    expect(error.message).toMatch(/items: /);
  });

  it.each([
    ['JSON cut off mid-body', '{"items": [{"id": "tw', 'application/json', /cut off before its end/],
    ['an HTML page with 200', '<!doctype html><title>502 Bad Gateway</title>', 'text/html', /HTML page instead of JSON/],
  ])('offers a retry for %s (a transient-looking failure)', async (_name, body, type, message) => {
    server.use(http.get(/\/api\/admin\/session$/, () => new HttpResponse(body, { status: 200, headers: { 'content-type': type } })));
    const error = await failure(client().get(endpoints.session()));
    expect(error).toMatchObject({ code: 'invalid_response', retryable: true });
    expect(error.message).toMatch(message);
  });

  it.each([
    [null, 401, 'unauthorized'],
    [DEV_TOKENS.nonAdmin, 403, 'forbidden'],
    ['not-a-token', 401, 'unauthorized'],
  ] as const)('token %s → HTTP %s as a typed ApiError (%s)', async (token, status, code) => {
    const error = await failure(client(token).get(endpoints.session()));
    expect(error).toMatchObject({ status, code, retryable: false });
  });

  it('maps 404, 409 and 500 to typed errors, only 5xx retryable', async () => {
    expect(await failure(client().get(endpoints.user('usr_nobody')))).toMatchObject({ status: 404, code: 'not_found', retryable: false });
    failWith('/audit', 409);
    expect(await failure(client().get(endpoints.audit()))).toMatchObject({ status: 409, code: 'conflict', retryable: false });
    failWith('/session', 500);
    expect(await failure(client().get(endpoints.session()))).toMatchObject({ status: 500, retryable: true });
  });

  it('turns an unreachable server and a hung one into network and timeout errors', async () => {
    failWith('/session', 'offline');
    expect(await failure(client().get(endpoints.session()))).toMatchObject({ status: 0, code: 'network', retryable: true });
    failWith('/users', 'slow');
    const timeout = await failure(client(DEV_TOKENS.admin, 150).get(endpoints.searchUsers('dana')));
    expect(timeout).toMatchObject({ code: 'timeout', retryable: true });
  });

  it('asks again with If-None-Match and hands back the same object when nothing changed', async () => {
    const town = getStore().world.towns[0]!;
    const sent: (string | null)[] = [];
    const statuses: number[] = [];
    const api = createApiClient({
      baseUrl: 'http://localhost',
      getToken: () => DEV_TOKENS.admin,
      fetch: async (input, init) => {
        sent.push(new Headers(init?.headers).get('if-none-match'));
        const res = await fetch(input, init);
        statuses.push(res.status);
        return res;
      },
    });
    const first = await api.get(endpoints.container(town.town.id));
    const second = await api.get(endpoints.container(town.town.id));
    expect(sent[0]).toBeNull();
    expect(sent[1]).toMatch(/^W\/"t\d+/);
    // A 15-s time slot may turn between the two; then the answer is fresh data, equal in content.
    if (statuses[1] === 304) expect(second).toBe(first);
    else expect(second).toEqual(first);
    const unkept = await api.get(endpoints.container(town.town.id), undefined, { revalidate: false });
    expect(sent[2]).toBeNull();
    expect(unkept).toEqual(first);
  });

  it('answers bad query values with a 400 naming the parameter', async () => {
    const town = getStore().world.towns[0]!;
    const error = await failure(client().get(endpoints.beads(town.town.id, { limit: -5 })));
    expect(error).toMatchObject({ status: 400, code: 'bad_request' });
    expect(error.details).toMatchObject({ parameter: 'limit' });
  });
});

/** A town summary as the server answers it, unparsed. */
async function rawSummary(townId: string): Promise<Record<string, unknown>> {
  const res = await fetch(`http://localhost/api/admin/towns/${townId}`, { headers: { authorization: `Bearer ${DEV_TOKENS.admin}` } });
  return (await res.json()) as Record<string, unknown>;
}

describe('the schemas', () => {
  it('accept every scenario town summary', async () => {
    for (const town of getStore().world.towns) {
      const summary = await rawSummary(town.town.id);
      expect(() => TownSummary.parse(summary)).not.toThrow();
    }
  });

  it('reject a wrong status with a message naming the field', async () => {
    const summary = (await rawSummary(getStore().world.towns[0]!.town.id)) as { container: Record<string, unknown> };
    const broken = { ...summary, container: { ...summary.container, status: 'exploded' } };
    const result = TownSummary.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['container', 'status']);
  });
});
