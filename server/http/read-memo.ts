/**
 * The live views' latest answers, kept by path and ETag (server/routes/tags.ts). Twenty admins with
 * the same town open ask for the same body under the same tag: it is built and serialised once per
 * tag, and a request that arrives while it is being built waits for that build instead of starting
 * its own. A tag moves with every write to the town and every 15 s of town time, so an entry is
 * only ever served for the state it was built from (the tag is read before the body, as for 304s).
 * Bounded by entry count and size; in memory of one API instance, so a restart starts empty.
 */
export class ReadMemo {
  private readonly entries = new Map<string, Entry>();

  /**
   * `shareInFlight: false` keeps only finished bodies: a request never waits on a build another
   * request started. The Worker needs that: it shares one memo between requests, and a promise settled
   * in a request that the platform cancelled (its client went away) would never wake a waiter in another.
   */
  constructor(
    private readonly maxEntries = 64,
    private readonly maxChars = 2_000_000,
    private readonly shareInFlight = true,
  ) {}

  /**
   * The body for `key` under `etag`: the kept one, or `build()`'s (kept when it is text within the
   * size bound). `build` may answer something other than text (a Response): the caller that built it
   * gets it, and a request that waited on that build gets null and builds its own.
   */
  async get<T>(key: string, etag: string, build: () => Promise<string | T>): Promise<string | T | null> {
    const hit = this.entries.get(key);
    if (hit && hit.etag === etag) {
      // Most recently used last, so eviction drops the coldest.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return 'text' in hit ? hit.text : hit.pending;
    }
    const built = build();
    if (!this.shareInFlight) {
      const value = await built;
      if (typeof value === 'string' && value.length <= this.maxChars) this.keep(key, { etag, text: value });
      return value;
    }
    const pending = built.then(
      (value) => (typeof value === 'string' ? value : null),
      () => null,
    );
    const entry = { etag, pending };
    this.keep(key, entry);
    const value = await built.catch((error: unknown) => {
      this.forget(key, entry);
      throw error;
    });
    if (typeof value !== 'string' || value.length > this.maxChars) this.forget(key, entry);
    return value;
  }

  /** Drops everything (a dev route rewrote state behind the change counter: a reseed, a tampered row). */
  clear(): void {
    this.entries.clear();
  }

  private keep(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  private forget(key: string, entry: Entry): void {
    if (this.entries.get(key) === entry) this.entries.delete(key);
  }
}

/** A finished body, or (sharing in-flight builds) the build under way. */
type Entry = { etag: string; text: string } | { etag: string; pending: Promise<string | null> };
