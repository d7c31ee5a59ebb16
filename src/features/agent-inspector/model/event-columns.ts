/**
 * The loaded part of an SDK event stream as columns, newest first (position 0 = newest event).
 * A million events cost ~17 MB of typed arrays plus the summary strings; full payloads are never
 * held here (they are fetched one at a time when a row is expanded).
 */
export class EventColumns {
  ids: Float64Array;
  times: Float64Array;
  typeCodes: Uint16Array;
  summaries: string[] = [];
  typeNames: string[] = [];
  private typeMap = new Map<string, number>();
  length = 0;

  constructor(capacity = 1024) {
    this.ids = new Float64Array(capacity);
    this.times = new Float64Array(capacity);
    this.typeCodes = new Uint16Array(capacity);
  }

  /** Appends rows given oldest first (as the API sends them): they go in newest first after what is loaded. */
  appendOlder(rows: readonly (readonly [number, number, string, string])[]): { start: number; codes: Uint16Array; summaries: string[] } {
    const start = this.length;
    this.ensure(start + rows.length);
    const codes = new Uint16Array(rows.length);
    const summaries: string[] = new Array<string>(rows.length);
    for (let i = rows.length - 1, p = 0; i >= 0; i--, p++) {
      const [id, at, type, summary] = rows[i]!;
      let code = this.typeMap.get(type);
      if (code === undefined) {
        code = this.typeNames.length;
        this.typeNames.push(type);
        this.typeMap.set(type, code);
      }
      this.ids[start + p] = id;
      this.times[start + p] = at;
      this.typeCodes[start + p] = code;
      this.summaries.push(summary);
      codes[p] = code;
      summaries[p] = summary;
    }
    this.length = start + rows.length;
    return { start, codes, summaries };
  }

  typeOf(position: number): string {
    return this.typeNames[this.typeCodes[position]!] ?? '';
  }

  /** Position of event `id` (ids descend with position), or -1 when it is not loaded. */
  positionOf(id: number): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.ids[mid]!;
      if (v === id) return mid;
      if (v > id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** First position whose time is at or before `epochMs` (times descend with position); `length` if none is loaded. */
  positionAtOrBefore(epochMs: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.times[mid]! > epochMs) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Positions below `to` whose type code is allowed, ascending (the filtered view). */
  filterPositions(allowed: ReadonlySet<number>, to = this.length): number[] {
    const out: number[] = [];
    const end = Math.min(to, this.length);
    for (let p = 0; p < end; p++) if (allowed.has(this.typeCodes[p]!)) out.push(p);
    return out;
  }

  private ensure(capacity: number) {
    if (capacity <= this.ids.length) return;
    const next = Math.max(capacity, this.ids.length * 2);
    const grow = <T extends Float64Array | Uint16Array>(old: T, make: (n: number) => T) => {
      const a = make(next);
      a.set(old);
      return a;
    };
    this.ids = grow(this.ids, (n) => new Float64Array(n));
    this.times = grow(this.times, (n) => new Float64Array(n));
    this.typeCodes = grow(this.typeCodes, (n) => new Uint16Array(n));
  }
}
