import { paths, type TownTab } from '../../../lib/paths';
import type { RouteContext } from './route-context';

/**
 * Whether a key press belongs to a field the admin is typing in: single-letter keys must never fire
 * there (a bead title with a "g" in it is not a tab switch). Buttons, checkboxes and links are not fields.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(el.type);
  return el.closest('[role="textbox"], [role="combobox"], [contenteditable="true"]') !== null;
}

const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'radio', 'range', 'color', 'submit', 'reset', 'file', 'image']);

/** `g` then a letter: where it goes. Town tabs need a town on screen; the two lists work anywhere. */
export interface GoKey {
  key: string;
  label: string;
  href: (context: RouteContext) => string | null;
}

const townTab = (key: string, tab: TownTab, label: string): GoKey => ({
  key,
  label,
  href: (c) => (c.townId ? paths.town.getHref(c.townId, tab) : null),
});

export const GO_KEYS: GoKey[] = [
  townTab('s', 'state', 'State tab'),
  townTab('a', 'agents', 'Agents tab'),
  townTab('r', 'review', 'Review queue tab'),
  townTab('c', 'container', 'Container tab'),
  townTab('o', 'config', 'Config tab'),
  townTab('e', 'events', 'Events tab'),
  townTab('l', 'audit', 'Town’s intervention log'),
  { key: 'u', label: 'User search', href: () => paths.users.getHref() },
  { key: 'i', label: 'Intervention log (all towns)', href: () => paths.audit.getHref() },
];

/** How long `g` waits for its letter. */
export const GO_WINDOW_MS = 1_500;

/** The cheat sheet's rows, in the words an operator reads. */
export const KEY_HELP: { keys: string[]; does: string }[] = [
  { keys: ['Ctrl K', '⌘ K'], does: 'Command palette: jump to a user, town, bead or agent; run an action on this page’s target' },
  { keys: ['/'], does: 'Focus this view’s search' },
  ...GO_KEYS.map((g) => ({ keys: [`g ${g.key}`], does: g.label })),
  { keys: ['j', 'k'], does: 'Next / previous row of the table' },
  { keys: ['Enter'], does: 'Open the selected row' },
  { keys: ['Esc'], does: 'Close the palette, a dialog or this sheet; leave a field (what it holds stays)' },
  { keys: ['?'], does: 'This cheat sheet' },
];
