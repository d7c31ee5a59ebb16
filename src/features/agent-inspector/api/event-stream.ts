import { apiClient, endpoints, type ApiClient } from '../../../api';
import { EventColumns } from '../model/event-columns';
import { createSearchClient, type SearchClient } from '../model/search-client';

export interface StreamState {
  loaded: number;
  total: number | null;
  done: boolean;
  error: unknown;
  /** Bumped on every change, for useSyncExternalStore. */
  version: number;
}

/** Small first page so rows show at once, then bigger ones (the index endpoint allows 20,000). */
const PAGE_SIZES = [500, 5_000, 20_000] as const;
/** Loaded without being asked; beyond this, older pages load as the admin scrolls or jumps. */
export const AUTO_LOAD_LIMIT = 2_000_000;

/**
 * Loads an agent's SDK event index newest first, page by page through the `after` cursor,
 * into compact columns, and feeds each page to the search worker. Full payloads are not loaded.
 */
export class EventStreamLoader {
  readonly columns = new EventColumns();
  private searchWorker: SearchClient | null = null;
  private state: StreamState = { loaded: 0, total: null, done: false, error: null, version: 0 };
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
    append: (start, codes, summaries, typeNames) => this.worker().append(start, codes, summaries, typeNames),
    search: (query, allowed) => this.worker().search(query, allowed),
    dispose: () => this.dispose(),
  };

  private worker(): SearchClient {
    if (!this.searchWorker) {
      this.searchWorker = createSearchClient();
      const c = this.columns;
      if (c.length > 0) this.searchWorker.append(0, c.typeCodes.slice(0, c.length), c.summaries.slice(), c.typeNames.slice());
    }
    return this.searchWorker;
  }

  start() {
    this.worker();
    if (this.running || this.state.done) return;
    this.running = true;
    this.abort = new AbortController();
    void this.loop(this.abort.signal);
  }

  /** Pauses loading and frees the worker; `start()` resumes where it stopped. */
  dispose() {
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
    this.worker().append(appended.start, appended.codes, appended.summaries, this.columns.typeNames.slice());
    if (rows.length > 0) this.lowestId = rows[0]![0];
    this.pages++;
    const done = after === 0 || rows.length === 0;
    this.set({ loaded: this.columns.length, total: Math.max(page.total, this.columns.length), done });
  }
}
