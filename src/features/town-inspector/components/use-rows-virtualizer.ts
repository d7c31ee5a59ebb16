import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import type { RefObject } from 'react';

// A scroll box that reports no height (not laid out yet, or a DOM without layout) still renders a first screenful.
const FALLBACK_HEIGHT = 640;

/** Fixed-height rows in a scroll box: cheap to scroll through 10k–50k rows. */
export function useRowsVirtualizer(
  count: number,
  scrollRef: RefObject<HTMLDivElement | null>,
  rowHeight: number,
  getKey: (index: number) => string,
) {
  // The virtualizer's methods are read fresh on every render here, so compiler memoization is not needed.
  // eslint-disable-next-line react-hooks/incompatible-library
  return useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    getItemKey: getKey,
    overscan: 12,
    // Let React batch scroll renders with the frame instead of forcing a synchronous one per scroll event.
    useFlushSync: false,
    observeElementRect: (instance, cb) =>
      observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width || 1200, height: FALLBACK_HEIGHT })),
  });
}
