/** Where the demo serves the panel (iframe `src`, remote entry under /remote/, API base). */
declare const __DEMO_PANEL_ORIGIN__: string;

/** The panel's federation remote; typed at the import site from src/remote.tsx. */
declare module 'gastownAdmin/mount';
