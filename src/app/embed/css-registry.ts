/**
 * Federation build only: every stylesheet the panel imports (including those of lazy routes) is
 * registered here instead of being linked into the host's <head>, so `mount` can put them in one
 * <style> element and `unmount` can take them out again. The build rewrites the CSS imports.
 */
const sheets: string[] = [];
const listeners = new Set<(css: string) => void>();

export function registerCss(css: string): void {
  sheets.push(css);
  for (const listener of listeners) listener(css);
}

/** Calls `onSheet` for every stylesheet registered so far and for each one registered later, until stopped. */
export function followStylesheets(onSheet: (css: string) => void): () => void {
  for (const css of sheets) onSheet(css);
  listeners.add(onSheet);
  return () => listeners.delete(onSheet);
}
