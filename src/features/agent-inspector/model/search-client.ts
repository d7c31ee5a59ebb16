import { SearchIndex, type SearchResult } from './search-index';

export type SearchRequest =
  | { kind: 'append'; start: number; codes: Uint16Array; summaries: string[]; typeNames: string[] }
  | { kind: 'search'; seq: number; query: string; allowedTypes: number[] | null };
export type SearchResponse = SearchResult & { seq: number };

/** Search over loaded events, in a Web Worker when the platform has them, inline otherwise (jsdom). */
export interface SearchClient {
  append(start: number, codes: Uint16Array, summaries: string[], typeNames: string[]): void;
  search(query: string, allowedTypes: number[] | null): Promise<SearchResult>;
  dispose(): void;
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
    append(start, codes, summaries, typeNames) {
      const msg: SearchRequest = { kind: 'append', start, codes, summaries, typeNames };
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
      for (const resolve of pending.values()) resolve({ query: '', matches: new Int32Array(0), searched: 0, ms: 0 });
      pending.clear();
    },
  };
}

export function createInlineSearchClient(): SearchClient {
  const index = new SearchIndex();
  return {
    append: (start, codes, summaries, typeNames) => index.append(start, codes, summaries, typeNames),
    search: (query, allowedTypes) => Promise.resolve(index.search(query, allowedTypes)),
    dispose: () => undefined,
  };
}
