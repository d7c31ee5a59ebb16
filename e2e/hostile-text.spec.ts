import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { buildWorld } from '../scenarios';
import { DEV_ADMIN_TOKEN, reseed, signIn } from './pages/app';
import { FORMULAS, HOSTILE_TEXTS, INJECTED, megabyteString } from './fixtures/hostile-text';

/**
 * Hostile text (issue 17): the corpus in e2e/fixtures goes in through the backend's own ingestion — the
 * seed's free text (bead titles and bodies, agent and rig names, dispatch errors, git stderr, credential
 * errors, container events, status reasons, the Mayor's messages; test hooks only), interventions with hostile reasons (the action
 * registry, so the audit log holds them), the Mayor's message resent through its action, SDK events
 * through the relay's dev route, saved view names — then every view that shows them is opened. The
 * suite fails on any dialog, any script-set global, any injected element or unsafe URL, and checks the
 * exports: CSV cells that would run as formulae are escaped, the JSON is the stored text exactly.
 */

const world = buildWorld({ now: Date.parse('2026-01-01T00:00:00Z') });
const DANA = 'usr_2b7f1c9e4a';
const townOf = (name: string) => world.towns.find((t) => t.town.name === name)!;
const infra = townOf('infra-terraform');
const support = townOf('support-bot');
const supportMayor = support.agents.find((a) => a.role === 'mayor')!;
const polecat = infra.agents.find((a) => a.role === 'polecat')!;
const largeBead = infra.beads.find((b) => b.body !== null)!;
const LARGE = megabyteString();
/** Reasons must be 3–2,000 characters after trimming (the action schema): all of the corpus is. */
const REASONS = HOSTILE_TEXTS.filter((t) => t.trim().length >= 3);

async function api<T>(baseURL: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(`${baseURL}${path}`, {
    method,
    headers: { authorization: `Bearer ${DEV_ADMIN_TOKEN}`, 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

interface Version {
  version: number;
}

/** Writes the corpus through every ingestion path the backend has. */
async function ingest(baseURL: string) {
  await api(baseURL, 'POST', '/api/dev/seed', {
    force: true,
    hostile: { texts: HOSTILE_TEXTS, large: LARGE, large_town: 'infra-terraform' },
  });
  // Interventions: one bead's priority changed once per reason, each stored in the town's audit log.
  const bead = infra.beads.find((b) => b.status === 'open') ?? infra.beads[0]!;
  let version = (await api<{ bead: Version }>(baseURL, 'GET', `/api/admin/towns/${infra.town.id}/beads/${bead.id}`)).bead.version;
  const priorities = ['low', 'high', 'medium', 'critical'] as const;
  for (const [i, reason] of REASONS.entries()) {
    const result = await api<{ target_version: number }>(
      baseURL,
      'POST',
      `/api/admin/towns/${infra.town.id}/actions/bead.change_priority`,
      { target: { kind: 'bead', id: bead.id }, params: { priority: priorities[i % 4] }, reason, dryRun: false },
      { 'idempotency-key': `hostile-${i}`, 'if-match': String(version) },
    );
    version = result.target_version;
  }
  // The Mayor's (hostile) last message, sent again through its action.
  const mayor = await api<{ agent: Version }>(baseURL, 'GET', `/api/admin/towns/${support.town.id}/agents/${supportMayor.id}`);
  await api(
    baseURL,
    'POST',
    `/api/admin/towns/${support.town.id}/actions/mayor.resend_last_message`,
    { target: { kind: 'agent', id: supportMayor.id }, params: {}, reason: HOSTILE_TEXTS[0], dryRun: false },
    { 'idempotency-key': 'hostile-mayor', 'if-match': String(mayor.agent.version) },
  );
  // Agent messages and tool output, as the container's event relay writes them.
  const events = HOSTILE_TEXTS.flatMap((text, i) => [
    { type: 'message_part.updated', properties: { part: { type: 'text', text } } },
    {
      type: 'message_part.updated',
      properties: {
        part: { type: 'tool', tool: 'bash', callID: `call_h${i}`, state: { status: 'error', input: { command: text }, output: text } },
      },
    },
  ]);
  const first = await api<{ last_id: number }>(baseURL, 'POST', '/api/dev/sdk-events', {
    town_id: infra.town.id,
    agent_id: polecat.id,
    events,
  });
  const large = await api<{ last_id: number }>(baseURL, 'POST', '/api/dev/sdk-events', {
    town_id: infra.town.id,
    agent_id: polecat.id,
    events: [{ type: 'session.error', properties: { error: { name: 'ToolError', message: LARGE } } }],
  });
  // Saved view names (at most 80 characters) and a hostile query.
  for (const name of HOSTILE_TEXTS.filter((t) => t.trim().length > 0 && t.length <= 80).slice(0, 8))
    await api(baseURL, 'POST', '/api/admin/saved-views', { scope: 'beads', name, query: `q=${encodeURIComponent(name)}` });
  return { toolEvent: first.last_id - 1, largeEvent: large.last_id };
}

async function removeSavedViews(baseURL: string) {
  const { items } = await api<{ items: { id: string }[] }>(baseURL, 'GET', '/api/admin/saved-views?scope=beads');
  for (const v of items) await api(baseURL, 'DELETE', `/api/admin/saved-views/${v.id}`);
}

/** What the page must never hold: a script-set global, an injected element, a clickable unsafe URL. */
async function expectInert(page: Page, where: string) {
  const found = await page.evaluate(
    (selectors) => {
      const w = window as unknown as { __pwned?: unknown };
      const hits = selectors.filter((s) => document.body.querySelector(s) !== null);
      const unsafe = [...document.body.querySelectorAll('[href],[src],[action],[formaction],[xlink\\:href]')]
        .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? el.getAttribute('xlink:href') ?? '')
        .filter((u) => /^\s*(javascript|data|vbscript):/i.test(u));
      const handlers = [...document.body.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}[${a.name}]`),
      );
      return { pwned: w.__pwned ?? null, hits, unsafe, handlers };
    },
    INJECTED as unknown as string[],
  );
  expect(found, where).toEqual({ pwned: null, hits: [], unsafe: [], handlers: [] });
}

/**
 * The 1 MB strings (a bead body, git stderr, a credential error, an agent's status reason, a container
 * lifecycle reason) are laid out only as a bounded head: the page holds far less than one of them.
 */
async function expectBounded(page: Page, where: string) {
  const size = await page.evaluate(() => document.body.innerHTML.length);
  expect(size, `${where}: no 1 MB string laid out whole`).toBeLessThan(LARGE.length / 2);
}

/** Opens a route, waits until it has loaded, checks it is inert and that the hostile text shows as text. */
async function visit(page: Page, route: string, shows: string | RegExp | null = /onerror=|<script>|javascript:/) {
  await page.goto(route);
  await expect(page.locator('main h1, main [role="alert"]').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.state-loading')).toHaveCount(0, { timeout: 30_000 });
  if (shows !== null) await expect(page.locator('main').getByText(shows).filter({ visible: true }).first()).toBeVisible();
  await expectInert(page, route);
}

test.describe.configure({ mode: 'serial' });

test.afterAll(async ({ baseURL }) => {
  await removeSavedViews(baseURL!);
  await reseed(baseURL);
});

test('hostile text: written through every ingestion path, shown everywhere as inert text, exported escaped and exact', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const { toolEvent, largeEvent } = await ingest(baseURL!);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await signIn(page);

  const t = infra.town.id;
  await visit(page, `/users/${DANA}`, null);
  for (const tab of ['state', 'agents', 'review', 'container', 'config', 'events', 'audit']) {
    await visit(page, `/towns/${t}/${tab}`, tab === 'review' || tab === 'agents' ? null : undefined);
    await expectBounded(page, `${tab} tab`);
  }
  await visit(page, `/towns/${support.town.id}/state`);
  await visit(page, `/towns/${support.town.id}/agents/${supportMayor.id}`);
  await visit(page, `/towns/${t}/beads/${largeBead.id}`);
  await expectBounded(page, 'the bead with the 1 MB body');
  await visit(page, `/towns/${t}/agents/${polecat.id}`);
  // Its status reason is the 1 MB string; its name, like every agent's and rig's, is one of the payloads.
  await expectBounded(page, 'the polecat with the 1 MB status reason');
  await visit(page, `/towns/${t}/agents/${polecat.id}?q=${encodeURIComponent('onerror')}`);
  // The event viewer opened at a hostile tool call, then at the 1 MB error.
  await visit(page, `/towns/${t}/agents/${polecat.id}?event=${toolEvent}`);
  await expect(page.locator('.ev-item-selected')).toBeVisible();
  await expectInert(page, 'event viewer at a tool call');
  await visit(page, `/towns/${t}/agents/${polecat.id}?event=${largeEvent}`);
  await expect(page.locator('.ev-item-selected')).toContainText('The refinery reported the same line again.');
  await expectInert(page, 'event viewer at the 1 MB error');
  await visit(page, `/towns/${t}/search?q=${encodeURIComponent('onerror')}`);
  await expect(page.getByRole('status').filter({ hasText: /Searched the town’s rows/ })).toBeVisible({ timeout: 60_000 });
  await expectInert(page, 'search results');
  await visit(page, `/towns/${t}/state?tab=beads`);
  // The palette, on a town page, lists the town's beads by their (hostile) titles.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox').fill('onerror');
  await expect(palette.getByRole('option').first()).toBeVisible();
  await expectInert(page, 'palette');
  await page.keyboard.press('Escape');

  await visit(page, `/audit`);

  // Exports of the town's audit log: CSV escapes formula leaders; JSON holds exactly what was stored.
  await visit(page, `/towns/${t}/audit`);
  const stored = await api<{ items: Entry[] }>(baseURL!, 'GET', `/api/admin/towns/${t}/audit?limit=200`);
  expect(stored.items.map((e) => e.reason).sort()).toEqual(REASONS.map((r) => r.trim()).sort());
  const json = await downloadText(page, 'Export JSON');
  const exported = JSON.parse(json) as Entry[];
  expect(exported.map(exact)).toEqual(stored.items.map(exact));
  const csv = await downloadText(page, 'Export CSV');
  const cells = parseCsv(csv).flat();
  for (const formula of FORMULAS.map((f) => f.trim()).filter((f) => /^[=+\-@]/.test(f))) {
    expect(cells, `CSV holds ${formula} escaped`).toContain(`'${formula}`);
    expect(cells).not.toContain(formula);
  }
  for (const cell of cells) expect(/^[=+\-@\t\r]/.test(cell), `CSV cell starts a formula: ${cell.slice(0, 60)}`).toBe(false);

  // The timeline's export holds the hostile stderr and errors (inside summaries and JSON details): no cell runs as a formula.
  await visit(page, `/towns/${t}/events`);
  const timeline = parseCsv(await downloadText(page, 'Export CSV')).flat();
  expect(timeline.some((c) => c.includes('onerror=') || c.includes('=HYPERLINK('))).toBe(true);
  for (const cell of timeline) expect(/^[=+\-@\t\r]/.test(cell), `timeline CSV cell starts a formula: ${cell.slice(0, 60)}`).toBe(false);

  expect(dialogs).toEqual([]);
});

interface Entry {
  seq: number;
  reason: string;
  hash: string;
  before: unknown;
  after: unknown;
}
/** The stored text and its hash: an export that changed one character of either is caught. */
const exact = (e: Entry) => ({ seq: e.seq, reason: e.reason, hash: e.hash, before: e.before, after: e.after });

async function downloadText(page: Page, button: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await download.path();
  return readFile(path, 'utf8');
}

/** RFC 4180: quoted cells may hold commas, quotes (doubled) and line breaks; rows end in CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}
