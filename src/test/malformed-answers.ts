import type { QueryClient } from '@tanstack/react-query';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { expect, vi } from 'vitest';
import type { z } from 'zod';
import { apiClient } from '../api';
import type { EndpointSpec } from '../api/endpoints';
import { salvageRows } from '../api/salvage';
import { WAIT_NOTICE_MS } from '../components/waiting';
import { server } from '../mocks/node';
import { TEST_API_BASE } from './render-app';
import { DEV_TOKENS } from './tokens';

/**
 * The malformed-answers suite (issue 17): one endpoint a view reads answers badly, after the view has
 * shown it, the way a live refresh or a Retry meets a broken proxy or a newer backend. For every case
 * the view must (1) say specifically what went wrong, or render tolerantly what it can, (2) keep what
 * it showed, and (3) recover once the endpoint answers well again (Retry when retrying can help, the
 * next refresh otherwise). The bad answers are derived from the endpoint's real answer and its schema,
 * so each endpoint gets the same ten cases without a hand-written body per endpoint.
 */
export interface Subject {
  /** The endpoint the view reads (its path is what gets the bad answer; queries are ignored). */
  spec: EndpointSpec<z.ZodType>;
  /** What the view showed from this endpoint, found again after every bad answer (kept, not blanked). */
  shown: () => HTMLElement;
  /**
   * The view never lays out the answer's first text field (an id the view reads but does not show),
   * so a 10 MB string there has no "show all" to offer; the page must still hold none of it.
   */
  firstTextHidden?: boolean;
  /** The 10 MB string goes into the first text field under this key (what the view lays out), not the answer's first. */
  textUnder?: string;
}

type Body = Record<string, unknown>;
type Bad = { kind: 'json'; body: unknown } | { kind: 'raw'; status: number; text: string; type?: string } | { kind: 'hang' | 'offline' };

interface Expectation {
  /** The alert's title, or null: the view renders the answer tolerantly (no alert). */
  title: string | null;
  /** Text the alert's message must name (the field that was wrong). */
  names?: string;
  /** The field of a row the client set aside (`invalid_rows`): the view must say that row could not be read. */
  setAside?: string;
  /** Whether the alert offers Retry (otherwise the next refresh recovers). */
  retry: boolean;
  /** A 10 MB string rendered (at this path): the page holds only its bounded head, with "show all" on demand. */
  bounded?: string;
}

interface Case {
  name: string;
  /** The bad answer built from the good one, or null when the answer has nothing this case can break. */
  make: (good: unknown, schema: z.ZodType, subject: Subject) => { bad: Bad; expect: Expectation } | null;
}

const CONTRACT = 'The admin API sent data this panel does not understand';
const NOT_WHOLE = 'The admin API’s answer did not arrive whole';
const TEN_MB = 10 * 1024 * 1024;
const TEXT_KEYS = new Set([
  'title',
  'reason',
  'message',
  'summary',
  'description',
  'body',
  'last_error',
  'error',
  'text',
  'name',
  'detail',
  'says',
  'evidence',
  'problem',
]);

/** A contract failure the client cannot salvage row by row is an error naming the field; a salvageable one renders. */
function contractExpectation(schema: z.ZodType, body: unknown, field: string): Expectation {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { title: null, retry: false };
  if (salvageRows(schema, body, parsed.error)) return { title: null, setAside: field, retry: false };
  return { title: CONTRACT, names: field, retry: false };
}

/** The first top-level key for which `change` makes the answer fail its schema as a whole. */
function breakTopLevel(good: unknown, schema: z.ZodType, change: (body: Body, key: string) => void) {
  if (!good || typeof good !== 'object' || Array.isArray(good)) return null;
  for (const key of Object.keys(good)) {
    const body = structuredClone(good) as Body;
    change(body, key);
    const parsed = schema.safeParse(body);
    if (!parsed.success && !salvageRows(schema, body, parsed.error))
      return { bad: { kind: 'json' as const, body }, expect: { title: CONTRACT, names: key, retry: false } };
  }
  return null;
}

const wrongType = (value: unknown): unknown =>
  typeof value === 'string' ? 12345 : typeof value === 'number' ? 'twelve' : typeof value === 'boolean' ? 'yes' : 'not a list or object';

/** Every string leaf with its path, depth first (the first ones are the view's most visible fields). */
function* stringLeaves(node: unknown, path: (string | number)[] = []): Generator<{ path: (string | number)[]; value: string }> {
  if (typeof node === 'string') yield { path, value: node };
  else if (Array.isArray(node)) for (const [i, child] of node.slice(0, 50).entries()) yield* stringLeaves(child, [...path, i]);
  else if (node && typeof node === 'object') for (const [k, child] of Object.entries(node)) yield* stringLeaves(child, [...path, k]);
}

function setAt(body: unknown, path: (string | number)[], value: unknown) {
  const parent = path.slice(0, -1).reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], body) as Record<
    string | number,
    unknown
  >;
  parent[path.at(-1)!] = value;
}

export const CASES: Case[] = [
  { name: 'a field of the wrong type', make: (good, schema) => breakTopLevel(good, schema, (b, k) => (b[k] = wrongType(b[k]))) },
  { name: 'a missing field', make: (good, schema) => breakTopLevel(good, schema, (b, k) => delete b[k]) },
  {
    name: 'an unknown enum value',
    make: (good, schema) => {
      const leaf = [...stringLeaves(good)].find((l) =>
        ['status', 'role', 'state', 'kind', 'health', 'outcome'].includes(String(l.path.at(-1))),
      );
      if (!leaf) return null;
      const body = structuredClone(good);
      setAt(body, leaf.path, 'zz_never_seen_before');
      return { bad: { kind: 'json', body }, expect: contractExpectation(schema, body, String(leaf.path.at(-1))) };
    },
  },
  {
    name: 'a 10 MB string',
    make: (good, schema, subject) => {
      const under = subject.textUnder;
      const leaf = [...stringLeaves(good)].find((l) => TEXT_KEYS.has(String(l.path.at(-1))) && (!under || l.path.includes(under)));
      if (!leaf) return null;
      const body = structuredClone(good);
      setAt(body, leaf.path, `${leaf.value} ${'x'.repeat(TEN_MB)}`);
      return {
        bad: { kind: 'json', body },
        expect: { ...contractExpectation(schema, body, String(leaf.path.at(-1))), bounded: leaf.path.join('.') },
      };
    },
  },
  {
    name: 'truncated JSON',
    make: (good) => {
      const text = JSON.stringify(good);
      return {
        bad: { kind: 'raw', status: 200, text: text.slice(0, Math.floor(text.length / 2)) },
        expect: { title: NOT_WHOLE, retry: true },
      };
    },
  },
  {
    name: 'an HTML page with 200',
    make: () => ({
      bad: { kind: 'raw', status: 200, type: 'text/html', text: '<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>' },
      expect: { title: NOT_WHOLE, retry: true },
    }),
  },
  {
    name: '500 with an error body',
    make: () => ({
      bad: {
        kind: 'raw',
        status: 500,
        text: JSON.stringify({ error: { code: 'internal_error', message: 'TownDO threw: disk I/O error' } }),
      },
      expect: { title: 'The admin API failed (HTTP 500)', names: 'disk I/O error', retry: true },
    }),
  },
  {
    name: '502 with no body',
    make: () => ({ bad: { kind: 'raw', status: 502, text: '' }, expect: { title: 'The admin API failed (HTTP 502)', retry: true } }),
  },
  { name: 'a hang', make: () => ({ bad: { kind: 'hang' }, expect: { title: 'The admin API took too long', retry: true } }) },
  { name: 'offline', make: () => ({ bad: { kind: 'offline' }, expect: { title: 'Cannot reach the admin API', retry: true } }) },
];

const ORIGINAL = 'x-malformed-suite-original';

/** The endpoint's real answer, from the scenario backend (the suite's own handler steps aside for it). */
async function goodAnswer(spec: EndpointSpec<z.ZodType>): Promise<unknown> {
  const { toSearchParams } = await import('../api/endpoints');
  const res = await fetch(`${TEST_API_BASE}${spec.path}${toSearchParams(spec.query)}`, {
    headers: { authorization: `Bearer ${DEV_TOKENS.admin}`, [ORIGINAL]: '1' },
  });
  expect(res.status, `${spec.path} answers well before the suite breaks it`).toBe(200);
  return res.json();
}

function respond(bad: Bad) {
  return async ({ request }: { request: Request }) => {
    if (request.headers.get(ORIGINAL)) return undefined;
    switch (bad.kind) {
      case 'json':
        return HttpResponse.json(bad.body as Record<string, unknown>);
      case 'raw':
        return new HttpResponse(bad.text || null, {
          status: bad.status,
          headers: bad.text ? { 'content-type': bad.type ?? 'application/json' } : {},
        });
      case 'offline':
        return HttpResponse.error();
      case 'hang':
        // Never answers; the client gives up at its timeout (shortened for the suite) and aborts.
        await Promise.race([delay(10_000), new Promise((resolve) => request.signal.addEventListener('abort', resolve))]);
        return HttpResponse.error();
    }
  };
}

function shownOrNull(subject: Subject): HTMLElement | null {
  try {
    return subject.shown();
  } catch {
    return null;
  }
}

const showAllCount = () => screen.queryAllByRole('button', { name: /show all/i }).length;
/** A one-line clamp (`clipLine`): the head of the 10 MB run of x, cut with an ellipsis. */
const clampedHead = () => /x{40}…/.test(document.body.textContent ?? '');
/** Far below the 10 MB string: only a bounded head of it may be in the page (attributes included). */
const PAGE_BUDGET = 1_000_000;

/** Where the page holds long text whole (for the failure message): `tag.class` of each holder, attributes too. */
function longTextHolders(limit = 10_000): string {
  const holders = new Set<string>();
  const name = (el: Element | null) =>
    el ? `${el.tagName.toLowerCase()}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}` : '?';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE && (n.nodeValue?.length ?? 0) > limit)
      holders.add(`${name(n.parentElement?.parentElement ?? null)} > ${name(n.parentElement)}`);
    if (n instanceof Element) for (const a of n.attributes) if (a.value.length > limit) holders.add(`${name(n)}[${a.name}]`);
  }
  return [...holders].join(', ');
}

/**
 * A hang while the view has nothing of this endpoint yet (opened while the endpoint hangs): after
 * WAIT_NOTICE_MS the loading state says "still waiting (N s)…" with Cancel and Retry, and Retry,
 * once the endpoint answers, brings the view back. The client's own timeout is out of the way here.
 */
async function firstLoadHang(queryClient: QueryClient, subject: Subject, path: string) {
  const label = `${subject.spec.path}: a hang on first load`;
  vi.useFakeTimers({ shouldAdvanceTime: true });
  try {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    apiClient.configure({ timeoutMs: 120_000 });
    let asked = 0;
    server.use(
      http.get(path, ({ request }) => {
        if (request.headers.get(ORIGINAL)) return undefined;
        asked += 1;
        return new Promise<Response>((resolve) => request.signal.addEventListener('abort', () => resolve(HttpResponse.error())));
      }),
    );
    // Every query of the page starts over, as when the page is opened; only this endpoint hangs.
    void queryClient.resetQueries({ type: 'active' });
    await act(() => vi.advanceTimersByTimeAsync(WAIT_NOTICE_MS + 2_000));
    expect(asked, `${label}: the view asked`).toBeGreaterThan(0);
    // The notice is looked up afresh each time: a re-render between two looks may replace its node.
    const notice = () => {
      const found = screen.getAllByRole('status').find((s) => /still waiting \(\d+ s\)…/.test(s.textContent ?? ''));
      if (!found) throw new Error(`${label}: no "still waiting (N s)…" notice`);
      return found;
    };
    // On a loaded machine the request may start a few seconds into the wait: give the page's (fake) clock
    // more (simulated) time until the notice is due, then look for it.
    for (let extra = 0; extra < 20 && !screen.queryAllByRole('status').some((s) => /still waiting/.test(s.textContent ?? '')); extra++)
      await act(() => vi.advanceTimersByTimeAsync(1_000));
    await waitFor(() => expect(within(notice()).getByRole('button', { name: 'Cancel' }), `${label}: Cancel offered`).toBeInTheDocument());
    server.resetHandlers();
    await user.click(await waitFor(() => within(notice()).getByRole('button', { name: 'Retry' })));
    await waitFor(() => expect(shownOrNull(subject) !== null, `${label}: Retry brings the view back`).toBe(true), { timeout: 5_000 });
    expect(screen.queryByText(/still waiting/), `${label}: the notice is gone`).toBeNull();
  } finally {
    vi.useRealTimers();
    apiClient.configure({ timeoutMs: 400 });
  }
}

/** The alert that says what went wrong with this endpoint (the view may show others for other reasons). */
function alertTitled(title: string): HTMLElement {
  const alert = screen.getAllByRole('alert').find((a) => within(a).queryByText(title));
  if (!alert) throw new Error(`no alert titled "${title}"`);
  return alert;
}

/**
 * Runs every case against one endpoint of a rendered view, one after another on the same page: bad
 * answer → refresh → specific error (or tolerant render) with what was shown kept → good answer →
 * Retry/refresh → the error is gone and the view is whole; a 10 MB string is laid out only as a bounded
 * head with "show all". Then the hang once more, on a first load (`firstLoadHang`). Returns the cases
 * that had nothing to break.
 */
export async function runMalformedCases(queryClient: QueryClient, subject: Subject): Promise<string[]> {
  const user = userEvent.setup();
  const path = `${TEST_API_BASE}${subject.spec.path}`;
  const good = await goodAnswer(subject.spec);
  apiClient.configure({ timeoutMs: 400 });
  const skipped: string[] = [];
  expect(subject.shown()).toBeInTheDocument();
  const showAllBefore = showAllCount();
  for (const c of CASES) {
    const made = c.make(good, subject.spec.schema, subject);
    if (!made) {
      skipped.push(c.name);
      continue;
    }
    const label = `${subject.spec.path}: ${c.name}`;
    let asked = 0;
    const handler = respond(made.bad);
    server.use(
      http.get(path, (info) => {
        if (!info.request.headers.get(ORIGINAL)) asked += 1;
        return handler(info);
      }),
    );
    await queryClient.refetchQueries({ type: 'active' });
    expect(asked, `${label}: the view asked again`).toBeGreaterThan(0);
    if (made.expect.title) {
      const alert = await waitFor(() => alertTitled(made.expect.title!));
      if (made.expect.names) expect(alert, label).toHaveTextContent(made.expect.names);
      expect(within(alert).queryByRole('button', { name: 'Retry' }) !== null, `${label}: Retry offered`).toBe(made.expect.retry);
    } else {
      expect(screen.queryByText(CONTRACT), `${label}: rendered tolerantly`).toBeNull();
      const setAside = made.expect.setAside;
      if (setAside) {
        // A row that could not be read is named, never dropped in silence (an audit entry least of all).
        const named = await waitFor(() => screen.getAllByTestId('invalid-row').find((row) => row.textContent?.includes(setAside)));
        expect(named, `${label}: the unreadable row is named`).toBeDefined();
      }
      if (made.expect.bounded) {
        const at = `${label} at ${made.expect.bounded}`;
        const offered = () => showAllCount() > showAllBefore;
        // Wait for the view to lay the answer out, then look at what it holds.
        if (!subject.firstTextHidden)
          await waitFor(() =>
            expect(offered() || /x{40}/.test(document.body.textContent ?? ''), `${at}: the long text is shown`).toBe(true),
          );
        const size = document.body.innerHTML.length;
        expect(
          size,
          `${at}: only a bounded head is in the page${size < PAGE_BUDGET ? '' : ` (whole in ${longTextHolders()})`}`,
        ).toBeLessThan(PAGE_BUDGET);
        // A block or cell offers "show all"; a name in a link or heading is clamped to one line instead.
        if (!subject.firstTextHidden)
          expect(offered() || clampedHead(), `${at}: "show all" offered, or the text clamped with …`).toBe(true);
      }
    }
    expect(shownOrNull(subject) !== null, `${label}: what was shown is kept`).toBe(true);

    server.resetHandlers();
    if (made.expect.retry) await user.click(within(alertTitled(made.expect.title!)).getByRole('button', { name: 'Retry' }));
    else await queryClient.refetchQueries({ type: 'active' });
    if (made.expect.title) await waitFor(() => expect(screen.queryByText(made.expect.title!), `${label}: recovered`).toBeNull());
    await waitFor(() => expect(shownOrNull(subject) !== null, `${label}: whole again`).toBe(true));
  }
  await firstLoadHang(queryClient, subject, path);
  return skipped;
}
