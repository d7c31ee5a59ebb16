import { useCallback, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigationType, useSearchParams } from 'react-router';

/** A view's URL state as a pure pair (kept in the feature's `model/`, unit-tested there). */
export type ParseView<T> = (params: URLSearchParams) => T;
/** Writes the view into a copy of `base`, leaving parameters it does not own untouched. */
export type WriteView<T> = (view: T, base: URLSearchParams) => URLSearchParams;

/**
 * The one way a view keeps its state in the query string (every view is a deep link): the view is
 * `parse(url)`, and `update(patch)` writes `{ ...view, ...patch }` back with `write`. Updates replace
 * the history entry unless told otherwise (`replace: false` makes one a step that back undoes);
 * `options.replace` sets the default for this view.
 *
 * Navigations commit asynchronously (in a transition, after the route's loader), so two quick
 * updates (a chip click, then typing) would each start from the stale URL and the second would drop
 * the first. Updates therefore build on our own last write while the URL is still one of the states
 * we wrote (or the one we started from).
 */
export function useSearchState<T>(parse: ParseView<T>, write: WriteView<T>, options: { replace?: boolean } = {}) {
  const defaultReplace = options.replace ?? true;
  const [params, setParams] = useSearchParams();
  const ours = useRef<{ from: string; writes: string[] } | null>(null);
  const view = useMemo(() => parse(params), [params, parse]);
  const update = useCallback(
    (patch: Partial<T>, options: { replace?: boolean } = {}) => {
      const current = params.toString();
      const mine = ours.current;
      const inFlight = mine && (mine.from === current || mine.writes.includes(current));
      const base = inFlight ? new URLSearchParams(mine.writes[mine.writes.length - 1]) : params;
      const next = write({ ...parse(base), ...patch }, base);
      ours.current = inFlight
        ? { from: mine.from, writes: [...mine.writes.slice(-20), next.toString()] }
        : { from: current, writes: [next.toString()] };
      setParams(next, { replace: options.replace ?? defaultReplace });
    },
    [params, setParams, parse, write, defaultReplace],
  );
  return [view, update] as const;
}

/**
 * A text box bound to a URL value. The text is local state so typing never waits for the URL
 * (renders may see the committed and the pending URL in either order while navigations are in
 * flight); it follows the URL only on history moves (back/forward) or when `reset` is called.
 */
export function useUrlText(urlValue: string, onChange: (value: string) => void) {
  const location = useLocation();
  const navigationType = useNavigationType();
  const [state, setState] = useState({ text: urlValue, key: location.key });
  if (navigationType === 'POP' && location.key !== state.key) setState({ text: urlValue, key: location.key });
  const change = useCallback(
    (value: string) => {
      setState((s) => ({ ...s, text: value }));
      onChange(value);
    },
    [onChange],
  );
  const reset = useCallback((value: string) => setState((s) => ({ ...s, text: value })), []);
  return [state.text, change, reset] as const;
}
