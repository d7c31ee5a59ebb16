import { useEffect, useRef, useState } from 'react';
import { apiClient, SEARCH_MIN_CHARS, SearchLine, townSearchPath } from '../../../api';
import { addLine, EMPTY_RESULTS, type SearchResults } from '../model/search-results';

interface Run {
  /** `<town>\n<q>#<run>`: which request these results belong to. */
  id: string;
  results: SearchResults;
  error: unknown;
}

/**
 * Streams one town-wide search: results grow line by line as the TownDO and then each AgentDO answer.
 * A new query (or leaving the page) aborts the running request; each request's lines go only into its
 * own results, so a late line of an older search never mixes in.
 */
export function useTownSearch(townId: string, q: string): { results: SearchResults; error: unknown } {
  const [run, setRun] = useState<Run>({ id: '', results: EMPTY_RESULTS, error: null });
  const runs = useRef(0);
  const key = `${townId}\n${q}`;
  const active = q.trim().length >= SEARCH_MIN_CHARS;

  useEffect(() => {
    if (!active) return;
    const abort = new AbortController();
    const id = `${key}#${++runs.current}`;
    // The first line of this request starts its results afresh.
    const ours = (r: Run): Run => (r.id === id ? r : { id, results: EMPTY_RESULTS, error: null });
    apiClient
      .stream(
        townSearchPath(townId, q.trim()),
        SearchLine,
        (line) => {
          if (abort.signal.aborted) return;
          setRun((r) => {
            const current = ours(r);
            return { ...current, results: addLine(current.results, line) };
          });
        },
        abort.signal,
      )
      .catch((error: unknown) => {
        if (abort.signal.aborted) return;
        setRun((r) => {
          const current = ours(r);
          return { ...current, results: { ...current.results, status: 'failed' }, error };
        });
      });
    return () => abort.abort();
  }, [key, townId, q, active]);

  return run.id.startsWith(`${key}#`) ? run : { results: EMPTY_RESULTS, error: null };
}
