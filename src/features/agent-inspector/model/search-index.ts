/**
 * Full-text search over the compact rows of an SDK event stream (type + one-line summary).
 * Runs in the search Web Worker (or inline where workers do not exist, e.g. jsdom).
 *
 * Why interning: event streams repeat themselves (heartbeats, "session busy", the same tool on the
 * same file), so the distinct texts are far fewer than the rows. A query scans the distinct texts
 * once (lowercased, `includes`) and then walks one Int32Array of text ids: a million rows cost a
 * few milliseconds however common the term is. With all-unique texts it degrades to one scan of
 * every text, which TOOLCHAIN.md measured at 53–102 ms for a million rows.
 */
export interface SearchResult {
  query: string;
  /** Row positions (0 = newest loaded event), ascending. */
  matches: Int32Array;
  /** Rows searched (the loaded events). */
  searched: number;
  /** Rows the live tail had added in front when this ran: positions shift by any added since. */
  newer: number;
  ms: number;
}

/** Text ids and type codes of one run of rows, appended at its end only (see EventColumns). */
class Run {
  textIds = new Int32Array(1024);
  typeCodes = new Uint16Array(1024);
  length = 0;

  push(textId: number, code: number) {
    if (this.length === this.textIds.length) {
      const ids = new Int32Array(this.length * 2);
      ids.set(this.textIds);
      this.textIds = ids;
      const codes = new Uint16Array(this.length * 2);
      codes.set(this.typeCodes);
      this.typeCodes = codes;
    }
    this.textIds[this.length] = textId;
    this.typeCodes[this.length] = code;
    this.length++;
  }
}

export class SearchIndex {
  /** Toward the stream's start (history pages), newest first. */
  private older = new Run();
  /** Toward its end (the live tail), oldest first: position p < newer.length is newer[length − 1 − p]. */
  private newer = new Run();
  private texts: string[] = [];
  private textMap = new Map<string, number>();
  private typeNames: string[] = [];

  get size(): number {
    return this.older.length + this.newer.length;
  }

  /** Adds history rows (newest first) after the oldest loaded. */
  appendOlder(typeCodes: ArrayLike<number>, summaries: readonly string[], typeNames: readonly string[]) {
    this.typeNames = [...typeNames];
    for (let i = 0; i < summaries.length; i++) this.older.push(this.intern(typeCodes[i]!, summaries[i]!), typeCodes[i]!);
  }

  /** Adds live-tail rows (oldest first) in front of the newest loaded. */
  prependNewer(typeCodes: ArrayLike<number>, summaries: readonly string[], typeNames: readonly string[]) {
    this.typeNames = [...typeNames];
    for (let i = 0; i < summaries.length; i++) this.newer.push(this.intern(typeCodes[i]!, summaries[i]!), typeCodes[i]!);
  }

  private intern(code: number, summary: string): number {
    const text = `${this.typeNames[code] ?? ''}\t${summary}`.toLowerCase();
    let id = this.textMap.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(text);
      this.textMap.set(text, id);
    }
    return id;
  }

  /** Rows whose type or summary contains `query` (case-insensitive), restricted to `allowedTypes` when given. */
  search(query: string, allowedTypes: readonly number[] | null): SearchResult {
    const started = performance.now();
    const q = normalizeQuery(query);
    const newer = this.newer.length;
    if (!q) return { query, matches: new Int32Array(0), searched: this.size, newer, ms: 0 };
    const hit = new Uint8Array(this.texts.length);
    for (let t = 0; t < this.texts.length; t++) if (this.texts[t]!.includes(q)) hit[t] = 1;
    let allowed: Uint8Array | null = null;
    if (allowedTypes) {
      allowed = new Uint8Array(Math.max(this.typeNames.length, 1));
      for (const code of allowedTypes) allowed[code] = 1;
    }
    const out = new Int32Array(this.size);
    let n = 0;
    const take = (ids: Int32Array, codes: Uint16Array, r: number) => hit[ids[r]!] === 1 && (allowed === null || allowed[codes[r]!] === 1);
    const nw = this.newer;
    for (let r = newer - 1; r >= 0; r--) if (take(nw.textIds, nw.typeCodes, r)) out[n++] = newer - 1 - r;
    const old = this.older;
    for (let r = 0; r < old.length; r++) if (take(old.textIds, old.typeCodes, r)) out[n++] = newer + r;
    return { query, matches: out.slice(0, n), searched: this.size, newer, ms: performance.now() - started };
  }

  /** Distinct texts held (for figures and tests). */
  get distinct(): number {
    return this.texts.length;
  }
}

/** Lowercased, trimmed; tabs and newlines cannot occur inside a row's text, so they are dropped. */
export function normalizeQuery(query: string): string {
  return query
    .replace(/[\t\n\r]/g, ' ')
    .trim()
    .toLowerCase();
}
