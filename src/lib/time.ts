const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** "47 min", "3 h 12 min", "2 d 4 h": a span in the units an operator reads at a glance. */
export function formatDuration(ms: number): string {
  const abs = Math.max(0, ms);
  if (abs < MIN) return `${Math.round(abs / 1000)} s`;
  if (abs < HOUR) return `${Math.floor(abs / MIN)} min`;
  if (abs < DAY) {
    const h = Math.floor(abs / HOUR);
    const m = Math.floor((abs % HOUR) / MIN);
    return m ? `${h} h ${m} min` : `${h} h`;
  }
  const d = Math.floor(abs / DAY);
  const h = Math.floor((abs % DAY) / HOUR);
  return h ? `${d} d ${h} h` : `${d} d`;
}

/** "5 min ago", "in 12 min", "just now". */
export function formatRelative(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return 'never';
  const diff = now - Date.parse(iso);
  if (Number.isNaN(diff)) return 'unknown';
  if (Math.abs(diff) < 45_000) return 'just now';
  return diff > 0 ? `${formatDuration(diff)} ago` : `in ${formatDuration(-diff)}`;
}

/** Exact time for tooltips and exports: `2026-11-24 09:12:33.120 UTC`. */
export function formatExact(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().replace('T', ' ').replace('Z', '')} UTC`;
}

/** Exact time to the second, for a column headed "(UTC)": `2026-11-24 09:12:33`. */
export function formatUtc(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 19).replace('T', ' ');
}

export function msSince(iso: string | null | undefined, now: number = Date.now()): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : now - t;
}

export const MINUTE_MS = MIN;
export const HOUR_MS = HOUR;
export const DAY_MS = DAY;
