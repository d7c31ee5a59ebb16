import { SearchIndex, type SearchResult } from './search-index';

/** Which end of the loaded rows a batch joins: history pages after the oldest, the live tail before the newest. */
export type SearchEnd = 'older' | 'newer';

export type SearchRequest =
  | { kind: 'add'; end: SearchEnd; codes: Uint16Array; summaries: string[]; typeNames: string[] }
  | { kind: 'search'; seq: number; query: string; allowedTypes: number[] | null };
export type SearchResponse = SearchResult & { seq: number };

/** Search over loaded events, in a Web Worker when the platform has them, inline otherwise (jsdom). */
export interface SearchClient {
  /** `older`: rows newest first, after the oldest loaded; `newer`: rows oldest first, before the newest. */
  add(end: SearchEnd, codes: Uint16Array, summaries: string[], typeNames: string[]): void;
  search(query: string, allowedTypes: number[] | null): Promise<SearchResult>;
  dispose(): void;
}

export function addTo(index: SearchIndex, end: SearchEnd, codes: Uint16Array, summaries: string[], typeNames: string[]) {
  if (end === 'older') index.appendOlder(codes, summaries, typeNames);
  else index.prependNewer(codes, summaries, typeNames);
}

export function createSearchClient(): SearchClient {
  if (typeof Worker === 'undefined') return createInlineSearchClient();
  const worker = new Worker(new URL('../workers/event-search.worker.ts', import.meta.url), { type: 'module', name: 'event-search' });
  const pending = new Map<number, (r: SearchResult) => void>();
  let seq = 0;
  worker.onmessage = (event: MessageEvent<SearchResponse>) => {
    const resolve = pending.get(event.data.seq);
    pending.delete(event.data.seq);
    resolve?.(event.data);
  };
  return {
    add(end, codes, summaries, typeNames) {
      const msg: SearchRequest = { kind: 'add', end, codes, summaries, typeNames };
      worker.postMessage(msg, [codes.buffer]);
    },
    search(query, allowedTypes) {
      const id = ++seq;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        const msg: SearchRequest = { kind: 'search', seq: id, query, allowedTypes };
        worker.postMessage(msg);
      });
    },
    dispose() {
      worker.terminate();
      // Nobody waits forever on a terminated worker.
      for (const resolve of pending.values()) resolve({ query: '', matches: new Int32Array(0), searched: 0, newer: 0, ms: 0 });
      pending.clear();
    },
  };
}

export function createInlineSearchClient(): SearchClient {
  const index = new SearchIndex();
  return {
    add: (end, codes, summaries, typeNames) => addTo(index, end, codes, summaries, typeNames),
    search: (query, allowedTypes) => Promise.resolve(index.search(query, allowedTypes)),
    dispose: () => undefined,
  };
}
