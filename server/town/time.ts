export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** ISO time `ms` before `now`: health windows (1 h, 24 h, 30 min) are relative to the server clock. */
export const ago = (now: number, ms: number): string => new Date(now - ms).toISOString();
