import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

export interface FixedRow {
  index: number;
  start: number;
}

/**
 * Windowing for a list of equal rows with at most one open row of measured height (the event viewer:
 * up to a million rows, the selected one expanded). Every figure is arithmetic on the row height, so
 * a render costs the rows on screen whatever the count. A general virtualizer keeps a measurement per
 * row and rebuilds all of them when the count changes: with the live tail putting rows in front ten
 * times a second, that was a 50–300 ms main-thread task per batch on a million-event viewer.
 */
export function useFixedRows({
  count,
  scrollRef,
  rowHeight,
  overscan,
  openIndex,
}: {
  count: number;
  scrollRef: RefObject<HTMLElement | null>;
  rowHeight: number;
  overscan: number;
  /** The expanded row's index, or -1. */
  openIndex: number;
}) {
  const [viewport, setViewport] = useState({ top: 0, height: 0 });
  // The open row's height beyond a plain row, measured from its element; it belongs to that row only.
  const [open, setOpen] = useState<{ index: number; extra: number }>({ index: -1, extra: 0 });
  const extra = open.index === openIndex && openIndex >= 0 ? open.extra : 0;

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const read = () =>
      setViewport((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
    read();
    el.addEventListener('scroll', read, { passive: true });
    const resize = new ResizeObserver(read);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', read);
      resize.disconnect();
    };
  }, [scrollRef]);

  const startOf = (index: number) => index * rowHeight + (openIndex >= 0 && index > openIndex ? extra : 0);
  const indexAt = (y: number) => {
    const plain = Math.floor(y / rowHeight);
    return openIndex >= 0 && plain > openIndex ? Math.max(openIndex, Math.floor((y - extra) / rowHeight)) : plain;
  };

  const items: FixedRow[] = [];
  if (count > 0) {
    const first = Math.max(0, indexAt(viewport.top) - overscan);
    const last = Math.min(count - 1, indexAt(viewport.top + Math.max(viewport.height, rowHeight)) + overscan);
    for (let i = first; i <= last; i++) items.push({ index: i, start: startOf(i) });
  }

  // Measures the open row whenever its element changes size (its payload loads, the width changes).
  const observer = useRef<ResizeObserver | null>(null);
  const measureOpen = useCallback(
    (el: HTMLElement | null) => {
      observer.current?.disconnect();
      observer.current = null;
      if (!el) return;
      const measure = () => setOpen({ index: openIndex, extra: Math.max(0, el.offsetHeight - rowHeight) });
      measure();
      observer.current = new ResizeObserver(measure);
      observer.current.observe(el);
    },
    [openIndex, rowHeight],
  );
  useEffect(() => () => observer.current?.disconnect(), []);

  const scrollToIndex = (index: number, align: 'start' | 'center') => {
    const el = scrollRef.current;
    if (!el) return;
    const size = rowHeight + (index === openIndex ? extra : 0);
    const top = align === 'center' ? startOf(index) - (el.clientHeight - size) / 2 : startOf(index);
    el.scrollTo({ top: Math.max(0, top) });
    // Render the rows there now, not only at the scroll event that follows (one frame later, or never
    // when the position did not change).
    setViewport({ top: el.scrollTop, height: el.clientHeight });
  };

  return { items, totalSize: count * rowHeight + extra, measureOpen, scrollToIndex };
}
