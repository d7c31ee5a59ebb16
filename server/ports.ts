/**
 * The ports the reference admin API is written against. `server/` has no host in it: the Cloudflare host
 * (worker/) adapts a Durable Object's `ctx.storage` to `Storage`, the MSW host (src/mocks/) adapts an
 * in-memory SQLite compiled to WebAssembly. Both run the same routes, read models, engine and audit chain.
 */

/** A value SQLite hands back: DO storage gives ArrayBuffer for blobs, sql.js Uint8Array (we store none). */
export type SqlValue = string | number | null | ArrayBuffer | Uint8Array;
export type Row = Record<string, SqlValue>;

/** The result of one `exec`, shaped like a Durable Object's `SqlStorageCursor` (the parts we use). */
export interface SqlCursor<T extends Row = Row> {
  toArray(): T[];
  /** Rows as arrays in column order. */
  raw(): IterableIterator<SqlValue[]>;
  /** Rows written by the statement(s): inserted, updated or deleted. */
  readonly rowsWritten: number;
}

/**
 * Synchronous SQL, shaped like `ctx.storage.sql`: `exec(query, ...bindings)`. One statement with
 * bindings, or several separated by `;` without (migrations); the result is the last statement's.
 */
export interface SqlPort {
  exec<T extends Row = Row>(query: string, ...bindings: unknown[]): SqlCursor<T>;
}

/** One object's database: SQL plus `transactionSync` (all of `fn` commits, or none of it if it throws). */
export interface Storage {
  readonly sql: SqlPort;
  transactionSync<T>(fn: () => T): T;
  /** Drops every table and row (dev seeding starts each object afresh). */
  deleteAll(): Promise<void>;
  /**
   * Asks the host to call the object's `alarm()` at `at` (host time, ms), replacing any earlier request,
   * as a Durable Object alarm does; null cancels it.
   */
  setAlarm(at: number | null): Promise<void>;
}

/** Milliseconds since the epoch. Server code reads time only here, so tests and dev routes can move it. */
export interface Clock {
  now(): number;
}

/** Fresh UUIDs (request ids, event ids, audit entry ids). */
export interface Ids {
  uuid(): string;
}

/**
 * An object as another object or a route sees it: every method answers a promise, as Durable Object RPC
 * does (and as the MSW host mimics, with the arguments and results copied).
 */
export type Remote<T> = {
  [K in keyof T as T[K] extends (...args: never[]) => unknown ? K : never]: T[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : never;
};
