import { useEffect, useMemo, useRef, useState } from 'react';
import type { SearchClient } from '../../model/search-client';
import { normalizeQuery, type SearchResult } from '../../model/search-index';

export interface SearchState {
  result: SearchResult | null;
  /** True while a search for the current inputs is in flight. */
  busy: boolean;
}

/**
 * Runs the search in the worker whenever the query, the type filter or the loaded count changes.
 * Latest wins: while one search runs, newer inputs wait and only the newest is sent next.
 */
export function useEventSearch(
  client: SearchClient,
  query: string,
  allowedTypes: number[] | null,
  loaded: number,
  /** Rows the live tail has added in front so far: a result from before them is shifted by the difference. */
  newer = 0,
): SearchState {
  const [done, setDone] = useState<{ key: string; result: SearchResult } | null>(null);
  const running = useRef(false);
  const mounted = useRef(true);
  const latest = useRef('');
  const next = useRef<{ key: string; query: string; allowed: number[] | null } | null>(null);
  const allowedKey = allowedTypes ? allowedTypes.join(',') : '-';
  const active = normalizeQuery(query) !== '';
  const key = `${loaded}|${allowedKey}|${query}`;

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    latest.current = key;
    if (!active) {
      next.current = null;
      return;
    }
    next.current = { key, query, allowed: allowedKey === '-' ? null : allowedKey ? allowedKey.split(',').map(Number) : [] };
    if (running.current) return;
    running.current = true;
    void (async () => {
      while (next.current) {
        const job = next.current;
        next.current = null;
        const result = await client.search(job.query, job.allowed);
        if (mounted.current && job.key === latest.current) setDone({ key: job.key, result });
      }
      running.current = false;
    })();
  }, [client, key, active, query, allowedKey]);

  // Keep showing the previous result (e.g. while more events load) until the new one arrives; rows the
  // live tail added since it ran sit in front, so its positions move down by that many.
  const shown = useMemo(() => {
    const result = done?.result ?? null;
    if (!result || result.newer === newer) return result;
    const shift = newer - result.newer;
    return { ...result, matches: result.matches.map((p) => p + shift), newer };
  }, [done, newer]);
  if (!active) return { result: null, busy: false };
  return { result: shown, busy: done?.key !== key };
}

/** Index in `matches` (ascending positions) of the first match after / before `position`, wrapping. */
export function neighbourMatch(matches: Int32Array, position: number | null, direction: 1 | -1): number {
  if (matches.length === 0) return -1;
  if (position === null) return direction === 1 ? 0 : matches.length - 1;
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (matches[mid]! <= position) lo = mid + 1;
    else hi = mid;
  }
  // lo = first index with match > position
  if (direction === 1) return lo < matches.length ? lo : 0;
  const before = matches[lo - 1] === position ? lo - 2 : lo - 1;
  return before >= 0 ? before : matches.length - 1;
}

/** Index of `position` in `matches`, or -1. */
export function matchIndexOf(matches: Int32Array, position: number | null): number {
  if (position === null) return -1;
  let lo = 0;
  let hi = matches.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = matches[mid]!;
    if (v === position) return mid;
    if (v < position) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
