const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en');

/** 412,310 → "412.3K". */
export function formatCompact(n: number): string {
  return compact.format(n);
}

export function formatNumber(n: number): string {
  return whole.format(n);
}

/** Micro-dollars (production's cost unit) as dollars: 1_234_567 → "$1.23". */
export function formatCost(microdollars: number): string {
  return `$${(microdollars / 1_000_000).toFixed(2)}`;
}

/** `3f2a9c1b…` for a UUID; full ids stay available to copy. */
export function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

export function pluralize(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}
