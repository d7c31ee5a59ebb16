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
  ms: number;
}

export class SearchIndex {
  private textIds = new Int32Array(1024);
  private typeCodes = new Uint16Array(1024);
  private texts: string[] = [];
  private textMap = new Map<string, number>();
  private typeNames: string[] = [];
  size = 0;

  /** Adds rows at positions `start..start+summaries.length-1` (positions grow contiguously). */
  append(start: number, typeCodes: ArrayLike<number>, summaries: readonly string[], typeNames: readonly string[]) {
    this.typeNames = [...typeNames];
    const end = start + summaries.length;
    this.ensure(end);
    for (let i = 0; i < summaries.length; i++) {
      const code = typeCodes[i]!;
      const text = `${this.typeNames[code] ?? ''}\t${summaries[i]}`.toLowerCase();
      let id = this.textMap.get(text);
      if (id === undefined) {
        id = this.texts.length;
        this.texts.push(text);
        this.textMap.set(text, id);
      }
      this.textIds[start + i] = id;
      this.typeCodes[start + i] = code;
    }
    this.size = Math.max(this.size, end);
  }

  /** Rows whose type or summary contains `query` (case-insensitive), restricted to `allowedTypes` when given. */
  search(query: string, allowedTypes: readonly number[] | null): SearchResult {
    const started = performance.now();
    const q = normalizeQuery(query);
    if (!q) return { query, matches: new Int32Array(0), searched: this.size, ms: 0 };
    const hit = new Uint8Array(this.texts.length);
    for (let t = 0; t < this.texts.length; t++) if (this.texts[t]!.includes(q)) hit[t] = 1;
    let allowed: Uint8Array | null = null;
    if (allowedTypes) {
      allowed = new Uint8Array(Math.max(this.typeNames.length, 1));
      for (const code of allowedTypes) allowed[code] = 1;
    }
    const out = new Int32Array(this.size);
    let n = 0;
    const ids = this.textIds;
    const codes = this.typeCodes;
    for (let r = 0; r < this.size; r++) {
      if (hit[ids[r]!] === 1 && (allowed === null || allowed[codes[r]!] === 1)) out[n++] = r;
    }
    return { query, matches: out.slice(0, n), searched: this.size, ms: performance.now() - started };
  }

  /** Distinct texts held (for figures and tests). */
  get distinct(): number {
    return this.texts.length;
  }

  private ensure(capacity: number) {
    if (capacity <= this.textIds.length) return;
    const next = Math.max(capacity, this.textIds.length * 2);
    const ids = new Int32Array(next);
    ids.set(this.textIds);
    this.textIds = ids;
    const codes = new Uint16Array(next);
    codes.set(this.typeCodes);
    this.typeCodes = codes;
  }
}

/** Lowercased, trimmed; tabs and newlines cannot occur inside a row's text, so they are dropped. */
export function normalizeQuery(query: string): string {
  return query
    .replace(/[\t\n\r]/g, ' ')
    .trim()
    .toLowerCase();
}
