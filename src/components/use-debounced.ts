import { useEffect, useState } from 'react';

/**
 * `value` once it has stopped changing for `ms`; `key` says when it changed (e.g. its JSON), so a
 * value rebuilt on every render does not restart the wait. The first value is returned at once.
 * `settled` is false while a newer value is waiting.
 */
export function useDebounced<T>(value: T, key: string, ms: number): { value: T; settled: boolean } {
  const [latest, setLatest] = useState({ key, value });
  useEffect(() => {
    if (latest.key === key) return;
    const timer = setTimeout(() => setLatest({ key, value }), ms);
    return () => clearTimeout(timer);
    // `value` is deliberately read through `key`: a new object with the same key is the same value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, ms, latest.key]);
  return { value: latest.value, settled: latest.key === key };
}
