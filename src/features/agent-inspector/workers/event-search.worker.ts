/// <reference lib="webworker" />
import { SearchIndex } from '../model/search-index';
import { addTo, type SearchRequest, type SearchResponse } from '../model/search-client';

/** The search worker: holds the stream's search text and answers queries off the main thread. */
const index = new SearchIndex();

self.onmessage = (event: MessageEvent<SearchRequest>) => {
  const msg = event.data;
  if (msg.kind === 'add') {
    addTo(index, msg.end, msg.codes, msg.summaries, msg.typeNames);
    return;
  }
  const result = index.search(msg.query, msg.allowedTypes);
  const response: SearchResponse = { seq: msg.seq, ...result };
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(response, [result.matches.buffer]);
};
