import { useRef } from 'react';

/** The element's accessible name as a person reads it: its label, or its text. */
const nameOf = (el: Element) => el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';

const focusable = (el: Element | null): el is HTMLElement =>
  el instanceof HTMLElement && el.isConnected && !el.matches(':disabled') && el.closest('[inert]') === null;

/**
 * Where focus goes when a dialog closes: back to what opened it. Radix does that by itself, unless the
 * opener is gone by then — an action's refetch re-renders its row and the button with it, a menu item
 * closes with its menu — and focus then fell to `<body>` (issue 17). This finds the opener's stand-in
 * (the same kind of control with the same name, as re-rendered), or else the page's heading.
 */
export function restoreFocus(opener: Element | null) {
  if (focusable(opener)) return opener.focus();
  if (opener) {
    const name = nameOf(opener);
    const standIn = [...document.querySelectorAll(opener.tagName)].find((el) => focusable(el) && nameOf(el) === name);
    if (focusable(standIn ?? null)) return (standIn as HTMLElement).focus();
  }
  const heading = document.querySelector<HTMLElement>('main h1');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus();
  }
}

/**
 * Props for a Radix `Dialog.Content`: remembers what had focus when the dialog opened and returns
 * focus there (or to its stand-in, see restoreFocus) when it closes. `skip()` leaves focus alone for
 * the next close, for a dialog that closes by navigating (the new page's heading takes focus).
 */
export function useDialogFocus() {
  const opener = useRef<Element | null>(null);
  const skipNext = useRef(false);
  return {
    skip: () => {
      skipNext.current = true;
    },
    props: {
      onOpenAutoFocus: () => {
        // Radix calls this before it moves focus into the dialog: activeElement is still the opener.
        opener.current = document.activeElement;
        skipNext.current = false;
      },
      onCloseAutoFocus: (event: Event) => {
        event.preventDefault();
        if (skipNext.current) return;
        restoreFocus(opener.current);
      },
    },
  };
}
