import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/** How long a new page may take to show its heading (its data loading) before focus is left alone. */
const HEADING_WAIT_MS = 10_000;

/**
 * Whether focus is where the operator put it on purpose and must stay: a field, a dialog, or a
 * navigation inside the page (a town's tabs, marked `data-keep-focus`), which stays where it is.
 */
function focusIsDeliberate(): boolean {
  const active = document.activeElement;
  if (!active || active === document.body || !active.isConnected) return false;
  return active.closest('[data-keep-focus], [role="tablist"], input, textarea, select, [role="dialog"]') !== null;
}

/**
 * After each route change, focus moves to the new page's main heading (`main h1`), so a keyboard or
 * screen-reader user starts at the top of what they opened instead of on `<body>` (issue 17: focus fell
 * to `<body>` after every route change). The heading may render only once the page's data has loaded,
 * so it is awaited. Switching a town's tabs, typing in a field or working in a dialog keeps its focus;
 * the first page load is left to the browser (the skip link comes first).
 */
export function useRouteFocus() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (focusIsDeliberate()) return;
    let done = false;
    const focusHeading = () => {
      const heading = document.querySelector<HTMLElement>('main h1');
      if (!heading || done) return false;
      done = true;
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
      return true;
    };
    if (focusHeading()) return;
    const main = document.querySelector('main') ?? document.body;
    const observer = new MutationObserver(() => {
      if (focusHeading()) stop();
    });
    // The operator moved on while the page loaded: their focus wins.
    const onFocusIn = () => stop();
    const timer = setTimeout(() => stop(), HEADING_WAIT_MS);
    function stop() {
      done = true;
      observer.disconnect();
      document.removeEventListener('focusin', onFocusIn);
      clearTimeout(timer);
    }
    observer.observe(main, { childList: true, subtree: true });
    document.addEventListener('focusin', onFocusIn);
    return stop;
  }, [pathname]);
}
