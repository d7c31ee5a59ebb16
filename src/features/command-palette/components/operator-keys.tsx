import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useStore } from 'zustand';
import { GO_KEYS, GO_WINDOW_MS, isTypingTarget } from '../model/keys';
import { toRouteContext } from '../model/route-context';
import { moveRowFocus, openRowLink } from '../model/table-rows';
import { CheatSheet } from './cheat-sheet';
import { CommandPalette } from './command-palette';
import { openOverlay, overlayStore } from './overlays';

/** The view's own search box: the first search field of the page. */
function focusViewSearch(main: HTMLElement): boolean {
  const fields = [...main.querySelectorAll<HTMLInputElement>('input[type="search"], [role="search"] input')];
  // Every town page has the header's town-wide search box: the view's own filter comes first when it has one.
  const field = fields.find((f) => !f.closest('.town-search-box')) ?? fields[0] ?? null;
  field?.focus();
  field?.select();
  return field !== null;
}

const dialogOpen = () => document.querySelector('[role="dialog"], [role="alertdialog"]') !== null;

/**
 * The panel's keys, on the whole document: Ctrl/⌘-K opens the palette (also from a field: it types
 * nothing); `/`, `g` + letter, `j`/`k`, Enter and `?` act only when no field has the focus and no
 * dialog is open. Esc leaves a field; in a dialog it is the dialog's own (it closes). Mount once inside the router and the dialog host.
 */
export function OperatorKeys() {
  const open = useStore(overlayStore, (s) => s.open);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const pathnameRef = useRef(pathname);
  useEffect(() => {
    pathnameRef.current = pathname;
  }, [pathname]);

  useEffect(() => {
    let goSince: number | null = null;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const chord = event.ctrlKey || event.metaKey;
      if (chord && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        openOverlay(overlayStore.getState().open === 'palette' ? null : 'palette');
        return;
      }
      if (event.key === 'Escape' && isTypingTarget(event.target) && !dialogOpen()) {
        // Leaves the field (keeping what it holds: a search field would clear itself), so the keys work again.
        event.preventDefault();
        (event.target as HTMLElement).blur();
        return;
      }
      if (chord || event.altKey || isTypingTarget(event.target) || dialogOpen()) {
        goSince = null;
        return;
      }
      const main = document.getElementById('main') ?? document.body;
      if (goSince !== null) {
        const waited = event.timeStamp - goSince;
        goSince = null;
        const go = GO_KEYS.find((g) => g.key === event.key);
        const href = go && waited <= GO_WINDOW_MS ? go.href(toRouteContext(pathnameRef.current)) : null;
        if (href) {
          event.preventDefault();
          void navigate(href);
          return;
        }
      }
      switch (event.key) {
        case 'g':
          goSince = event.timeStamp;
          event.preventDefault();
          break;
        case '/':
          if (focusViewSearch(main)) event.preventDefault();
          break;
        case '?':
          event.preventDefault();
          openOverlay('keys');
          break;
        case 'j':
        case 'k':
          if (moveRowFocus(main, document.activeElement, event.key === 'j' ? 1 : -1)) event.preventDefault();
          break;
        case 'Enter':
          if (openRowLink(document.activeElement)) event.preventDefault();
          break;
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [navigate]);

  const onOpenChange = (which: 'palette' | 'keys') => (next: boolean) => openOverlay(next ? which : null);
  return (
    <>
      <CommandPalette open={open === 'palette'} onOpenChange={onOpenChange('palette')} />
      <CheatSheet open={open === 'keys'} onOpenChange={onOpenChange('keys')} />
    </>
  );
}

/** The topbar's way in for the mouse, naming the key. */
export function PaletteButton() {
  return (
    <button type="button" className="button button-small button-ghost palette-button" onClick={() => openOverlay('palette')}>
      Search or run… <kbd className="kbd">Ctrl K</kbd>
    </button>
  );
}
