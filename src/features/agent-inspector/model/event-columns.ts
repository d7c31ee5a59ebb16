type IndexRow = readonly [number, number, string, string];

/** One growable run of compact rows (ids, times, type codes, summaries), appended at its end only. */
class Run {
  ids: Float64Array;
  times: Float64Array;
  typeCodes: Uint16Array;
  summaries: string[] = [];
  length = 0;

  constructor(capacity: number) {
    this.ids = new Float64Array(capacity);
    this.times = new Float64Array(capacity);
    this.typeCodes = new Uint16Array(capacity);
  }

  push(id: number, at: number, code: number, summary: string) {
    if (this.length === this.ids.length) this.grow();
    this.ids[this.length] = id;
    this.times[this.length] = at;
    this.typeCodes[this.length] = code;
    this.summaries.push(summary);
    this.length++;
  }

  private grow() {
    const next = Math.max(1024, this.ids.length * 2);
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

/**
 * The loaded part of an SDK event stream as columns, newest first (position 0 = newest event).
 * A million events cost ~17 MB of typed arrays plus the summary strings; full payloads are never
 * held here (they are fetched one at a time when a row is expanded).
 *
 * Two runs, each only ever appended to: `older` grows toward the stream's start as history pages load,
 * `newer` toward its end as the live tail brings new events. Position p reads `newer` backwards, then
 * `older`, so neither a history page nor a new event copies the million rows already held.
 */
export class EventColumns {
  private readonly older: Run;
  private readonly newer = new Run(64);
  typeNames: string[] = [];
  private typeMap = new Map<string, number>();

  constructor(capacity = 1024) {
    this.older = new Run(capacity);
  }

  get length(): number {
    return this.older.length + this.newer.length;
  }

  /** Events the live tail added in front of the first page (positions 0 … newerCount − 1). */
  get newerCount(): number {
    return this.newer.length;
  }

  /** Appends rows given oldest first (as the API sends them): they go in newest first after what is loaded. */
  appendOlder(rows: readonly IndexRow[]): { codes: Uint16Array; summaries: string[] } {
    const codes = new Uint16Array(rows.length);
    const summaries: string[] = new Array<string>(rows.length);
    for (let i = rows.length - 1, p = 0; i >= 0; i--, p++) {
      const [id, at, type, summary] = rows[i]!;
      const code = this.code(type);
      this.older.push(id, at, code, summary);
      codes[p] = code;
      summaries[p] = summary;
    }
    return { codes, summaries };
  }

  /** Puts rows newer than everything held (given oldest first) in front: they take positions 0 … n − 1. */
  prependNewer(rows: readonly IndexRow[]): { codes: Uint16Array; summaries: string[] } {
    const codes = new Uint16Array(rows.length);
    const summaries: string[] = new Array<string>(rows.length);
    rows.forEach(([id, at, type, summary], i) => {
      const code = this.code(type);
      this.newer.push(id, at, code, summary);
      codes[i] = code;
      summaries[i] = summary;
    });
    return { codes, summaries };
  }

  /** The newest id held (0 for none): where the live tail asks from. */
  get newestId(): number {
    return this.length > 0 ? this.id(0) : 0;
  }

  id(position: number): number {
    const n = this.newer.length;
    return position < n ? this.newer.ids[n - 1 - position]! : this.older.ids[position - n]!;
  }

  time(position: number): number {
    const n = this.newer.length;
    return position < n ? this.newer.times[n - 1 - position]! : this.older.times[position - n]!;
  }

  typeCode(position: number): number {
    const n = this.newer.length;
    return position < n ? this.newer.typeCodes[n - 1 - position]! : this.older.typeCodes[position - n]!;
  }

  summary(position: number): string {
    const n = this.newer.length;
    return position < n ? this.newer.summaries[n - 1 - position]! : this.older.summaries[position - n]!;
  }

  typeOf(position: number): string {
    return this.typeNames[this.typeCode(position)] ?? '';
  }

  /** Every row's type code and summary, newest first (to feed a fresh search worker). */
  snapshot(): { codes: Uint16Array; summaries: string[] } {
    const codes = new Uint16Array(this.length);
    const summaries = new Array<string>(this.length);
    for (let p = 0; p < this.length; p++) {
      codes[p] = this.typeCode(p);
      summaries[p] = this.summary(p);
    }
    return { codes, summaries };
  }

  /** Position of event `id` (ids descend with position), or -1 when it is not loaded. */
  positionOf(id: number): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.id(mid);
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
      if (this.time(mid) > epochMs) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Positions below `to` whose type code is allowed, ascending (the filtered view). */
  filterPositions(allowed: ReadonlySet<number>, to = this.length): number[] {
    const out: number[] = [];
    const end = Math.min(to, this.length);
    for (let p = 0; p < end; p++) if (allowed.has(this.typeCode(p))) out.push(p);
    return out;
  }

  private code(type: string): number {
    let code = this.typeMap.get(type);
    if (code === undefined) {
      code = this.typeNames.length;
      this.typeNames.push(type);
      this.typeMap.set(type, code);
    }
    return code;
  }
}
