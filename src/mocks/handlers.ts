import { delay, http, HttpResponse } from 'msw';
import type { Profile } from '../../server/capabilities';
import { MockBackend } from './host';

/**
 * The MSW host: one handler hands every `/api/admin/*` and `/api/dev/*` request to the reference
 * admin API (`server/`), running in-process over in-memory SQLite. Nothing here answers by itself
 * except the test switches below.
 */

/**
 * Test switches: make endpoints matching `path` (a substring or RegExp of the URL path) fail the given
 * way. `malformed` answers 200 with a payload that breaks the contract as a whole; `malformed-row` answers
 * the real list with its first row's `id` broken (the rest of the list must still show).
 */
export type FailureMode = 401 | 403 | 404 | 409 | 500 | 'malformed' | 'malformed-row' | 'offline' | 'slow';
let failures: { path: string | RegExp; mode: FailureMode }[] = [];
let backend: MockBackend | null = null;
/** Towns patrol in real time in the browser (dev:mock, the demo); tests move them with the dev clock only. */
let live = false;

export function failWith(path: string | RegExp, mode: FailureMode) {
  failures.push({ path, mode });
}

/** Drops the test switches only, keeping the backend's state (a failure that ends mid-test). */
export function clearFailures() {
  failures = [];
}

/** Drops test switches and starts a fresh backend (called after each test). */
export function resetMockState() {
  failures = [];
  backend?.dispose();
  backend = null;
  profile = 'reference';
}

/** Which deployment the next backend plays (server/capabilities.ts); a test sets it before the first request. */
let profile: Profile = 'reference';

export function setMockProfile(value: Profile) {
  profile = value;
  backend?.dispose();
  backend = null;
}

/** Vitest (src/mocks/node.ts) turns on the dev test hooks (audit tamper); the browser never does. */
let testHooks = false;

export function enableMockTestHooks() {
  testHooks = true;
}

/** In the browser the scenario towns live: their patrol runs on timers, as the worker's alarms do. */
export function setMockLive(value: boolean) {
  live = value;
}

/** The running MSW backend: its scenario world (ids, names, secrets to look for), its clock. */
export function getStore(): MockBackend {
  return (backend ??= new MockBackend({ live, testHooks, profile }));
}

const FAILURE_BODIES = {
  401: ['unauthorized', 'The admin session is not valid or has expired.'],
  403: ['forbidden', 'Gastown Admin is for Kilo admins only.'],
  404: ['not_found', 'Not found.'],
  409: ['conflict', 'The target changed since it was read.'],
  500: ['internal', 'The admin API failed unexpectedly.'],
} as const;

/** The admin API and the dev routes, on any origin (tests use http://localhost, the browser its own). */
const API_URL = /^[a-z]+:\/\/[^/]+\/api\/(admin|dev)(\/|\?|$)/;

export const handlers = [
  http.all(API_URL, async ({ request }) => {
    const { pathname } = new URL(request.url);
    for (const f of failures) {
      const hit = typeof f.path === 'string' ? pathname.includes(f.path) : f.path.test(pathname);
      if (!hit) continue;
      if (f.mode === 'offline') return HttpResponse.error();
      if (f.mode === 'slow') {
        await delay('infinite');
        continue;
      }
      if (f.mode === 'malformed') return HttpResponse.json({ items: { id: 42, unexpected: true }, total: 'many' });
      if (f.mode === 'malformed-row') {
        const answer = (await (await getStore().handle(request)).json()) as { items: Record<string, unknown>[] };
        answer.items[0]!.id = 42;
        return HttpResponse.json(answer);
      }
      const [code, message] = FAILURE_BODIES[f.mode];
      return HttpResponse.json({ error: { code, message } }, { status: f.mode });
    }
    return getStore().handle(request);
  }),
];
