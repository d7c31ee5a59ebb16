import { apiClient, endpoints, type ApiClient } from '../../../api';
import { EventColumns } from '../model/event-columns';
import { createSearchClient, type SearchClient } from '../model/search-client';

export interface StreamState {
  loaded: number;
  total: number | null;
  /** Events the deployment's retention dropped (older than any kept). */
  dropped: number;
  done: boolean;
  error: unknown;
  /** New events the live tail has fetched but not yet put in the list (the "12 new events" pill). */
  pending: number;
  /** Rows with an id at or above this were put in by the live tail within FRESH_MS (marked briefly). */
  freshFrom: number;
  freshUntil: number;
  /** Bumped on every change, for useSyncExternalStore. */
  version: number;
}

/** Small first page so rows show at once, then bigger ones (the index endpoint allows 20,000). */
const PAGE_SIZES = [500, 5_000, 20_000] as const;
/** Loaded without being asked; beyond this, older pages load as the admin scrolls or jumps. */
export const AUTO_LOAD_LIMIT = 2_000_000;
/** How often the live tail asks for events after the newest held (a 304 while there are none). */
export const TAIL_MS = 500;
/** How long a row the live tail put in stays marked. */
export const FRESH_MS = 3_000;
/** Rows per tail request; a longer burst arrives over the next polls. */
const TAIL_PAGE = 5_000;

type IndexRow = [number, number, string, string];

/**
 * Loads an agent's SDK event index newest first, page by page through the `after` cursor,
 * into compact columns, and feeds each page to the search worker. Full payloads are not loaded.
 */
export class EventStreamLoader {
  readonly columns = new EventColumns();
  private searchWorker: SearchClient | null = null;
  private state: StreamState = {
    loaded: 0,
    total: null,
    dropped: 0,
    done: false,
    error: null,
    pending: 0,
    freshFrom: Number.POSITIVE_INFINITY,
    freshUntil: 0,
    version: 0,
  };
  /** Fetched by the live tail, oldest first, waiting for `admitPending()`. */
  private waiting: IndexRow[] = [];
  private tailTimer: ReturnType<typeof setInterval> | null = null;
  private tailing = false;
  /** The first page is in: the tail asks from the newest id held. */
  private firstPageIn = false;
  private listeners = new Set<() => void>();
  private abort: AbortController | null = null;
  private running = false;
  /** Lowest event id loaded so far (the next page ends below it). */
  private lowestId: number | null = null;
  private pages = 0;
  private wanted = AUTO_LOAD_LIMIT;
  private readonly townId: string;
  private readonly agentId: string;
  private readonly expected: number;
  private readonly client: ApiClient;

  constructor(townId: string, agentId: string, expectedTotal: number, client: ApiClient = apiClient) {
    this.townId = townId;
    this.agentId = agentId;
    this.expected = expectedTotal;
    this.client = client;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = () => this.state;

  /**
   * The search over loaded rows. Stable for the loader's life: the worker behind it is created on
   * demand and, after `dispose()` (e.g. StrictMode's unmount and remount), re-created and re-fed.
   */
  readonly search: SearchClient = {
    add: (end, codes, summaries, typeNames) => this.worker().add(end, codes, summaries, typeNames),
    search: (query, allowed) => this.worker().search(query, allowed),
    dispose: () => this.dispose(),
  };

  private worker(): SearchClient {
    if (!this.searchWorker) {
      this.searchWorker = createSearchClient();
      const c = this.columns;
      if (c.length > 0) {
        const all = c.snapshot();
        this.searchWorker.add('older', all.codes, all.summaries, c.typeNames.slice());
      }
    }
    return this.searchWorker;
  }

  start() {
    this.worker();
    this.tailTimer ??= setInterval(() => void this.pollNewer(), TAIL_MS);
    if (this.running || this.state.done) return;
    this.running = true;
    this.abort = new AbortController();
    void this.loop(this.abort.signal);
  }

  /** Pauses loading and frees the worker; `start()` resumes where it stopped. */
  dispose() {
    if (this.tailTimer) clearInterval(this.tailTimer);
    this.tailTimer = null;
    this.abort?.abort();
    this.abort = null;
    this.running = false;
    this.searchWorker?.dispose();
    this.searchWorker = null;
  }

  /** Loads at least `count` events (e.g. to reach the oldest one). */
  requestUpTo(count: number) {
    if (count <= this.wanted) return;
    this.wanted = count;
    this.start();
  }

  /**
   * Puts the events the tail fetched in front of the list (positions shift by their number), marks them
   * fresh for FRESH_MS, and feeds them to the search worker. The viewer calls it when the reader is at
   * the newest end or asks for them (the pill), never under rows being read.
   */
  admitPending() {
    if (this.waiting.length === 0) return;
    const rows = this.waiting;
    this.waiting = [];
    const added = this.columns.prependNewer(rows);
    this.worker().add('newer', added.codes, added.summaries, this.columns.typeNames.slice());
    const now = Date.now();
    const from = rows[0]![0];
    this.set({
      loaded: this.columns.length,
      total: Math.max(this.state.total ?? 0, this.columns.length),
      pending: 0,
      freshFrom: now < this.state.freshUntil ? Math.min(this.state.freshFrom, from) : from,
      freshUntil: now + FRESH_MS,
    });
  }

  /** One tail request: events after the newest held or waiting. Skipped while the tab is hidden. */
  private async pollNewer() {
    if (this.tailing || !this.firstPageIn || this.state.error) return;
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
    this.tailing = true;
    try {
      const after = this.waiting.length > 0 ? this.waiting.at(-1)![0] : this.columns.newestId;
      const page = await this.client.get(endpoints.agentEventIndex(this.townId, this.agentId, { after, limit: TAIL_PAGE }));
      if (!this.tailTimer) return;
      const newest = this.waiting.length > 0 ? this.waiting.at(-1)![0] : this.columns.newestId;
      const rows = page.rows.filter((r) => r[0] > newest) as IndexRow[];
      if (rows.length === 0) return;
      this.waiting.push(...rows);
      this.set({ pending: this.waiting.length, total: Math.max(page.total, this.columns.length + this.waiting.length) });
    } catch {
      // A failed tail poll is retried on the next tick; the history loader reports errors.
    } finally {
      this.tailing = false;
    }
  }

  retry() {
    this.set({ error: null });
    this.start();
  }

  private set(patch: Partial<StreamState>) {
    this.state = { ...this.state, ...patch, version: this.state.version + 1 };
    this.listeners.forEach((l) => l());
  }

  private async loop(signal: AbortSignal) {
    try {
      while (!signal.aborted && !this.state.done && this.columns.length < this.wanted) {
        await this.loadPage(signal);
        // Let the page render and handle input between pages.
        await new Promise((r) => setTimeout(r, 0));
      }
    } catch (error) {
      if (!signal.aborted) this.set({ error });
    } finally {
      if (this.abort?.signal === signal) this.running = false;
    }
  }

  private async loadPage(signal: AbortSignal) {
    const size = PAGE_SIZES[Math.min(this.pages, PAGE_SIZES.length - 1)]!;
    let after: number;
    let limit: number;
    if (this.lowestId === null) {
      after = Math.max(0, (this.state.total ?? this.expected) - size);
      limit = size;
    } else {
      // Ids are the stream's integer cursor: the page holds ids in (after, lowestId).
      after = Math.max(0, this.lowestId - 1 - size);
      limit = this.lowestId - 1 - after;
      if (limit <= 0) {
        this.set({ done: true });
        return;
      }
    }
    // History pages never change: not kept for revalidation (a million rows would stay in memory).
    const page = await this.client.get(endpoints.agentEventIndex(this.townId, this.agentId, { after, limit }), signal, {
      revalidate: false,
    });
    if (signal.aborted) return;
    if (this.lowestId === null && page.next_cursor !== null && this.pages < 3) {
      // The stream grew past what the agent summary said: ask again for its newest page.
      this.pages++;
      this.set({ total: page.total });
      return;
    }
    const rows = this.lowestId === null ? page.rows : page.rows.filter((r) => r[0] < this.lowestId!);
    const appended = this.columns.appendOlder(rows);
    this.worker().add('older', appended.codes, appended.summaries, this.columns.typeNames.slice());
    if (rows.length > 0) this.lowestId = rows[0]![0];
    this.pages++;
    this.firstPageIn = true;
    const done = after === 0 || rows.length === 0;
    this.set({ loaded: this.columns.length, total: Math.max(page.total, this.columns.length), dropped: page.dropped, done });
  }
}
